import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type DiscoveryStepId, discoveryCheck } from "./checks.js";
import type { DiscoveryObservation, DiscoveryReport, DiscoveryStep } from "./observation.js";
import type { DiscoverFault } from "./response.js";
import { judgeDns } from "./steps/dns.js";
import { judgeGet } from "./steps/get.js";
import { hostOf } from "./steps/http.js";
import { judgePost } from "./steps/post.js";
import { judgeResponse } from "./steps/response.js";
import type { StepOutcome } from "./steps/step.js";

const TITLES: Record<DiscoveryStepId, string> = {
  dns: "DNS",
  get: "GET",
  post: "POST Discover",
  response: "Discover response",
};

function step(id: DiscoveryStepId, outcome: StepOutcome): DiscoveryStep {
  const { verdict, summary, details, diagnostics } = outcome;
  return { id, title: TITLES[id], verdict, summary, details, diagnostics };
}

/**
 * The catalog entries for what Windows would report, in the order the findings came: each check's
 * own entry from the table, and for a SOAP fault the entries the fault names.
 */
function reportedErrors(diagnostics: readonly Diagnostic[], fault?: DiscoverFault): string[] {
  const errors = new Set<string>();
  for (const d of diagnostics) {
    const reports = discoveryCheck(d.code)?.reports;
    if (reports) errors.add(reports);
    if (d.code === "soap-fault") for (const id of fault?.errors ?? []) errors.add(id);
  }
  return Array.from(errors);
}

/**
 * Judges what a discovery probe saw the way Windows would: DNS, the GET, the Discover POST and its
 * response, each with a verdict and diagnostics, then the overall verdict. Pure: pass it the
 * observation {@link probeDiscovery} collected, or one built by hand. Every code it can report is
 * in {@link DISCOVERY_CHECKS}.
 *
 * @example
 * const report = diagnoseDiscovery(observation);
 * report.ok; // false when Windows would fail to enroll against the server
 * report.steps.map((s) => `${s.id}: ${s.verdict}`);
 */
export function diagnoseDiscovery(observation: DiscoveryObservation): DiscoveryReport {
  const host = hostOf(observation.url) ?? observation.url;
  const get = judgeGet(observation, host);
  const post = judgePost(observation, get.verdict !== "skipped" && get.verdict !== "fail");
  const response = judgeResponse(post.parsed, observation);
  const steps = [
    step("dns", judgeDns(observation.dns, host)),
    step("get", get),
    step("post", post),
    step("response", response),
  ];
  const { result, fault } = response;
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
    errors: reportedErrors(diagnostics, fault),
    diagnostics,
  };
}
