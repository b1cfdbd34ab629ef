import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { finding, windowsCode } from "../checks.js";
import type { FollowedExchange } from "../observation.js";

/** A note per redirect followed, and why the chain stopped, when it stopped before an answer. */
export function redirectFindings(step: FollowedExchange): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of step.redirects) {
    if (r.followed) {
      out.push(
        finding(
          "redirect-followed",
          `${r.status} redirect from ${r.from} to ${r.to}, followed over HTTPS.`,
        ),
      );
    }
  }
  const stop = step.redirects[step.redirects.length - 1];
  if (step.stopped === "downgrade" && stop) {
    out.push(
      finding(
        "redirect-to-http",
        `The server redirects from HTTPS to plain HTTP (${stop.to}).`,
        `Windows asks the user before leaving HTTPS and fails with ${windowsCode("menroll-e-insecureredirect")} if they refuse; keep discovery on HTTPS.`,
      ),
    );
  } else if (step.stopped === "too-many") {
    out.push(
      finding(
        "too-many-redirects",
        `More than ${step.redirects.length - 1} redirects in a row.`,
        "Point EnterpriseEnrollment.<domain> at the discovery service directly.",
      ),
    );
  } else if (step.stopped === "method-change" && stop) {
    out.push(
      finding(
        "post-redirected",
        `The Discover POST got a ${stop.status} redirect to ${stop.to}, which turns a POST into a GET.`,
        "Answer the POST at the discovery URL itself (or use 307/308, which keep the method and body).",
      ),
    );
  }
  return out;
}
