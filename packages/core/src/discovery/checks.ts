import { type CheckEntry, findingsOf } from "../diagnostics/check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ERROR_CATALOG } from "../errors/catalog.js";
import { WINHTTP_ERRORS } from "../errors/codes.js";
import { formatHResult } from "../errors/hresult.js";
import type { Citation } from "../sources/sources.js";

/** The steps of a discovery probe, in the order Windows takes them. */
export type DiscoveryStepId = "dns" | "get" | "post" | "response";

/** One check the discovery diagnosis can report: data about it; the step modules apply it. */
export interface DiscoveryCheck extends CheckEntry {
  /** The steps whose diagnostics can carry it. */
  readonly steps: readonly DiscoveryStepId[];
  /** The catalog entry of what Windows reports when this happens, where a source ties them. */
  readonly reports?: string;
}

const MDE2_DISCOVERY: Citation = { doc: "ms-mde2", section: "3.1 Discovery" };
const MDE2_DISCOVER: Citation = { doc: "ms-mde2", section: "3.1.4.1 Discover" };
const FEDERATED_DOC: Citation = { doc: "wid-federated-enrollment", section: "Discovery service" };
const ONPREM_DOC: Citation = { doc: "wid-onpremise-enrollment", section: "Discovery service" };
const CONTENT_TYPE_DOC: Citation = {
  doc: "wid-certificate-enrollment",
  section: "Discovery request and response",
};
const GET_POST: readonly DiscoveryStepId[] = ["get", "post"];

