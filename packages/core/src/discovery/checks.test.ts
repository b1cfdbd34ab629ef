import { describe, expect, it } from "vitest";
import { formatCitation } from "../sources/sources.js";
import { DISCOVERY_CHECKS } from "./checks.js";
import { diagnoseDiscovery } from "./diagnose.js";
import type { DiscoveryObservation, FollowedExchange, Redirect } from "./observation.js";
import { ENROLLMENT_NAMESPACE, SOAP11_NAMESPACE, SOAP12_NAMESPACE } from "./request.js";
import { buildDiscoverFault } from "./samples.js";
import type { HttpExchange, HttpResponse, TlsDetails } from "./transport.js";

// Every observation here is written by hand: diagnoseDiscovery is pure, so no server is needed to
// reach a code. The probe's own tests (probe.test.ts) run the same judgement over real exchanges.

const HOST = "enterpriseenrollment.contoso.com";
const URL = `https://${HOST}/EnrollmentServer/Discovery.svc`;
const MESSAGE_ID = "urn:uuid:748132ec-a575-4329-b01b-6171a9cf8478";
const SERVICE = "https://mdm.contoso.com/EnrollmentServer/Enrollment.svc";
const POLICY = "https://mdm.contoso.com/EnrollmentServer/Policy.svc";
const CHECKED_AT = Date.parse("2026-11-28T12:00:00Z");

const TLS: TlsDetails = {
  trusted: true,
  nameMatches: true,
  subject: `CN=${HOST}`,
  issuer: "CN=Test CA",
  validFrom: "2026-01-01T00:00:00.000Z",
  validTo: "2030-01-01T00:00:00.000Z",
  altNames: [HOST],
};

interface ResultFields {
  authPolicy?: string;
  enrollmentVersion?: string;
  enrollmentServiceUrl?: string;
  enrollmentPolicyServiceUrl?: string;
  authenticationServiceUrl?: string;
  relatesTo?: string;
  envelope?: string;
}

/** A DiscoverResponse with the fields given; a field set to undefined is left out. */
function discoverResponse(overrides: ResultFields = {}): string {
  const fields: ResultFields = {
    authPolicy: "OnPremise",
    enrollmentVersion: "5.0",
    enrollmentServiceUrl: SERVICE,
    enrollmentPolicyServiceUrl: POLICY,
    relatesTo: MESSAGE_ID,
    envelope: SOAP12_NAMESPACE,
    ...overrides,
  };
  const element = (name: string, value: string | undefined) =>
    value === undefined ? "" : `<${name}>${value}</${name}>`;
  return `<s:Envelope xmlns:s="${fields.envelope}" xmlns:a="http://www.w3.org/2005/08/addressing">
  <s:Header>${element("a:RelatesTo", fields.relatesTo)}</s:Header>
  <s:Body>
    <DiscoverResponse xmlns="${ENROLLMENT_NAMESPACE}">
      <DiscoverResult>
        ${element("AuthPolicy", fields.authPolicy)}
        ${element("EnrollmentVersion", fields.enrollmentVersion)}
        ${element("EnrollmentPolicyServiceUrl", fields.enrollmentPolicyServiceUrl)}
        ${element("EnrollmentServiceUrl", fields.enrollmentServiceUrl)}
        ${element("AuthenticationServiceUrl", fields.authenticationServiceUrl)}
      </DiscoverResult>
    </DiscoverResponse>
  </s:Body>
</s:Envelope>`;
}

function exchange(
  method: "GET" | "POST",
  url: string,
  response: Partial<HttpResponse> | undefined,
  extra: Partial<HttpExchange> = {},
): HttpExchange {
  const body = response?.body ?? "";
  return {
    request: { method, url, headers: {} },
    ...(url.startsWith("https:") ? { tls: TLS } : {}),
    ...(response
      ? {
          response: {
            status: 200,
            headers: {},
            body,
            bytes: body.length,
            truncated: false,
            chunked: false,
            ...response,
          },
        }
      : {}),
    ...extra,
  };
}

function followed(
  exchanges: HttpExchange[],
  redirects: Redirect[] = [],
  stopped?: FollowedExchange["stopped"],
): FollowedExchange {
  return { exchanges, redirects, ...(stopped ? { stopped } : {}) };
}

const SOAP_HEADERS = { "content-type": "application/soap+xml; charset=utf-8" };

function post(response: Partial<HttpResponse> = {}): FollowedExchange {
  return followed([
    exchange("POST", URL, { body: discoverResponse(), headers: SOAP_HEADERS, ...response }),
  ]);
}

/** What a healthy on-premises discovery service looks like to the probe. */
const CLEAN: DiscoveryObservation = {
  input: "someone@contoso.com",
  url: URL,
  email: "someone@contoso.com",
  requestVersion: "5.0",
  authPolicies: ["OnPremise", "Federated"],
  messageId: MESSAGE_ID,
  timeoutMs: 10_000,
  checkedAt: CHECKED_AT,
  dns: { host: HOST, cnames: [], addresses: ["192.0.2.1"] },
  get: followed([exchange("GET", URL, { status: 200 })]),
  post: post(),
};

