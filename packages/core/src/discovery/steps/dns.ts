import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { verdictOf } from "../../diagnostics/step.js";
import { finding } from "../checks.js";
import type { DnsAnswer } from "../transport.js";
import type { StepOutcome } from "./step.js";

const INTUNE_CNAME = /^enterpriseenrollment-s\.manage\.microsoft\.com\.?$/i;

/** The DNS step: does EnterpriseEnrollment.<domain> resolve, and to what. */
export function judgeDns(dns: DnsAnswer | undefined, host: string): StepOutcome {
  if (!dns) return { verdict: "skipped", summary: "not looked up", details: [], diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const details: { label: string; value: string }[] = [];
  let summary: string;
  if (dns.overriddenBy) {
    summary = `${host} → ${dns.overriddenBy} (connect-to override; DNS not asked)`;
    diagnostics.push(
      finding(
        "dns-overridden",
        `Connections to ${host} go to ${dns.overriddenBy}; DNS was not consulted.`,
      ),
    );
  } else if (dns.error) {
    summary = `${host} does not resolve (${dns.errorCode ?? dns.error})`;
    diagnostics.push(
      finding(
        "dns-not-found",
        `${host} does not resolve: ${dns.error}.`,
        `Create a DNS record for ${host} (for Intune: a CNAME to EnterpriseEnrollment-s.manage.microsoft.com); without it Windows says it couldn't autodiscover a management endpoint.`,
      ),
    );
  } else {
    summary = [...dns.cnames, dns.addresses.join(", ")].join(" → ");
    if (dns.cnames.length > 0) details.push({ label: "CNAME", value: dns.cnames.join(" → ") });
    details.push({ label: "addresses", value: dns.addresses.join(", ") });
    if (dns.cnames.some((c) => INTUNE_CNAME.test(c))) {
      diagnostics.push(
        finding(
          "dns-intune",
          "The name points at Microsoft Intune (EnterpriseEnrollment-s.manage.microsoft.com).",
        ),
      );
    }
  }
  return { verdict: verdictOf(diagnostics), summary, details, diagnostics };
}
