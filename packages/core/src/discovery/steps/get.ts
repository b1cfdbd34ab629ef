import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { verdictOf } from "../../diagnostics/step.js";
import { finding, windowsCode } from "../checks.js";
import type { DiscoveryObservation, FollowedExchange } from "../observation.js";
import { failureFinding } from "./failures.js";
import { hostOf, isHttps, lastExchange, retryAfterOf, retryHint } from "./http.js";
import { redirectFindings } from "./redirects.js";
import type { StepOutcome } from "./step.js";
import { tlsDetails, tlsFindings } from "./tls.js";

/** The GET step: Windows' first request, its certificates, redirects and the plain-HTTP fallback. */
export function judgeGet(observation: DiscoveryObservation, host: string): StepOutcome {
  const get = observation.get;
  if (!get) return { verdict: "skipped", summary: "not sent", details: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const details: { label: string; value: string }[] = [];
  let summary = "not sent";
  const first = get.exchanges[0];
  const final = lastExchange(get)!;
  if (!isHttps(observation.url)) {
    diagnostics.push(
      finding(
        "discovery-not-https",
        `The discovery URL is plain HTTP: ${observation.url}.`,
        "Windows starts with HTTPS; serve discovery over HTTPS with a trusted certificate.",
      ),
    );
  }
  details.push(...tlsDetails(first?.tls));
  diagnostics.push(...certificateFindings(get, host, observation.checkedAt));
  diagnostics.push(...redirectFindings(get));
  if (final.failure) {
    diagnostics.push(failureFinding(final.failure, "GET", observation.timeoutMs));
    summary = final.failure.message;
  } else if (final.response) {
    const status = final.response.status;
    summary = `HTTP ${status}${final.response.statusText ? ` ${final.response.statusText}` : ""}`;
    details.push({ label: "status", value: String(status) });
    if (!get.stopped && (status < 200 || status >= 300)) {
      diagnostics.push(
        finding(
          "get-status",
          `The GET got HTTP ${status}${retryAfterOf(final.response)}; Windows expects the endpoint to answer (HTTP 200) before it POSTs.`,
          `${retryHint(final.response)}Make ${observation.url} answer GET with 200 (an empty body is fine).`,
        ),
      );
    }
  }
  diagnostics.push(...fallbackFindings(observation.httpFallback));
  const judged = redirectedToHttps(observation.httpFallback)
    ? diagnostics.map(softenedByFallback)
    : diagnostics;
  return { verdict: verdictOf(judged), summary, details, diagnostics: judged };
}

/**
 * The certificate of every host the GET reached, each host once: a redirect to another host is
 * held to the same rules as the first host.
 */
function certificateFindings(get: FollowedExchange, host: string, now: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const checked = new Set<string>();
  get.exchanges.forEach((exchange, i) => {
    const exchangeHost = hostOf(exchange.request.url) ?? (i === 0 ? host : undefined);
    if (i === 0) checked.add(exchangeHost ?? host);
    if (!exchange.tls || !exchangeHost) return;
    if (i > 0 && checked.has(exchangeHost)) return;
    checked.add(exchangeHost);
    out.push(...tlsFindings(exchange.tls, exchangeHost, now));
  });
  return out;
}

/** What Windows does when HTTPS failed and it tried plain HTTP. */
function fallbackFindings(fallback: FollowedExchange | undefined): Diagnostic[] {
  const answer = lastExchange(fallback);
  if (!fallback || !answer) return [];
  const redirect = fallback.redirects[0];
  if (redirect) {
    return [
      finding(
        "http-fallback-redirect",
        `HTTPS failed; plain HTTP redirects to ${redirect.to}. Windows asks the user whether to follow it.`,
        `If the user refuses, Windows fails with ${windowsCode("menroll-e-insecureredirect")}; fix HTTPS instead of relying on the prompt.`,
      ),
    ];
  }
  return [
    finding(
      "http-fallback-no-redirect",
      `Plain HTTP did not redirect either (${answer.failure?.message ?? `HTTP ${answer.response?.status}`}); Windows asks the user for the server address.`,
    ),
  ];
}

function redirectedToHttps(fallback: FollowedExchange | undefined): boolean {
  const to = fallback?.redirects[0]?.to;
  return to !== undefined && isHttps(to);
}

/** Windows asks the user and carries on at the HTTPS redirect: the GET's errors only fail if they refuse. */
function softenedByFallback(d: Diagnostic): Diagnostic {
  return d.severity === "error"
    ? {
        ...d,
        severity: "warning",
        message: `${d.message} Windows falls back to the HTTP redirect after asking the user.`,
      }
    : d;
}
