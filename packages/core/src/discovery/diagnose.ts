import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { ERROR_CATALOG } from "../errors/catalog.js";
import { type Citation, formatCitation } from "../sources/sources.js";
import { AUTH_POLICIES, type AuthPolicy, type RequestVersion } from "./request.js";
import {
  type DiscoverFault,
  type DiscoverResult,
  type ParsedDiscoverResponse,
  parseDiscoverResponse,
} from "./response.js";
import type { DnsAnswer, HttpExchange, TlsDetails } from "./transport.js";

/** One redirect seen on the way, and whether Windows would follow it. */
export interface Redirect {
  readonly status: number;
  readonly from: string;
  readonly to: string;
  readonly followed: boolean;
}

/** One step's requests: the first, then each redirect followed. */
export interface FollowedExchange {
  readonly exchanges: readonly HttpExchange[];
  readonly redirects: readonly Redirect[];
  /** Why redirects stopped before an answer: HTTPS to HTTP, too many, or a POST turned into a GET. */
  readonly stopped?: "downgrade" | "too-many" | "method-change";
}

/** Everything the probe saw, in order. diagnoseDiscovery judges it without touching the network. */
export interface DiscoveryObservation {
  readonly input: string;
  /** The discovery URL probed. */
  readonly url: string;
  readonly email: string;
  readonly requestVersion: RequestVersion;
  readonly authPolicies: readonly AuthPolicy[];
  readonly messageId: string;
  readonly timeoutMs: number;
  /** When the probe ran (ms since the epoch), for certificate dates. */
  readonly checkedAt: number;
  readonly dns?: DnsAnswer;
  readonly get?: FollowedExchange;
  /** The plain-HTTP GET Windows tries when HTTPS fails. */
  readonly httpFallback?: FollowedExchange;
  readonly post?: FollowedExchange;
  /** Set when the time budget ran out before the Discover POST could be sent. */
  readonly outOfTimeBeforePost?: boolean;
}

export type StepVerdict = "pass" | "warn" | "fail" | "skipped";

