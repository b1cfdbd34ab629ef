import { describe, expect, it } from "vitest";
import { probeDiscovery, resolveProbeTarget } from "./probe.js";
import { buildDiscoverFault, discoverResponseSamples } from "./samples.js";
import type {
  DiscoveryTransport,
  HttpExchange,
  HttpRequest,
  HttpResponse,
  TlsDetails,
} from "./transport.js";

const URL_ = "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc";
const TRUSTED: TlsDetails = {
  trusted: true,
  nameMatches: true,
  issuer: "CN=Test CA",
  validTo: "2030-01-01T00:00:00.000Z",
};

type Handler = (
  request: HttpRequest,
) => Partial<HttpResponse> & { failure?: HttpExchange["failure"]; tls?: TlsDetails };

function fake(handler: Handler, dnsError?: string): DiscoveryTransport & { sent: HttpRequest[] } {
  const sent: HttpRequest[] = [];
  return {
    sent,
    async resolve(host) {
      return dnsError
        ? { host, cnames: [], addresses: [], error: dnsError, errorCode: "ENOTFOUND" }
        : {
            host,
            cnames: ["enterpriseenrollment-s.manage.microsoft.com"],
            addresses: ["192.0.2.1"],
          };
    },
    async send(request) {
      sent.push(request);
      const { failure, tls, ...response } = handler(request);
      const secure = request.url.startsWith("https:");
      if (failure) return { request, failure, ...(secure ? { tls: tls ?? TRUSTED } : {}) };
      const body = response.body ?? "";
      return {
        request,
        ...(secure ? { tls: tls ?? TRUSTED } : {}),
        response: {
          status: 200,
          headers: {},
          bytes: body.length,
          truncated: false,
          chunked: false,
          ...response,
          body,
        },
      };
    },
  };
}

const soap = { "content-type": "application/soap+xml; charset=utf-8" };
const samples = discoverResponseSamples();
const federated = samples[0]!.xml;

function server(post: Handler, get: Handler = () => ({ status: 200 })): Handler {
  return (request) => (request.method === "GET" ? get(request) : post(request));
}

async function probe(
  handler: Handler,
  options: Partial<Parameters<typeof probeDiscovery>[1]> = {},
  dnsError?: string,
) {
  const transport = fake(handler, dnsError);
  const report = await probeDiscovery("someone@contoso.com", { transport, ...options });
  const codes = report.diagnostics.map((d) => d.code);
  return { report, codes, transport };
}

describe("resolveProbeTarget", () => {
  it("takes an e-mail, a domain or a URL", () => {
    expect(resolveProbeTarget("someone@contoso.com")).toEqual({
      url: URL_,
      host: "enterpriseenrollment.contoso.com",
      email: "someone@contoso.com",
    });
    expect(resolveProbeTarget("contoso.com").email).toBe("discovery-probe@contoso.com");
    expect(
      resolveProbeTarget("https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc")
        .host,
    ).toBe("enrollment.manage.microsoft.com");
  });
});