const CHECKS = [
  // dns
  {
    code: "dns-overridden",
    severity: "info",
    steps: ["dns"],
    summary: "A connect-to override sent the probe to another address; DNS was not asked.",
  },
  {
    code: "dns-not-found",
    severity: "error",
    steps: ["dns"],
    summary: "EnterpriseEnrollment.<domain> does not resolve.",
    source: MDE2_DISCOVERY,
    reports: "discovery-endpoint-not-found",
  },
  {
    code: "dns-intune",
    severity: "info",
    steps: ["dns"],
    summary: "The name is a CNAME to Microsoft Intune's discovery host.",
    source: { doc: "intune-dns-cname" },
  },
  // get
  {
    code: "discovery-not-https",
    severity: "error",
    steps: ["get"],
    summary: "The discovery URL is plain HTTP.",
    source: FEDERATED_DOC,
    reports: "menroll-e-insecureredirect",
  },
  {
    code: "get-status",
    severity: "error",
    steps: ["get"],
    summary: "The GET did not get HTTP 200 (a 429 or 503 quotes its Retry-After).",
    source: FEDERATED_DOC,
  },
  {
    code: "http-fallback-redirect",
    severity: "warning",
    steps: ["get"],
    summary: "HTTPS failed and plain HTTP redirects: Windows asks the user whether to follow.",
    source: FEDERATED_DOC,
  },
  {
    code: "http-fallback-no-redirect",
    severity: "info",
    steps: ["get"],
    summary: "HTTPS failed and plain HTTP does not redirect: Windows asks for the server address.",
    source: FEDERATED_DOC,
  },
  // tls: the certificate of every host the GET reaches
  {
    code: "tls-certificate-expired",
    severity: "error",
    steps: ["get"],
    summary: "The server certificate has expired.",
    source: MDE2_DISCOVERY,
    reports: "menroll-e-discovery-sec-cert-date-invalid",
  },
  {
    code: "tls-certificate-not-yet-valid",
    severity: "error",
    steps: ["get"],
    summary: "The server certificate is not valid yet.",
    source: MDE2_DISCOVERY,
    reports: "menroll-e-discovery-sec-cert-date-invalid",
  },
  {
    code: "tls-name-mismatch",
    severity: "error",
    steps: ["get"],
    summary: "The server certificate does not name the host.",
    source: MDE2_DISCOVERY,
    reports: "menroll-e-invalidsslcert",
  },
  {
    code: "tls-untrusted",
    severity: "error",
    steps: ["get"],
    summary: "The server certificate does not chain to a trusted root.",
    source: MDE2_DISCOVERY,
    reports: "menroll-e-invalidsslcert",
  },
  // transport failures, on the GET or the POST
  {
    code: "timeout",
    severity: "error",
    steps: GET_POST,
    summary: "No connection or no answer within the time budget.",
    reports: "menroll-e-connectivity",
  },
  {
    code: "connect-failed",
    severity: "error",
    steps: GET_POST,
    summary: "The TCP connection failed.",
    reports: "menroll-e-connectivity",
  },
  {
    code: "tls-failed",
    severity: "error",
    steps: GET_POST,
    summary: "The TLS handshake failed.",
    source: MDE2_DISCOVERY,
    reports: "menroll-e-invalidsslcert",
  },
  {
    code: "response-too-large",
    severity: "error",
    steps: GET_POST,
    summary: "The answer is larger than the probe reads.",
  },
  {
    code: "request-failed",
    severity: "error",
    steps: GET_POST,
    summary: "The request failed for another reason (the message says which).",
  },
  // redirects, on the GET or the POST
  {
    code: "redirect-followed",
    severity: "info",
    steps: GET_POST,
    summary: "A redirect within HTTPS, followed.",
  },
  {
    code: "redirect-to-http",
    severity: "error",
    steps: GET_POST,
    summary: "A redirect leaves HTTPS for plain HTTP.",
    source: FEDERATED_DOC,
    reports: "menroll-e-insecureredirect",
  },
  {
    code: "too-many-redirects",
    severity: "error",
    steps: GET_POST,
    summary: "More redirects in a row than the probe follows.",
  },
  {
    code: "post-redirected",
    severity: "error",
    steps: ["post"],
    summary: "The Discover POST is redirected with a status that turns it into a GET.",
  },
  // post
  {
    code: "empty-response",
    severity: "error",
    steps: ["post"],
    summary: "The Discover POST got HTTP 200 with an empty body.",
    source: { doc: "sdk-mdmregistration-h", section: "MENROLL_E_EMPTY_MESSAGE" },
    reports: "menroll-e-empty-message",
  },
  {
    code: "post-status",
    severity: "error",
    steps: ["post"],
    summary: "The Discover POST got a status other than 200, without a SOAP fault.",
    source: MDE2_DISCOVER,
  },
  {
    code: "chunked-response",
    severity: "error",
    steps: ["post"],
    summary: "The response is sent with chunked transfer encoding.",
    source: FEDERATED_DOC,
  },
  {
    code: "content-type-not-soap12",
    severity: "warning",
    steps: ["post"],
    summary: "The response is served as text/xml or application/xml.",
    source: CONTENT_TYPE_DOC,
  },
  {
    code: "wrong-content-type",
    severity: "error",
    steps: ["post"],
    summary: "The response is served as something other than XML, or without a content type.",
    source: CONTENT_TYPE_DOC,
  },
  // response
  {
    code: "invalid-response",
    severity: "error",
    steps: ["response"],
    summary: "The body is not a Discover response (not XML, not a SOAP envelope, no result).",
    source: MDE2_DISCOVER,
  },
  {
    code: "soap-fault",
    severity: "error",
    steps: ["response"],
    summary: "The server answers with a SOAP fault; Windows reports the code the fault names.",
    source: { doc: "ms-mde2", section: "2.2.10 SOAP Faults" },
  },
  {
    code: "auth-policy-missing",
    severity: "error",
    steps: ["response"],
    summary: "The DiscoverResult has no AuthPolicy.",
    source: MDE2_DISCOVER,
  },
  {
    code: "auth-policy-unknown",
    severity: "error",
    steps: ["response"],
    summary: "The AuthPolicy is not OnPremise, Federated or Certificate, spelled exactly.",
    source: MDE2_DISCOVER,
  },
  {
    code: "auth-policy-not-offered",
    severity: "error",
    steps: ["response"],
    summary: "The server picks an AuthPolicy the client did not offer.",
    source: MDE2_DISCOVER,
  },
  {
    code: "federated-without-auth-url",
    severity: "error",
    steps: ["response"],
    summary: "Federated without an AuthenticationServiceUrl.",
    source: MDE2_DISCOVER,
  },
  {
    code: "auth-url-not-https",
    severity: "error",
    steps: ["response"],
    summary: "The AuthenticationServiceUrl is not HTTPS.",
    source: MDE2_DISCOVER,
  },
  {
    code: "enrollment-url-missing",
    severity: "error",
    steps: ["response"],
    summary: "The DiscoverResult has no EnrollmentServiceUrl.",
    source: MDE2_DISCOVER,
  },
  {
    code: "enrollment-url-not-https",
    severity: "error",
    steps: ["response"],
    summary: "The EnrollmentServiceUrl is not HTTPS.",
    source: MDE2_DISCOVER,
  },
  {
    code: "policy-url-not-https",
    severity: "error",
    steps: ["response"],
    summary: "The EnrollmentPolicyServiceUrl is not HTTPS.",
    source: MDE2_DISCOVER,
  },
  {
    code: "services-on-different-hosts",
    severity: "error",
    steps: ["response"],
    summary: "The enrollment and policy services are on different hosts.",
    source: ONPREM_DOC,
  },
  {
    code: "enrollment-version-missing",
    severity: "info",
    steps: ["response"],
    summary: "No EnrollmentVersion: Windows falls back to the oldest protocol.",
    source: MDE2_DISCOVER,
  },
  {
    code: "enrollment-version-invalid",
    severity: "error",
    steps: ["response"],
    summary: "The EnrollmentVersion is not a decimal version such as 5.0.",
    source: MDE2_DISCOVER,
  },
  {
    code: "enrollment-version-too-high",
    severity: "error",
    steps: ["response"],
    summary: "The EnrollmentVersion is higher than the client's RequestVersion.",
    source: MDE2_DISCOVER,
  },
  {
    code: "soap-11-envelope",
    severity: "info",
    steps: ["response"],
    summary: "The response uses a SOAP 1.1 envelope, not SOAP 1.2.",
    source: { doc: "ms-mde2", section: "2.1 Transport" },
  },
  {
    code: "relates-to-mismatch",
    severity: "warning",
    steps: ["response"],
    summary: "RelatesTo does not echo the request's MessageID.",
    source: MDE2_DISCOVER,
  },
] as const satisfies readonly DiscoveryCheck[];