const withTls = (tls: Partial<TlsDetails>): DiscoveryObservation => ({
  ...CLEAN,
  get: followed([exchange("GET", URL, { status: 200 }, { tls: { ...TLS, ...tls } })]),
});
const getFails = (failure: HttpExchange["failure"]): DiscoveryObservation => ({
  ...CLEAN,
  get: followed([exchange("GET", URL, undefined, { failure })]),
  post: undefined,
});
const answered = (fields: ResultFields): DiscoveryObservation => ({
  ...CLEAN,
  post: post({ body: discoverResponse(fields) }),
});
const HTTP_URL = URL.replace("https:", "http:");
const FAILED_HTTPS = followed([
  exchange("GET", URL, undefined, { failure: { kind: "connect", message: "ECONNREFUSED" } }),
]);

// Each code: an observation that triggers it, written here independently of the step modules.
const TRIGGERS: Record<string, DiscoveryObservation> = {
  "dns-overridden": { ...CLEAN, dns: { ...CLEAN.dns!, overriddenBy: "127.0.0.1:8443" } },
  "dns-not-found": {
    ...CLEAN,
    dns: { host: HOST, cnames: [], addresses: [], error: "not found", errorCode: "ENOTFOUND" },
  },
  "dns-intune": {
    ...CLEAN,
    dns: { ...CLEAN.dns!, cnames: ["EnterpriseEnrollment-s.manage.microsoft.com"] },
  },
  "discovery-not-https": {
    ...CLEAN,
    url: HTTP_URL,
    get: followed([exchange("GET", HTTP_URL, { status: 200 })]),
  },
  "tls-certificate-expired": withTls({ validTo: "2026-01-31T00:00:00.000Z" }),
  "tls-certificate-not-yet-valid": withTls({ validFrom: "2027-01-01T00:00:00.000Z" }),
  "tls-name-mismatch": withTls({ nameMatches: false, altNames: ["other.example"] }),
  "tls-untrusted": withTls({ trusted: false, trustError: "SELF_SIGNED_CERT_IN_CHAIN" }),
  timeout: getFails({ kind: "timeout", message: "no answer" }),
  "connect-failed": getFails({ kind: "connect", message: "ECONNREFUSED" }),
  "tls-failed": getFails({ kind: "tls", message: "handshake failure" }),
  "response-too-large": { ...CLEAN, post: post({ truncated: true, bytes: 1_048_576 }) },
  "request-failed": getFails({ kind: "protocol", message: "parse error" }),
  "redirect-followed": {
    ...CLEAN,
    get: followed(
      [exchange("GET", URL, { status: 302 }), exchange("GET", `${URL}?next`, { status: 200 })],
      [{ status: 302, from: URL, to: `${URL}?next`, followed: true }],
    ),
  },
  "redirect-to-http": {
    ...CLEAN,
    get: followed(
      [exchange("GET", URL, { status: 302 })],
      [{ status: 302, from: URL, to: HTTP_URL, followed: false }],
      "downgrade",
    ),
  },
  "too-many-redirects": {
    ...CLEAN,
    get: followed(
      [exchange("GET", URL, { status: 302 })],
      [
        { status: 302, from: URL, to: `${URL}?1`, followed: true },
        { status: 302, from: `${URL}?1`, to: `${URL}?2`, followed: false },
      ],
      "too-many",
    ),
  },
  "post-redirected": {
    ...CLEAN,
    post: followed(
      [exchange("POST", URL, { status: 302 })],
      [{ status: 302, from: URL, to: `${URL}?moved`, followed: false }],
      "method-change",
    ),
  },
  "get-status": { ...CLEAN, get: followed([exchange("GET", URL, { status: 404 })]) },
  "http-fallback-redirect": {
    ...getFails({ kind: "connect", message: "ECONNREFUSED" }),
    httpFallback: followed(
      [exchange("GET", HTTP_URL, { status: 301 })],
      [
        {
          status: 301,
          from: HTTP_URL,
          to: "https://mdm.contoso.com/Discovery.svc",
          followed: false,
        },
      ],
    ),
  },
  "http-fallback-no-redirect": {
    ...getFails({ kind: "connect", message: "ECONNREFUSED" }),
    get: FAILED_HTTPS,
    httpFallback: followed([exchange("GET", HTTP_URL, { status: 404 })]),
  },
  "empty-response": { ...CLEAN, post: post({ body: "" }) },
  "post-status": { ...CLEAN, post: post({ status: 500, body: "<html>oops</html>" }) },
  "chunked-response": { ...CLEAN, post: post({ chunked: true }) },
  "content-type-not-soap12": { ...CLEAN, post: post({ headers: { "content-type": "text/xml" } }) },
  "wrong-content-type": { ...CLEAN, post: post({ headers: { "content-type": "text/html" } }) },
  "invalid-response": { ...CLEAN, post: post({ body: "<html><body>hello</body></html>" }) },
  "soap-fault": {
    ...CLEAN,
    post: post({ status: 500, body: buildDiscoverFault({ subcode: "InternalServiceFault" }) }),
  },
  "auth-policy-missing": answered({ authPolicy: undefined }),
  "auth-policy-unknown": answered({ authPolicy: "onpremise" }),
  "auth-policy-not-offered": answered({ authPolicy: "Certificate" }),
  "federated-without-auth-url": answered({ authPolicy: "Federated" }),
  "auth-url-not-https": answered({
    authPolicy: "Federated",
    authenticationServiceUrl: "http://login.contoso.com/",
  }),
  "enrollment-url-missing": answered({ enrollmentServiceUrl: undefined }),
  "enrollment-url-not-https": answered({ enrollmentServiceUrl: SERVICE.replace("https", "http") }),
  "policy-url-not-https": answered({ enrollmentPolicyServiceUrl: POLICY.replace("https", "http") }),
  "services-on-different-hosts": answered({
    enrollmentPolicyServiceUrl: "https://policy.contoso.com/Policy.svc",
  }),
  "enrollment-version-missing": answered({ enrollmentVersion: undefined }),
  "enrollment-version-invalid": answered({ enrollmentVersion: "five" }),
  "enrollment-version-too-high": answered({ enrollmentVersion: "6.0" }),
  "soap-11-envelope": answered({ envelope: SOAP11_NAMESPACE }),
  "relates-to-mismatch": answered({ relatesTo: "urn:uuid:00000000-0000-0000-0000-000000000000" }),
};

