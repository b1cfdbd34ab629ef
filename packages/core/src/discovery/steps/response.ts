import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { verdictOf } from "../../diagnostics/step.js";
import { ERROR_CATALOG } from "../../errors/catalog.js";
import { formatHResult } from "../../errors/hresult.js";
import { finding } from "../checks.js";
import type { DiscoveryObservation } from "../observation.js";
import { AUTH_POLICIES } from "../request.js";
import type { DiscoverFault, DiscoverResult, ParsedDiscoverResponse } from "../response.js";
import { hostOf, isHttps } from "./http.js";
import type { StepOutcome } from "./step.js";

type ResultResponse = Extract<ParsedDiscoverResponse, { kind: "result" }>;

/** The response step: what the Discover response says, read the way Windows reads it. */
export function judgeResponse(
  parsed: ParsedDiscoverResponse | undefined,
  observation: DiscoveryObservation,
): StepOutcome & { result?: DiscoverResult; fault?: DiscoverFault } {
  if (!parsed) {
    return { verdict: "skipped", summary: "no response to read", details: [], diagnostics: [] };
  }
  if (parsed.kind === "invalid") {
    const diagnostics = [
      finding(
        "invalid-response",
        `The response is not a usable Discover response: ${parsed.error}.`,
        "Compare the response with the MS-MDE2 DiscoverResponse sample.",
      ),
    ];
    return { verdict: "fail", summary: "not a Discover response", details: [], diagnostics };
  }
  if (parsed.kind === "fault") return judgeFault(parsed.fault);
  const result = parsed.result;
  const diagnostics = resultFindings(parsed, observation);
  return {
    verdict: verdictOf(diagnostics),
    summary: `${result.authPolicy ?? "no AuthPolicy"}, EnrollmentVersion ${result.enrollmentVersion ?? "(none)"}`,
    details: resultDetails(result),
    diagnostics,
    result,
  };
}

function judgeFault(fault: DiscoverFault): StepOutcome & { fault: DiscoverFault } {
  const entry = ERROR_CATALOG.find((e) => e.id === fault.errors[0]);
  const what = [fault.subcode, fault.errorType].filter(Boolean).join(" / ");
  const label = [
    entry?.hresult === undefined ? undefined : formatHResult(entry.hresult),
    entry?.names[0],
  ]
    .filter(Boolean)
    .join(" ");
  const reported = label ? `, which Windows reports as ${label}` : "";
  const diagnostics = [
    finding(
      "soap-fault",
      `The server answered with a SOAP fault (${what || "no subcode"})${reported}.`,
      entry?.actions[0],
    ),
  ];
  return {
    verdict: "fail",
    summary: `SOAP fault ${what}${fault.reason ? `: ${fault.reason}` : ""}`,
    details: fault.traceId ? [{ label: "trace id", value: fault.traceId }] : [],
    diagnostics,
    fault,
  };
}

function resultDetails(result: DiscoverResult): { label: string; value: string }[] {
  const fields: [string, string | undefined][] = [
    ["AuthPolicy", result.authPolicy],
    ["EnrollmentVersion", result.enrollmentVersion],
    ["EnrollmentServiceUrl", result.enrollmentServiceUrl],
    ["EnrollmentPolicyServiceUrl", result.enrollmentPolicyServiceUrl],
    ["AuthenticationServiceUrl", result.authenticationServiceUrl],
  ];
  return fields.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

/**
 * Compares two decimal versions part by part, as numbers: "5.10" is above "5.9".
 * Negative when `a` is lower, positive when higher, 0 when equal.
 */
export function compareDecimalVersions(a: string, b: string): number {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function resultFindings(parsed: ResultResponse, observation: DiscoveryObservation): Diagnostic[] {
  const r = parsed.result;
  return [
    ...authPolicyFindings(r, observation),
    ...serviceUrlFindings(r),
    ...versionFindings(r, observation),
    ...envelopeFindings(parsed, observation),
  ];
}

function authPolicyFindings(r: DiscoverResult, observation: DiscoveryObservation): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!r.authPolicy) {
    out.push(
      finding(
        "auth-policy-missing",
        "The DiscoverResult has no AuthPolicy.",
        `Return one of ${AUTH_POLICIES.join(", ")}.`,
      ),
    );
  } else if (!(AUTH_POLICIES as readonly string[]).includes(r.authPolicy)) {
    out.push(
      finding(
        "auth-policy-unknown",
        `AuthPolicy "${r.authPolicy}" is not one of ${AUTH_POLICIES.join(", ")} (spelled as written).`,
        "Use the exact spelling: OnPremise, Federated or Certificate.",
      ),
    );
  } else if (!(observation.authPolicies as readonly string[]).includes(r.authPolicy)) {
    out.push(
      finding(
        "auth-policy-not-offered",
        `The server chose ${r.authPolicy}, which the client did not offer (${observation.authPolicies.join(", ")}).`,
        "The server must pick one of the AuthPolicies in the request.",
      ),
    );
  }
  if (r.authPolicy === "Federated") {
    if (!r.authenticationServiceUrl) {
      out.push(
        finding(
          "federated-without-auth-url",
          "AuthPolicy is Federated but there is no AuthenticationServiceUrl.",
          "Federated discovery must name the sign-in page in AuthenticationServiceUrl.",
        ),
      );
    } else if (!isHttps(r.authenticationServiceUrl)) {
      out.push(
        finding(
          "auth-url-not-https",
          `AuthenticationServiceUrl is not HTTPS: ${r.authenticationServiceUrl}.`,
          "Serve the sign-in page over HTTPS.",
        ),
      );
    }
  }
  return out;
}