/** A code some discovery check reports. */
export type DiscoveryCode = (typeof CHECKS)[number]["code"];

/**
 * Every check of a discovery probe, by step: what {@link diagnoseDiscovery} can report, and the
 * table the docs' reference page is rendered from. The GET's errors turn into warnings when plain
 * HTTP redirects to HTTPS (Windows asks the user and carries on there); every other severity is
 * fixed.
 */
export const DISCOVERY_CHECKS: readonly DiscoveryCheck[] = CHECKS;

const CHECKS_BY_CODE: ReadonlyMap<string, DiscoveryCheck> = new Map(
  DISCOVERY_CHECKS.map((check) => [check.code, check]),
);

/**
 * The check behind a discovery diagnostic's code, or undefined for a code no discovery check has.
 *
 * @example
 * discoveryCheck("tls-untrusted")?.reports; // "menroll-e-invalidsslcert"
 */
export function discoveryCheck(code: string): DiscoveryCheck | undefined {
  return CHECKS_BY_CODE.get(code);
}

const findings = findingsOf<DiscoveryCode>(CHECKS);

/** A diagnostic of `code`, its severity and source read from the table (for the step modules). */
export function finding(code: DiscoveryCode, message: string, hint?: string): Diagnostic {
  return findings(code, message, { hint });
}

/** `0x8018001A (MENROLL_E_INSECUREREDIRECT)`: how a hint names a catalog entry, read from the catalog. */
export function windowsCode(catalogId: string): string {
  const entry = ERROR_CATALOG.find((e) => e.id === catalogId);
  if (entry?.hresult === undefined) throw new Error(`no HRESULT in the catalog for ${catalogId}`);
  return `${formatHResult(entry.hresult)} (${entry.names[0]})`;
}

/** Enrollment reports WinHTTP errors in facility 25 (FACILITY_HTTP): 12002 is 0x80192EE2. */
const FACILITY_HTTP_FAILURE = 0x80190000;

/** A WinHTTP error as hints name it: its number, its constant, and the HRESULT enrollment shows. */
export function winHttpError(code: number): { code: number; name: string; hresult: string } {
  const known = WINHTTP_ERRORS.find((e) => e.code === code);
  if (!known) throw new Error(`WinHTTP error ${code} is not in the table`);
  return { code, name: known.name, hresult: formatHResult(FACILITY_HTTP_FAILURE | code) };
}