describe("probeDiscovery", () => {
  it.each(samples.map((s) => [s.name, s.name] as const))(
    "passes the MS-MDE2 %s sample",
    async (_, name) => {
      const echo = (r: HttpRequest) =>
        discoverResponseSamples(/<a:MessageID>([^<]*)</.exec(r.body ?? "")![1]).find(
          (s) => s.name === name,
        )!.xml;
      const { report, transport } = await probe(
        server((r) => ({ headers: soap, body: echo(r) })),
        { authPolicies: ["OnPremise", "Federated", "Certificate"] },
      );
      expect(report.verdict).toBe("discoverable");
      expect(report.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(report.steps.map((s) => s.verdict)).toEqual(["pass", "pass", "pass", "pass"]);
      expect(transport.sent.map((r) => r.method)).toEqual(["GET", "POST"]);
      expect(transport.sent[0]!.headers["User-Agent"]).toBe("Windows Phone 8 Enrollment Client");
      expect(transport.sent[1]!.body).toContain("<EmailAddress>someone@contoso.com</EmailAddress>");
    },
  );

  it("notes an Intune CNAME", async () => {
    const { codes } = await probe(server(() => ({ headers: soap, body: federated })));
    expect(codes).toContain("dns-intune");
  });

  it("maps each SOAP fault to its catalog entry", async () => {
    const { report, codes } = await probe(
      server(() => ({
        status: 500,
        headers: soap,
        body: buildDiscoverFault({ subcode: "Authorization", errorType: "DeviceNotSupported" }),
      })),
    );
    expect(report.ok).toBe(false);
    expect(codes).toContain("soap-fault");
    expect(report.errors).toContain("menroll-e-devicenotsupported");
    expect(report.diagnostics.find((d) => d.code === "soap-fault")!.message).toContain(
      "0x80180014",
    );
  });

  it.each([
    ["chunked", { chunked: true, headers: soap, body: federated }, "chunked-response"],
    ["an empty 200", { headers: soap, body: "" }, "empty-response"],
    [
      "text/html",
      { headers: { "content-type": "text/html" }, body: federated },
      "wrong-content-type",
    ],
    ["no content type", { headers: {}, body: federated }, "wrong-content-type"],
    ["HTTP 404", { status: 404, headers: {}, body: "nope" }, "post-status"],
    ["a truncated body", { truncated: true, headers: soap, body: "<s:Env" }, "response-too-large"],
    ["HTML", { headers: soap, body: "<html><body>hi</body></html>" }, "invalid-response"],
  ] as const)("fails %s", async (_, response, code) => {
    const { report, codes } = await probe(server(() => response));
    expect(codes).toContain(code);
    expect(report.ok).toBe(false);
  });

  it("reports an empty 200 as MENROLL_E_EMPTY_MESSAGE", async () => {
    const { report } = await probe(server(() => ({ headers: soap, body: "  " })));
    expect(report.errors).toContain("menroll-e-empty-message");
  });

  it.each([
    [
      "Federated without an AuthenticationServiceUrl",
      federated.replace(/<AuthenticationServiceUrl>[\s\S]*<\/AuthenticationServiceUrl>/, ""),
      "federated-without-auth-url",
    ],
    [
      "an http AuthenticationServiceUrl",
      federated.replace("https://portal", "http://portal"),
      "auth-url-not-https",
    ],
    [
      "an http EnrollmentServiceUrl",
      federated.replace(/<EnrollmentServiceUrl>\s*https/, "<EnrollmentServiceUrl>http"),
      "enrollment-url-not-https",
    ],
    [
      "services on two hosts",
      federated.replace(
        /<EnrollmentServiceUrl>\s*https:\/\/enrolltest/,
        "<EnrollmentServiceUrl>https://other",
      ),
      "services-on-different-hosts",
    ],
    ["an AuthPolicy not offered", samples[2]!.xml, "auth-policy-not-offered"],
    [
      "an unknown AuthPolicy",
      federated.replace(">Federated<", ">federated<"),
      "auth-policy-unknown",
    ],
    [
      "a version above the request",
      federated.replace("<EnrollmentVersion>5.0", "<EnrollmentVersion>6.0"),
      "enrollment-version-too-high",
    ],
  ])("fails %s", async (_, xml, code) => {
    const { report, codes } = await probe(server(() => ({ headers: soap, body: xml })));
    expect(codes).toContain(code);
    expect(report.verdict).toBe("not-discoverable");
  });

  it("warns about text/xml and a RelatesTo that does not echo the MessageID, but passes", async () => {
    const { report, codes } = await probe(
      server(() => ({ headers: { "content-type": "text/xml" }, body: federated })),
    );
    expect(codes).toEqual(
      expect.arrayContaining(["content-type-not-soap12", "relates-to-mismatch"]),
    );
    expect(report.ok).toBe(true);
  });

  it("stops at DNS when the name does not resolve", async () => {
    const { report, codes, transport } = await probe(
      () => ({}),
      {},
      "queryA ENOTFOUND enterpriseenrollment.contoso.com",
    );
    expect(codes).toEqual(["dns-not-found"]);
    expect(report.errors).toEqual(["discovery-endpoint-not-found"]);
    expect(transport.sent).toHaveLength(0);
    expect(report.steps.map((s) => s.verdict)).toEqual(["fail", "skipped", "skipped", "skipped"]);
  });

  it("fails an untrusted or misnamed certificate and tries plain HTTP, as Windows does", async () => {
    const tls: TlsDetails = {
      trusted: false,
      trustError: "SELF_SIGNED_CERT_IN_CHAIN",
      nameMatches: false,
      altNames: ["other.example"],
    };
    const { report, codes, transport } = await probe((r) =>
      r.url.startsWith("http:") ? { status: 404 } : { tls, status: 200 },
    );
    expect(codes).toEqual(
      expect.arrayContaining(["tls-untrusted", "tls-name-mismatch", "http-fallback-no-redirect"]),
    );
    expect(transport.sent.map((r) => `${r.method} ${r.url.split(":")[0]}`)).toEqual([
      "GET https",
      "GET http",
    ]);
    expect(report.steps[2]!.verdict).toBe("skipped");
  });

  it("fails an expired certificate as MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID", async () => {
    const tls: TlsDetails = {
      ...TRUSTED,
      trusted: false,
      trustError: "CERT_HAS_EXPIRED",
      validTo: "2020-01-01T00:00:00.000Z",
    };
    const { report, codes } = await probe((r) =>
      r.url.startsWith("http:") ? { status: 404 } : { tls, status: 200 },
    );
    expect(codes).toContain("tls-certificate-expired");
    expect(codes).not.toContain("tls-untrusted");
    expect(report.errors).toContain("menroll-e-discovery-sec-cert-date-invalid");
  });

  it("follows an HTTP fallback redirect to HTTPS with a warning (the user is prompted)", async () => {
    const { report, codes, transport } = await probe((r) => {
      if (r.url.startsWith("http:"))
        return {
          status: 302,
          headers: { location: "https://mdm.contoso.com/EnrollmentServer/Discovery.svc" },
        };
      if (r.url.includes("EnterpriseEnrollment"))
        return { failure: { kind: "connect", message: "connect ECONNREFUSED" } };
      return { headers: soap, body: federated };
    });
    expect(codes).toContain("http-fallback-redirect");
    expect(transport.sent.at(-1)!.url).toBe(
      "https://mdm.contoso.com/EnrollmentServer/Discovery.svc",
    );
    expect(report.steps[1]!.verdict).toBe("warn");
    expect(report.ok).toBe(true);
  });

  it("does not follow HTTPS to HTTP redirects and says 0x8018001A", async () => {
    const { report, codes } = await probe(
      server(
        () => ({}),
        () => ({ status: 301, headers: { location: "http://insecure.contoso.com/x" } }),
      ),
    );
    expect(codes).toContain("redirect-to-http");
    expect(report.errors).toContain("menroll-e-insecureredirect");
    expect(report.ok).toBe(false);
  });

  it("follows HTTPS redirects up to the limit", async () => {
    let hops = 0;
    const { codes, report } = await probe(
      server(
        () => ({ headers: soap, body: federated }),
        (r) =>
          r.url.endsWith("/final")
            ? { status: 200 }
            : { status: 302, headers: { location: `/hop${++hops < 3 ? hops : "/final"}` } },
      ),
    );
    expect(codes.filter((c) => c === "redirect-followed")).toHaveLength(3);
    expect(report.ok).toBe(true);
    const loop = await probe(
      server(
        () => ({}),
        () => ({ status: 302, headers: { location: "/again" } }),
      ),
    );
    expect(loop.codes).toContain("too-many-redirects");
  });

  it("fails a POST redirected with 302 (the body would be lost)", async () => {
    const { codes } = await probe(
      server(() => ({ status: 302, headers: { location: "/elsewhere" } })),
    );
    expect(codes).toContain("post-redirected");
  });

  it("ends at the timeout with a clear verdict", async () => {
    const { report, codes } = await probe(
      () => ({ failure: { kind: "timeout", message: "no complete answer within 2000 ms" } }),
      { timeoutMs: 2000 },
    );
    expect(codes.filter((c) => c !== "dns-intune")).toEqual(["timeout"]);
    expect(report.summary).toMatch(/GET failed/);
    expect(report.diagnostics.find((d) => d.code === "timeout")!.message).toContain("2s");
  });

  it("spends one time budget across the steps", async () => {
    let clock = 0;
    const budgets: number[] = [];
    const transport = fake(server(() => ({ headers: soap, body: federated })));
    const send = transport.send.bind(transport);
    transport.send = async (request, options) => {
      budgets.push(options.timeoutMs);
      clock += 6000;
      return send(request, options);
    };
    const report = await probeDiscovery("contoso.com", {
      transport,
      timeoutMs: 5000,
      now: () => clock,
    });
    expect(budgets).toEqual([5000]);
    expect(report.ok).toBe(false);
    expect(report.steps[2]!.diagnostics.map((d) => d.code)).toEqual(["timeout"]);
  });
});