function serviceUrlFindings(r: DiscoverResult): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!r.enrollmentServiceUrl) {
    out.push(
      finding(
        "enrollment-url-missing",
        "The DiscoverResult has no EnrollmentServiceUrl.",
        "Return the URL of the enrollment (MS-WSTEP) service.",
      ),
    );
  } else if (!isHttps(r.enrollmentServiceUrl)) {
    out.push(
      finding(
        "enrollment-url-not-https",
        `EnrollmentServiceUrl is not HTTPS: ${r.enrollmentServiceUrl}.`,
        "Serve the enrollment service over HTTPS.",
      ),
    );
  }
  if (r.enrollmentPolicyServiceUrl && !isHttps(r.enrollmentPolicyServiceUrl)) {
    out.push(
      finding(
        "policy-url-not-https",
        `EnrollmentPolicyServiceUrl is not HTTPS: ${r.enrollmentPolicyServiceUrl}.`,
        "Serve the enrollment policy service over HTTPS.",
      ),
    );
  }
  const enrollHost = hostOf(r.enrollmentServiceUrl);
  const policyHost = hostOf(r.enrollmentPolicyServiceUrl);
  if (enrollHost && policyHost && enrollHost !== policyHost) {
    out.push(
      finding(
        "services-on-different-hosts",
        `The enrollment service (${enrollHost}) and the policy service (${policyHost}) are on different hosts.`,
        "Put both services on the same host name.",
      ),
    );
  }
  return out;
}

function versionFindings(r: DiscoverResult, observation: DiscoveryObservation): Diagnostic[] {
  if (r.enrollmentVersion === undefined) {
    return [
      finding(
        "enrollment-version-missing",
        "The DiscoverResult has no EnrollmentVersion; Windows falls back to the oldest protocol.",
        "Return the EnrollmentVersion the server speaks, no higher than the RequestVersion.",
      ),
    ];
  }
  if (!/^\d+\.\d+$/.test(r.enrollmentVersion)) {
    return [
      finding(
        "enrollment-version-invalid",
        `EnrollmentVersion "${r.enrollmentVersion}" is not a decimal version such as 5.0.`,
      ),
    ];
  }
  if (compareDecimalVersions(r.enrollmentVersion, observation.requestVersion) > 0) {
    return [
      finding(
        "enrollment-version-too-high",
        `The server answers EnrollmentVersion ${r.enrollmentVersion}, higher than the client's RequestVersion ${observation.requestVersion}.`,
        "Answer with a version no higher than what the client asked for.",
      ),
    ];
  }
  return [];
}

function envelopeFindings(parsed: ResultResponse, observation: DiscoveryObservation): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (parsed.soapVersion === "1.1") {
    out.push(
      finding(
        "soap-11-envelope",
        "The response uses a SOAP 1.1 envelope; Windows and every MS-MDE2 sample use SOAP 1.2.",
        "Prefer the SOAP 1.2 envelope (http://www.w3.org/2003/05/soap-envelope).",
      ),
    );
  }
  const withoutSpaces = (text: string) => text.replace(/\s/g, "");
  if (
    parsed.relatesTo &&
    withoutSpaces(parsed.relatesTo) !== withoutSpaces(observation.messageId)
  ) {
    out.push(
      finding(
        "relates-to-mismatch",
        "RelatesTo does not echo the request's MessageID.",
        "Copy the request's MessageID into the response's RelatesTo.",
      ),
    );
  }
  return out;
}