const codesOf = (observation: DiscoveryObservation) =>
  diagnoseDiscovery(observation).diagnostics.map((d) => d.code);

describe("the clean observation", () => {
  it("is discoverable without a single finding", () => {
    const report = diagnoseDiscovery(CLEAN);
    expect(report.diagnostics).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
  });
});

describe("every discovery check", () => {
  it("has a trigger in this test, and no code is listed twice", () => {
    const codes = DISCOVERY_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(TRIGGERS).sort()).toEqual([...codes].sort());
  });

  for (const check of DISCOVERY_CHECKS) {
    it(`${check.code} fires, with its table severity and source`, () => {
      const report = diagnoseDiscovery(TRIGGERS[check.code]!);
      const found = report.diagnostics.find((d) => d.code === check.code);
      expect(found, `diagnostics: ${report.diagnostics.map((d) => d.code)}`).toBeDefined();
      expect(found!.severity).toBe(check.severity);
      expect(found!.message).toMatch(/\S/);
      expect(found!.source).toBe(check.source ? formatCitation(check.source) : undefined);
      if (check.reports) expect(report.errors).toContain(check.reports);
    });

    it(`${check.code} stays silent on a clean observation`, () => {
      expect(codesOf(CLEAN)).not.toContain(check.code);
    });
  }
});

describe("EnrollmentVersion against RequestVersion", () => {
  // Versions compare part by part as numbers, not as decimal fractions (5.10 is not 5.1).
  const versions = (enrollmentVersion: string, requestVersion: string) =>
    codesOf({
      ...answered({ enrollmentVersion }),
      requestVersion: requestVersion as DiscoveryObservation["requestVersion"],
    });

  it("flags 5.10 answered to a client that asked for 5.9", () => {
    expect(versions("5.10", "5.9")).toContain("enrollment-version-too-high");
  });

  it("accepts 5.9 answered to a client that asked for 5.10", () => {
    expect(versions("5.9", "5.10")).not.toContain("enrollment-version-too-high");
  });

  it("accepts the same version, and a lower one", () => {
    expect(versions("5.0", "5.0")).not.toContain("enrollment-version-too-high");
    expect(versions("4.0", "5.0")).not.toContain("enrollment-version-too-high");
  });
});

describe("hints that quote what Windows reports", () => {
  it("render the HRESULT and constant from the error catalog", () => {
    const hint = (code: string) =>
      diagnoseDiscovery(TRIGGERS[code]!).diagnostics.find((d) => d.code === code)?.hint;
    expect(hint("tls-certificate-expired")).toContain(
      "0x8018000D (MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID)",
    );
    expect(hint("redirect-to-http")).toContain("0x8018001A (MENROLL_E_INSECUREREDIRECT)");
    expect(hint("empty-response")).toContain("0x80180029 (MENROLL_E_EMPTY_MESSAGE)");
    expect(hint("timeout")).toContain("0x80192EE2 (WinHTTP 12002)");
    expect(hint("connect-failed")).toContain("WinHTTP 12029, ERROR_WINHTTP_CANNOT_CONNECT");
  });
});