export interface DiscoveryStep {
  readonly id: "dns" | "get" | "post" | "response";
  readonly title: string;
  readonly verdict: StepVerdict;
  /** One line saying what happened. */
  readonly summary: string;
  readonly details: readonly { readonly label: string; readonly value: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiscoveryReport {
  /** True when Windows would get a usable answer from this discovery service. */
  readonly ok: boolean;
  readonly verdict: "discoverable" | "not-discoverable";
  readonly summary: string;
  readonly input: string;
  readonly url: string;
  readonly requestVersion: RequestVersion;
  readonly authPolicies: readonly AuthPolicy[];
  readonly steps: readonly DiscoveryStep[];
  readonly result?: DiscoverResult;
  readonly fault?: DiscoverFault;
  /** Catalog entries for what Windows would report (`menroll-e-empty-message`, …). */
  readonly errors: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const MDE2_DISCOVERY: Citation = { doc: "ms-mde2", section: "3.1 Discovery" };
const MDE2_DISCOVER: Citation = { doc: "ms-mde2", section: "3.1.4.1 Discover" };
const FEDERATED_DOC: Citation = { doc: "wid-federated-enrollment", section: "Discovery service" };
const ONPREM_DOC: Citation = { doc: "wid-onpremise-enrollment", section: "Discovery service" };

/** ` (Retry-After: 120)` when a 429 or 503 answer says when to come back, else "". */
function retryAfterOf(response: {
  status: number;
  headers: Readonly<Record<string, string>>;
}): string {
  const value = response.headers["retry-after"]?.trim();
  return value && (response.status === 429 || response.status === 503)
    ? ` (Retry-After: ${value.slice(0, 64)})`
    : "";
}

function retryHint(response: {
  status: number;
  headers: Readonly<Record<string, string>>;
}): string {
  if (response.status !== 429 && response.status !== 503) return "";
  return `The server is ${response.status === 429 ? "throttling requests" : "unavailable for now"}; wait${retryAfterOf(response) ? " as long as Retry-After says" : ""} and probe again. If it persists: `;
}

function diag(
  code: string,
  severity: Diagnostic["severity"],
  message: string,
  hint: string | undefined,
  source: Citation | undefined,
): Diagnostic {
  return {
    code,
    severity,
    message,
    ...(hint ? { hint } : {}),
    ...(source ? { source: formatCitation(source) } : {}),
  };
}

function verdictOf(diagnostics: readonly Diagnostic[]): StepVerdict {
  if (diagnostics.some((d) => d.severity === "error")) return "fail";
  if (diagnostics.some((d) => d.severity === "warning")) return "warn";
  return "pass";
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function isHttps(url: string): boolean {
  return /^https:\/\//i.test(url);
}

function last(step: FollowedExchange | undefined): HttpExchange | undefined {
  return step?.exchanges[step.exchanges.length - 1];
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

function tlsDiagnostics(
  tls: TlsDetails,
  host: string,
  now: number,
  errors: Set<string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (tls.validTo && Date.parse(tls.validTo) < now) {
    errors.add("menroll-e-discovery-sec-cert-date-invalid");
    out.push(
      diag(
        "tls-certificate-expired",
        "error",
        `The server certificate expired on ${tls.validTo}.`,
        "Renew the certificate; Windows reports 0x8018000D (MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID).",
        MDE2_DISCOVERY,
      ),
    );
  } else if (tls.validFrom && Date.parse(tls.validFrom) > now) {
    errors.add("menroll-e-discovery-sec-cert-date-invalid");
    out.push(
      diag(
        "tls-certificate-not-yet-valid",
        "error",
        `The server certificate is not valid before ${tls.validFrom}.`,
        "Check the certificate's dates and the server clock.",
        MDE2_DISCOVERY,
      ),
    );
  }
  if (!tls.nameMatches) {
    errors.add("menroll-e-invalidsslcert");
    out.push(
      diag(
        "tls-name-mismatch",
        "error",
        `The server certificate does not name ${host}${tls.altNames?.length ? ` (it names ${tls.altNames.join(", ")})` : ""}.`,
        `Issue a certificate whose subject alternative names include ${host}.`,
        MDE2_DISCOVERY,
      ),
    );
  }
  if (!tls.trusted && !out.some((d) => d.code === "tls-certificate-expired")) {
    errors.add("menroll-e-invalidsslcert");
    out.push(
      diag(
        "tls-untrusted",
        "error",
        `The server certificate does not chain to a trusted root${tls.trustError ? ` (${tls.trustError})` : ""}${tls.issuer ? `; issuer: ${tls.issuer}` : ""}.`,
        "Windows validates the chain to a CA it trusts: use a public CA, or deploy your CA to the devices first, and serve the intermediate certificates too.",
        MDE2_DISCOVERY,
      ),
    );
  }
  return out;
}

function tlsDetails(tls: TlsDetails | undefined): { label: string; value: string }[] {
  if (!tls) return [];
  const rows: { label: string; value: string }[] = [];
  if (tls.subject) rows.push({ label: "certificate", value: tls.subject });
  if (tls.issuer) rows.push({ label: "issuer", value: tls.issuer });
  if (tls.validTo) rows.push({ label: "expires", value: tls.validTo });
  if (tls.protocol) rows.push({ label: "protocol", value: tls.protocol });
  return rows;
}

function failureDiagnostic(
  exchange: HttpExchange,
  what: string,
  timeoutMs: number,
  errors: Set<string>,
): Diagnostic {
  const failure = exchange.failure!;
  switch (failure.kind) {
    case "connect-timeout":
    case "timeout":
      errors.add("menroll-e-connectivity");
      return diag(
        "timeout",
        "error",
        `The ${what} got no ${failure.kind === "connect-timeout" ? "connection" : "answer"} within ${seconds(timeoutMs)}.`,
        "Check that the server is up and that nothing (firewall, proxy) holds the connection; Windows would report a timeout such as 0x80192EE2 (WinHTTP 12002).",
        undefined,
      );
    case "connect":
      errors.add("menroll-e-connectivity");
      return diag(
        "connect-failed",
        "error",
        `The ${what} could not connect: ${failure.message}.`,
        "Make sure the server listens on port 443 and the firewall lets devices in (WinHTTP 12029, ERROR_WINHTTP_CANNOT_CONNECT).",
        undefined,
      );
    case "tls":
      errors.add("menroll-e-invalidsslcert");
      return diag(
        "tls-failed",
        "error",
        `The TLS handshake failed: ${failure.message}.`,
        "Check the server's certificate and TLS configuration (WinHTTP 12175, ERROR_WINHTTP_SECURE_FAILURE).",
        MDE2_DISCOVERY,
      );
    case "too-large":
      return diag(
        "response-too-large",
        "error",
        `The ${what} answer is larger than the probe accepts: ${failure.message}.`,
        "A Discover response is a few kilobytes; check what the server sends.",
        undefined,
      );
    default:
      return diag(
        "request-failed",
        "error",
        `The ${what} failed: ${failure.message}.`,
        undefined,
        undefined,
      );
  }
}

function redirectDiagnostics(step: FollowedExchange, errors: Set<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of step.redirects) {
    if (r.followed) {
      out.push(
        diag(
          "redirect-followed",
          "info",
          `${r.status} redirect from ${r.from} to ${r.to}, followed over HTTPS.`,
          undefined,
          undefined,
        ),
      );
    }
  }
  const stop = step.redirects[step.redirects.length - 1];
  if (step.stopped === "downgrade" && stop) {
    errors.add("menroll-e-insecureredirect");
    out.push(
      diag(
        "redirect-to-http",
        "error",
        `The server redirects from HTTPS to plain HTTP (${stop.to}).`,
        "Windows asks the user before leaving HTTPS and fails with 0x8018001A (MENROLL_E_INSECUREREDIRECT) if they refuse; keep discovery on HTTPS.",
        FEDERATED_DOC,
      ),
    );
  } else if (step.stopped === "too-many") {
    out.push(
      diag(
        "too-many-redirects",
        "error",
        `More than ${step.redirects.length - 1} redirects in a row.`,
        "Point EnterpriseEnrollment.<domain> at the discovery service directly.",
        undefined,
      ),
    );
  } else if (step.stopped === "method-change" && stop) {
    out.push(
      diag(
        "post-redirected",
        "error",
        `The Discover POST got a ${stop.status} redirect to ${stop.to}, which turns a POST into a GET.`,
        "Answer the POST at the discovery URL itself (or use 307/308, which keep the method and body).",
        undefined,
      ),
    );
  }
  return out;
}

function contentTypeDiagnostic(contentType: string | undefined): Diagnostic | undefined {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/soap+xml") return undefined;
  const source: Citation = {
    doc: "wid-certificate-enrollment",
    section: "Discovery request and response",
  };
  if (type === "text/xml" || type === "application/xml") {
    return diag(
      "content-type-not-soap12",
      "warning",
      `The Discover response is served as ${type}, not application/soap+xml.`,
      "Serve the SOAP 1.2 response with Content-Type: application/soap+xml; charset=utf-8.",
      source,
    );
  }
  return diag(
    "wrong-content-type",
    "error",
    `The Discover response is served as ${type === "" ? "no content type at all" : type}, not application/soap+xml.`,
    "Serve the Discover response with Content-Type: application/soap+xml; charset=utf-8.",
    source,
  );
}

function compareVersions(a: string, b: string): number {
  return Number.parseFloat(a) - Number.parseFloat(b);
}

function resultDiagnostics(
  parsed: Extract<ParsedDiscoverResponse, { kind: "result" }>,
  observation: DiscoveryObservation,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const r = parsed.result;
  if (!r.authPolicy) {
    out.push(
      diag(
        "auth-policy-missing",
        "error",
        "The DiscoverResult has no AuthPolicy.",
        `Return one of ${AUTH_POLICIES.join(", ")}.`,
        MDE2_DISCOVER,
      ),
    );
  } else if (!(AUTH_POLICIES as readonly string[]).includes(r.authPolicy)) {
    out.push(
      diag(
        "auth-policy-unknown",
        "error",
        `AuthPolicy "${r.authPolicy}" is not one of ${AUTH_POLICIES.join(", ")} (spelled as written).`,
        "Use the exact spelling: OnPremise, Federated or Certificate.",
        MDE2_DISCOVER,
      ),
    );
  } else if (!(observation.authPolicies as readonly string[]).includes(r.authPolicy)) {
    out.push(
      diag(
        "auth-policy-not-offered",
        "error",
        `The server chose ${r.authPolicy}, which the client did not offer (${observation.authPolicies.join(", ")}).`,
        "The server must pick one of the AuthPolicies in the request.",
        MDE2_DISCOVER,
      ),
    );
  }
  if (r.authPolicy === "Federated") {
    if (!r.authenticationServiceUrl) {
      out.push(
        diag(
          "federated-without-auth-url",
          "error",
          "AuthPolicy is Federated but there is no AuthenticationServiceUrl.",
          "Federated discovery must name the sign-in page in AuthenticationServiceUrl.",
          MDE2_DISCOVER,
        ),
      );
    } else if (!isHttps(r.authenticationServiceUrl)) {
      out.push(
        diag(
          "auth-url-not-https",
          "error",
          `AuthenticationServiceUrl is not HTTPS: ${r.authenticationServiceUrl}.`,
          "Serve the sign-in page over HTTPS.",
          MDE2_DISCOVER,
        ),
      );
    }
  }
  if (!r.enrollmentServiceUrl) {
    out.push(
      diag(
        "enrollment-url-missing",
        "error",
        "The DiscoverResult has no EnrollmentServiceUrl.",
        "Return the URL of the enrollment (MS-WSTEP) service.",
        MDE2_DISCOVER,
      ),
    );
  } else if (!isHttps(r.enrollmentServiceUrl)) {
    out.push(
      diag(
        "enrollment-url-not-https",
        "error",
        `EnrollmentServiceUrl is not HTTPS: ${r.enrollmentServiceUrl}.`,
        "Serve the enrollment service over HTTPS.",
        MDE2_DISCOVER,
      ),
    );
  }
  if (r.enrollmentPolicyServiceUrl && !isHttps(r.enrollmentPolicyServiceUrl)) {
    out.push(
      diag(
        "policy-url-not-https",
        "error",
        `EnrollmentPolicyServiceUrl is not HTTPS: ${r.enrollmentPolicyServiceUrl}.`,
        "Serve the enrollment policy service over HTTPS.",
        MDE2_DISCOVER,
      ),
    );
  }
  const enrollHost = hostOf(r.enrollmentServiceUrl);
  const policyHost = hostOf(r.enrollmentPolicyServiceUrl);
  if (enrollHost && policyHost && enrollHost !== policyHost) {
    out.push(
      diag(
        "services-on-different-hosts",
        "error",
        `The enrollment service (${enrollHost}) and the policy service (${policyHost}) are on different hosts.`,
        "Put both services on the same host name.",
        ONPREM_DOC,
      ),
    );
  }
  if (r.enrollmentVersion === undefined) {
    out.push(
      diag(
        "enrollment-version-missing",
        "info",
        "The DiscoverResult has no EnrollmentVersion; Windows falls back to the oldest protocol.",
        "Return the EnrollmentVersion the server speaks, no higher than the RequestVersion.",
        MDE2_DISCOVER,
      ),
    );
  } else if (!/^\d+\.\d+$/.test(r.enrollmentVersion)) {
    out.push(
      diag(
        "enrollment-version-invalid",
        "error",
        `EnrollmentVersion "${r.enrollmentVersion}" is not a decimal version such as 5.0.`,
        undefined,
        MDE2_DISCOVER,
      ),
    );
  } else if (compareVersions(r.enrollmentVersion, observation.requestVersion) > 0) {
    out.push(
      diag(
        "enrollment-version-too-high",
        "error",
        `The server answers EnrollmentVersion ${r.enrollmentVersion}, higher than the client's RequestVersion ${observation.requestVersion}.`,
        "Answer with a version no higher than what the client asked for.",
        MDE2_DISCOVER,
      ),
    );
  }
  if (parsed.soapVersion === "1.1") {
    out.push(
      diag(
        "soap-11-envelope",
        "info",
        "The response uses a SOAP 1.1 envelope; Windows and every MS-MDE2 sample use SOAP 1.2.",
        "Prefer the SOAP 1.2 envelope (http://www.w3.org/2003/05/soap-envelope).",
        { doc: "ms-mde2", section: "2.1 Transport" },
      ),
    );
  }
  if (
    parsed.relatesTo &&
    parsed.relatesTo.replace(/\s/g, "") !== observation.messageId.replace(/\s/g, "")
  ) {
    out.push(
      diag(
        "relates-to-mismatch",
        "warning",
        "RelatesTo does not echo the request's MessageID.",
        "Copy the request's MessageID into the response's RelatesTo.",
        MDE2_DISCOVER,
      ),
    );
  }
  return out;
}

/**
 * Judges what a discovery probe saw the way Windows would: DNS, the GET, the Discover POST and its
 * response, each with a verdict and diagnostics, then the overall verdict. Pure: pass it the
 * observation {@link probeDiscovery} collected, or one built by hand.
 *
 * @example
 * const report = diagnoseDiscovery(observation);
 * report.ok; // false when Windows would fail to enroll against the server
 * report.steps.map((s) => `${s.id}: ${s.verdict}`);
 */
export function diagnoseDiscovery(observation: DiscoveryObservation): DiscoveryReport {
  const errors = new Set<string>();
  const steps: DiscoveryStep[] = [];
  const host = hostOf(observation.url) ?? observation.url;
  let result: DiscoverResult | undefined;
  let fault: DiscoverFault | undefined;

  // DNS
  const dns = observation.dns;
  {
    const diagnostics: Diagnostic[] = [];
    const details: { label: string; value: string }[] = [];
    let summary: string;
    if (!dns) {
      summary = "not looked up";
    } else if (dns.overriddenBy) {
      summary = `${host} → ${dns.overriddenBy} (connect-to override; DNS not asked)`;
      diagnostics.push(
        diag(
          "dns-overridden",
          "info",
          `Connections to ${host} go to ${dns.overriddenBy}; DNS was not consulted.`,
          undefined,
          undefined,
        ),
      );
    } else if (dns.error) {
      errors.add("discovery-endpoint-not-found");
      summary = `${host} does not resolve (${dns.errorCode ?? dns.error})`;
      diagnostics.push(
        diag(
          "dns-not-found",
          "error",
          `${host} does not resolve: ${dns.error}.`,
          `Create a DNS record for ${host} (for Intune: a CNAME to EnterpriseEnrollment-s.manage.microsoft.com); without it Windows says it couldn't autodiscover a management endpoint.`,
          MDE2_DISCOVERY,
        ),
      );
    } else {
      summary = [...dns.cnames, dns.addresses.join(", ")].join(" → ");
      if (dns.cnames.length > 0) details.push({ label: "CNAME", value: dns.cnames.join(" → ") });
      details.push({ label: "addresses", value: dns.addresses.join(", ") });
      if (dns.cnames.some((c) => /^enterpriseenrollment-s\.manage\.microsoft\.com\.?$/i.test(c))) {
        diagnostics.push(
          diag(
            "dns-intune",
            "info",
            "The name points at Microsoft Intune (EnterpriseEnrollment-s.manage.microsoft.com).",
            undefined,
            { doc: "intune-dns-cname" },
          ),
        );
      }
    }
    steps.push({
      id: "dns",
      title: "DNS",
      verdict: dns ? verdictOf(diagnostics) : "skipped",
      summary,
      details,
      diagnostics,
    });
  }

  // GET
  let postPossible = false;
  {
    const diagnostics: Diagnostic[] = [];
    const details: { label: string; value: string }[] = [];
    const get = observation.get;
    let summary = "not sent";
    let verdict: StepVerdict = "skipped";
    if (get) {
      const first = get.exchanges[0];
      const final = last(get)!;
      if (!isHttps(observation.url)) {
        errors.add("menroll-e-insecureredirect");
        diagnostics.push(
          diag(
            "discovery-not-https",
            "error",
            `The discovery URL is plain HTTP: ${observation.url}.`,
            "Windows starts with HTTPS; serve discovery over HTTPS with a trusted certificate.",
            FEDERATED_DOC,
          ),
        );
      }
      if (first?.tls) {
        details.push(...tlsDetails(first.tls));
        diagnostics.push(
          ...tlsDiagnostics(
            first.tls,
            hostOf(first.request.url) ?? host,
            observation.checkedAt,
            errors,
          ),
        );
      }
      // A redirect to another host is held to the same certificate rules as the first host.
      const checkedHosts = new Set([hostOf(first?.request.url ?? "") ?? host]);
      for (const exchange of get.exchanges.slice(1)) {
        const exchangeHost = hostOf(exchange.request.url);
        if (!exchange.tls || !exchangeHost || checkedHosts.has(exchangeHost)) continue;
        checkedHosts.add(exchangeHost);
        diagnostics.push(
          ...tlsDiagnostics(exchange.tls, exchangeHost, observation.checkedAt, errors),
        );
      }
      diagnostics.push(...redirectDiagnostics(get, errors));
      if (final.failure) {
        diagnostics.push(failureDiagnostic(final, "GET", observation.timeoutMs, errors));
        summary = final.failure.message;
      } else if (final.response) {
        const status = final.response.status;
        summary = `HTTP ${status}${final.response.statusText ? ` ${final.response.statusText}` : ""}`;
        details.push({ label: "status", value: String(status) });
        if (!get.stopped && (status < 200 || status >= 300)) {
          diagnostics.push(
            diag(
              "get-status",
              "error",
              `The GET got HTTP ${status}${retryAfterOf(final.response)}; Windows expects the endpoint to answer (HTTP 200) before it POSTs.`,
              `${retryHint(final.response)}Make ${observation.url} answer GET with 200 (an empty body is fine).`,
              FEDERATED_DOC,
            ),
          );
        }
      }
      const fallback = observation.httpFallback;
      const fallbackLast = last(fallback);
      if (fallback && fallbackLast) {
        const redirect = fallback.redirects[0];
        if (redirect) {
          diagnostics.push(
            diag(
              "http-fallback-redirect",
              "warning",
              `HTTPS failed; plain HTTP redirects to ${redirect.to}. Windows asks the user whether to follow it.`,
              "If the user refuses, Windows fails with 0x8018001A (MENROLL_E_INSECUREREDIRECT); fix HTTPS instead of relying on the prompt.",
              FEDERATED_DOC,
            ),
          );
        } else {
          diagnostics.push(
            diag(
              "http-fallback-no-redirect",
              "info",
              `Plain HTTP did not redirect either (${fallbackLast.failure?.message ?? `HTTP ${fallbackLast.response?.status}`}); Windows asks the user for the server address.`,
              undefined,
              FEDERATED_DOC,
            ),
          );
        }
      }
      const redirectedToHttps =
        fallback?.redirects[0] !== undefined && isHttps(fallback.redirects[0].to);
      if (verdictOf(diagnostics) === "fail" && redirectedToHttps) {
        // Windows asks the user and carries on at the redirect: these only fail if they refuse.
        for (let k = 0; k < diagnostics.length; k++) {
          const d = diagnostics[k]!;
          if (d.severity === "error") {
            diagnostics[k] = {
              ...d,
              severity: "warning",
              message: `${d.message} Windows falls back to the HTTP redirect after asking the user.`,
            };
          }
        }
      }
      verdict = verdictOf(diagnostics);
      postPossible = verdict !== "fail";
    }
    steps.push({ id: "get", title: "GET", verdict, summary, details, diagnostics });
  }

  // POST
  let parsed: ParsedDiscoverResponse | undefined;
  {
    const diagnostics: Diagnostic[] = [];
    const details: { label: string; value: string }[] = [];
    const post = observation.post;
    let summary = postPossible ? "not sent" : "not sent: the GET failed, so Windows stops here";
    let verdict: StepVerdict = "skipped";
    if (!post && postPossible && observation.outOfTimeBeforePost) {
      errors.add("menroll-e-connectivity");
      summary = "not sent: no time left";
      diagnostics.push(
        diag(
          "timeout",
          "error",
          `The probe's ${seconds(observation.timeoutMs)} ran out before the Discover POST could be sent.`,
          "Find out why the earlier steps are so slow, or raise --timeout.",
          undefined,
        ),
      );
      verdict = "fail";
    }
    if (post && postPossible) {
      const final = last(post)!;
      diagnostics.push(...redirectDiagnostics(post, errors));
      if (final.failure) {
        diagnostics.push(failureDiagnostic(final, "Discover POST", observation.timeoutMs, errors));
        summary = final.failure.message;
      } else if (final.response && !post.stopped) {
        const response = final.response;
        const contentType = response.headers["content-type"];
        summary = `HTTP ${response.status}, ${response.bytes} bytes${contentType ? `, ${contentType}` : ""}`;
        details.push({ label: "status", value: String(response.status) });
        details.push({ label: "content-type", value: contentType ?? "(none)" });
        details.push({ label: "transfer", value: response.chunked ? "chunked" : "one message" });
        const looksLikeFault = /<(\w+:)?Fault[\s>]/i.test(response.body);
        if (response.truncated) {
          diagnostics.push(
            diag(
              "response-too-large",
              "error",
              `The response is larger than the probe's limit (${response.bytes} bytes read).`,
              "A Discover response is a few kilobytes; check what the server sends.",
              undefined,
            ),
          );
        } else if (response.status === 200 && response.body.trim() === "") {
          errors.add("menroll-e-empty-message");
          diagnostics.push(
            diag(
              "empty-response",
              "error",
              "The Discover POST got HTTP 200 with an empty body.",
              "Return the DiscoverResponse envelope; Windows reports 0x80180029 (MENROLL_E_EMPTY_MESSAGE).",
              { doc: "sdk-mdmregistration-h", section: "MENROLL_E_EMPTY_MESSAGE" },
            ),
          );
        } else if (response.status !== 200 && !looksLikeFault) {
          diagnostics.push(
            diag(
              "post-status",
              "error",
              `The Discover POST got HTTP ${response.status}${retryAfterOf(response)}.`,
              `${retryHint(response)}The discovery URL must answer the Discover POST with 200 and a DiscoverResponse.`,
              MDE2_DISCOVER,
            ),
          );
        } else {
          parsed = parseDiscoverResponse(response.body);
        }
        if (response.chunked) {
          diagnostics.push(
            diag(
              "chunked-response",
              "error",
              "The response is sent with Transfer-Encoding: chunked; Windows needs it as one message.",
              "Send the response with a Content-Length instead of chunked encoding (buffer it on the server).",
              FEDERATED_DOC,
            ),
          );
        }
        if (response.body.trim() !== "" && !(response.status !== 200 && looksLikeFault)) {
          const type = contentTypeDiagnostic(contentType);
          if (type) diagnostics.push(type);
        }
      }
      verdict = verdictOf(diagnostics);
    }
    steps.push({ id: "post", title: "POST Discover", verdict, summary, details, diagnostics });
  }

  // Response
  {
    const diagnostics: Diagnostic[] = [];
    const details: { label: string; value: string }[] = [];
    let summary = "no response to read";
    let verdict: StepVerdict = "skipped";
    if (parsed) {
      if (parsed.kind === "invalid") {
        summary = "not a Discover response";
        diagnostics.push(
          diag(
            "invalid-response",
            "error",
            `The response is not a usable Discover response: ${parsed.error}.`,
            "Compare the response with the MS-MDE2 DiscoverResponse sample.",
            MDE2_DISCOVER,
          ),
        );
      } else if (parsed.kind === "fault") {
        fault = parsed.fault;
        for (const id of fault.errors) errors.add(id);
        const entry = ERROR_CATALOG.find((e) => e.id === fault!.errors[0]);
        const what = [fault.subcode, fault.errorType].filter(Boolean).join(" / ");
        summary = `SOAP fault ${what}${fault.reason ? `: ${fault.reason}` : ""}`;
        if (fault.traceId) details.push({ label: "trace id", value: fault.traceId });
        diagnostics.push(
          diag(
            "soap-fault",
            "error",
            `The server answered with a SOAP fault (${what || "no subcode"})${entry ? `, which Windows reports as ${formatHex(entry.hresult)} ${entry.names[0] ?? ""}` : ""}.`.replace(
              " .",
              ".",
            ),
            entry?.actions[0],
            { doc: "ms-mde2", section: "2.2.10 SOAP Faults" },
          ),
        );
      } else {
        result = parsed.result;
        summary = `${result.authPolicy ?? "no AuthPolicy"}, EnrollmentVersion ${result.enrollmentVersion ?? "(none)"}`;
        if (result.authPolicy) details.push({ label: "AuthPolicy", value: result.authPolicy });
        if (result.enrollmentVersion)
          details.push({ label: "EnrollmentVersion", value: result.enrollmentVersion });
        if (result.enrollmentServiceUrl)
          details.push({ label: "EnrollmentServiceUrl", value: result.enrollmentServiceUrl });
        if (result.enrollmentPolicyServiceUrl)
          details.push({
            label: "EnrollmentPolicyServiceUrl",
            value: result.enrollmentPolicyServiceUrl,
          });
        if (result.authenticationServiceUrl)
          details.push({
            label: "AuthenticationServiceUrl",
            value: result.authenticationServiceUrl,
          });
        diagnostics.push(...resultDiagnostics(parsed, observation));
      }
      verdict = verdictOf(diagnostics);
    }
    steps.push({
      id: "response",
      title: "Discover response",
      verdict,
      summary,
      details,
      diagnostics,
    });
  }

  const diagnostics = steps.flatMap((s) => s.diagnostics);
  const ok = result !== undefined && !steps.some((s) => s.verdict === "fail");
  const firstFail = steps.find((s) => s.verdict === "fail");
  const summary = ok
    ? `Windows would find the enrollment service at ${result?.enrollmentServiceUrl} (${result?.authPolicy}).`
    : `Windows would not enroll against ${observation.url}: ${firstFail ? `${firstFail.title} failed (${firstFail.summary})` : "no Discover response"}.`;
  return {
    ok,
    verdict: ok ? "discoverable" : "not-discoverable",
    summary,
    input: observation.input,
    url: observation.url,
    requestVersion: observation.requestVersion,
    authPolicies: observation.authPolicies,
    steps,
    ...(result ? { result } : {}),
    ...(fault ? { fault } : {}),
    errors: Array.from(errors),
    diagnostics,
  };
}

function formatHex(value: number | undefined): string {
  return value === undefined ? "" : `0x${value.toString(16).toUpperCase().padStart(8, "0")}`;
}
