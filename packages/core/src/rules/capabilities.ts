import { releaseName, WINDOWS_RELEASES, type WindowsRelease } from "../windows/releases.js";
import { parseWindowsVersion } from "../windows/version.js";
import { inReleaseRange } from "./release-gate.js";
import { ENROLLMENT_RULES, type EnrollmentRule, type ReleaseGate } from "./rules.js";

/** A release and what it allows, derived from the rules' version gates. */
export interface ReleaseCapabilities {
  readonly release: WindowsRelease;
  readonly name: string;
  /** Version-gated things this release allows, by rule id, with what the rule says. */
  readonly allows: readonly { readonly rule: string; readonly what: string }[];
  /** Version-gated things this release lacks. */
  readonly lacks: readonly {
    readonly rule: string;
    readonly what: string;
    readonly from: string;
  }[];
}

function gates(rules: readonly EnrollmentRule[]): { rule: EnrollmentRule; gate: ReleaseGate }[] {
  return rules.flatMap((rule) => ("below" in rule.when ? [{ rule, gate: rule.when }] : []));
}

/**
 * Every release with the version gates of the rule table it passes and fails (deep link from 1607,
 * awa/aadj from 1709, parameters from 1703, the Settings link from 14393.82). A release's first
 * build is judged, so 1607 lacks the Settings link that arrived in 14393.82.
 *
 * @example
 * releaseCapabilities().find((r) => r.release.version === "1607")?.lacks.map((l) => l.rule); // includes "deep-link-awa-aadj-before-1709"
 */
export function releaseCapabilities(
  rules: readonly EnrollmentRule[] = ENROLLMENT_RULES,
): ReleaseCapabilities[] {
  const all = gates(rules);
  return WINDOWS_RELEASES.map((release) => {
    const version = parseWindowsVersion(String(release.build));
    const allows: ReleaseCapabilities["allows"][number][] = [];
    const lacks: ReleaseCapabilities["lacks"][number][] = [];
    for (const { rule, gate } of all) {
      if (inReleaseRange(version, gate))
        lacks.push({ rule: rule.id, what: rule.explanation, from: gate.below });
      else allows.push({ rule: rule.id, what: rule.explanation });
    }
    return { release, name: releaseName(release), allows, lacks };
  });
}
