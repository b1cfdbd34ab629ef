import { describe, expect, it } from "vitest";
import { probeDiscovery } from "./probe.js";
import type { DiscoveryTransport, HttpRequest, HttpResponse, TlsDetails } from "./transport.js";

const TRUSTED: TlsDetails = {
  trusted: true,
  nameMatches: true,
  issuer: "CN=Test CA",
  validTo: "2030-01-01T00:00:00.000Z",
};

/** A transport answering each request from `answer`, with `tlsFor` choosing each host's certificate. */
function transport(
  answer: (request: HttpRequest) => Partial<HttpResponse>,
  tlsFor: (host: string) => TlsDetails = () => TRUSTED,
): DiscoveryTransport {
  return {
    async resolve(host) {
      return { host, cnames: [], addresses: ["192.0.2.1"] };
    },
    async send(request) {
      const response = { status: 200, headers: {}, body: "", ...answer(request) };
      return {
        request,
        ...(request.url.startsWith("https:") ? { tls: tlsFor(new URL(request.url).hostname) } : {}),
        response: {
          bytes: response.body.length,
          truncated: false,
          chunked: false,
          ...response,
        },
      };
    },
  };
}

describe("diagnoseDiscovery, hardening cases", () => {
  it("checks the certificate of a host a redirect leads to, not only the first host's", async () => {
    const report = await probeDiscovery("someone@contoso.com", {
      transport: transport(
        (request) =>
          request.url.includes("login.elsewhere.example")
            ? { status: 200 }
            : {
                status: 302,
                headers: {
                  location: "https://login.elsewhere.example/EnrollmentServer/Discovery.svc",
                },
              },
        (host) =>
          host === "login.elsewhere.example" ? { ...TRUSTED, nameMatches: false } : TRUSTED,
      ),
    });
    const mismatch = report.diagnostics.find((d) => d.code === "tls-name-mismatch");
    expect(mismatch?.severity).toBe("error");
    expect(mismatch?.message).toContain("login.elsewhere.example");
    expect(report.verdict).toBe("not-discoverable");
  });

  it("does not repeat a certificate finding for the same host along a redirect chain", async () => {
    let hops = 0;
    const report = await probeDiscovery("someone@contoso.com", {
      transport: transport(
        () =>
          hops++ < 2
            ? {
                status: 302,
                headers: {
                  location: `https://enterpriseenrollment.contoso.com/EnrollmentServer/Discovery.svc?hop=${hops}`,
                },
              }
            : { status: 200 },
        () => ({ ...TRUSTED, trusted: false }),
      ),
    });
    expect(report.diagnostics.filter((d) => d.code === "tls-untrusted")).toHaveLength(1);
  });

  it.each([
    [429, "throttling"],
    [503, "unavailable"],
  ])("quotes Retry-After on a %i and says to wait before probing again", async (status, word) => {
    const report = await probeDiscovery("someone@contoso.com", {
      transport: transport(() => ({ status, headers: { "retry-after": "120" } })),
    });
    const hit = report.diagnostics.find((d) => d.code === "get-status");
    expect(hit?.message).toContain(`HTTP ${status} (Retry-After: 120)`);
    expect(hit?.hint).toContain(word);
    expect(hit?.hint).toContain("Retry-After");
  });

  it("leaves a 500 without Retry-After talk", async () => {
    const report = await probeDiscovery("someone@contoso.com", {
      transport: transport(() => ({ status: 500, headers: { "retry-after": "120" } })),
    });
    const hit = report.diagnostics.find((d) => d.code === "get-status");
    expect(hit?.message).toBe(
      "The GET got HTTP 500; Windows expects the endpoint to answer (HTTP 200) before it POSTs.",
    );
    expect(hit?.hint).not.toContain("Retry-After");
  });
});
