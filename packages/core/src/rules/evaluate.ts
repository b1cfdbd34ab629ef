import type { Citation } from "../sources/sources.js";
import { parseWindowsVersion } from "../windows/version.js";
import { getFact } from "./fact-access.js";
import { ENROLLMENT_METHODS, type MethodId, type WayIn } from "./methods.js";
import { inReleaseRange, releaseRange } from "./release-gate.js";
import {
  type Condition,
  ENROLLMENT_RULES,
  type EnrollmentRule,
  type FactPath,
  type RuleConflict,
} from "./rules.js";
import type { DeviceState, StartPoint } from "./state.js";

export type Verdict = "available" | "blocked" | "depends";

/** A rule that fired. */
export interface RuleHit {
  readonly rule: string;
  /** The exact text Windows shows on screen, where a source gives it. */
  readonly message?: string;
  /** The situation the source describes, where it is not text on screen. */
  readonly situation?: string;
  readonly explanation: string;
  readonly remedy: string;
  readonly source: Citation;
  readonly conflicts?: readonly RuleConflict[];
}

/** An unknown fact a verdict rests on, and what it would decide. */
export interface DependsOn {
  readonly fact: FactPath;
  /** Values of the fact that would trigger the rule (`below 1607` for releases). */
  readonly decidingValues: readonly string[];
  readonly rule: string;
  /** "blocked" when the rule blocks, "caveat" when it only warns. */
  readonly effect: "blocked" | "caveat";
  readonly explanation: string;
}

/** The verdict on one way in. */
export interface WayVerdict extends WayIn {
  readonly verdict: Verdict;
  readonly blockedBy: readonly RuleHit[];
  readonly dependsOn: readonly DependsOn[];
}

/** The verdict on one method. */
export interface MethodResult {
  readonly method: MethodId;
  readonly name: string;
  readonly verdict: Verdict;
  readonly blockedBy: readonly RuleHit[];
  readonly dependsOn: readonly DependsOn[];
  /** Warnings, mostly where the sources disagree; they do not change the verdict. */
  readonly caveats: readonly RuleHit[];
  readonly ways: readonly WayVerdict[];
  /** What the method leads to for this device. */
  readonly leadsTo: string;
}

export interface EnrollmentResult {
  readonly state: DeviceState;
  readonly methods: readonly MethodResult[];
}

type Truth =
  | { readonly value: true | false }
  | { readonly value: "unknown"; readonly leaves: readonly { fact: FactPath; values: string[] }[] };

function factValue(state: DeviceState, fact: FactPath): unknown {
  // Every edition but the legacy Mobile ones runs on desktops, so a known edition settles the form factor.
  if (fact === "formFactor" && state.formFactor === undefined && state.edition !== undefined) {
    return state.edition === "mobile" ? "mobile" : "desktop";
  }
  return getFact(state, fact);
}

function test(condition: Condition, state: DeviceState): Truth {
  if ("all" in condition || "any" in condition) {
    const parts = ("all" in condition ? condition.all : condition.any).map((c) => test(c, state));
    const decisive = !("all" in condition);
    if (parts.some((p) => p.value === decisive)) return { value: decisive };
    const unknown = parts.flatMap((p) => (p.value === "unknown" ? p.leaves : []));
    return unknown.length ? { value: "unknown", leaves: unknown } : { value: !decisive };
  }
  if ("always" in condition) return { value: true };
  const value = factValue(state, condition.fact);
  if ("below" in condition) {
    if (value === undefined)
      return {
        value: "unknown",
        leaves: [{ fact: "release", values: [releaseRange(condition)] }],
      };
    return { value: inReleaseRange(parseWindowsVersion(String(value)), condition) };
  }
  if (value === undefined)
    return {
      value: "unknown",
      leaves: [{ fact: condition.fact, values: condition.in.map(String) }],
    };
  return { value: condition.in.includes(value as string | boolean) };
}

function hit(rule: EnrollmentRule): RuleHit {
  return {
    rule: rule.id,
    ...(rule.message ? { message: rule.message } : {}),
    ...(rule.situation ? { situation: rule.situation } : {}),
    explanation: rule.explanation,
    remedy: rule.remedy,
    source: rule.source,
    ...(rule.conflicts ? { conflicts: rule.conflicts } : {}),
  };
}

interface Tally {
  blockedBy: RuleHit[];
  dependsOn: DependsOn[];
  caveats: RuleHit[];
}

function apply(rules: readonly EnrollmentRule[], state: DeviceState, tally: Tally): void {
  for (const rule of rules) {
    const truth = test(rule.when, state);
    if (truth.value === true)
      (rule.effect === "block" ? tally.blockedBy : tally.caveats).push(hit(rule));
    else if (truth.value === "unknown") {
      for (const leaf of truth.leaves) {
        tally.dependsOn.push({
          fact: leaf.fact,
          decidingValues: leaf.values,
          rule: rule.id,
          effect: rule.effect === "block" ? "blocked" : "caveat",
          explanation: rule.explanation,
        });
      }
    }
  }
}

function verdictOf(t: Tally): Verdict {
  if (t.blockedBy.length) return "blocked";
  return t.dependsOn.some((d) => d.effect === "blocked") ? "depends" : "available";
}

function leadsTo(method: MethodId, state: DeviceState): string {
  const auto = state.tenant?.autoEnrollment;
  switch (method) {
    case "ad-join":
      return "A domain member: people sign in with domain accounts and group policy applies. MDM enrollment, if wanted, comes through group policy enrollment.";
    case "entra-join":
    case "work-account": {
      const what =
        method === "entra-join"
          ? "The device is joined to Entra ID"
          : "The work account is added and the device registered in Entra ID";
      if (auto === true)
        return `${what} and, because the tenant has MDM auto-enrollment, also enrolled in MDM.`;
      if (auto === false)
        return `${what}; the tenant has no MDM auto-enrollment, so enrolling in MDM needs a second pass (Enroll only in device management).`;
      return `${what}; it is also enrolled in MDM only if the tenant has MDM auto-enrollment, otherwise a second pass is needed.`;
    }
    case "mdm-only":
      return "The device is managed by the MDM server; no work identity is added to Windows.";
  }
}

interface MethodRules {
  /** Rules that hold whichever way the person starts. */
  readonly general: readonly EnrollmentRule[];
  readonly byWay: ReadonlyMap<StartPoint, readonly EnrollmentRule[]>;
}

// The rule table is split by method and way once per table, not on every evaluation.
const splitTables = new WeakMap<readonly EnrollmentRule[], Map<string, MethodRules>>();

function rulesByMethod(rules: readonly EnrollmentRule[]): Map<string, MethodRules> {
  let split = splitTables.get(rules);
  if (split) return split;
  split = new Map();
  for (const method of ENROLLMENT_METHODS) {
    const own = rules.filter((r) => r.methods.includes(method.id));
    const byWay = new Map<StartPoint, EnrollmentRule[]>();
    for (const way of method.ways)
      byWay.set(
        way.from,
        own.filter((r) => r.ways?.includes(way.from)),
      );
    split.set(method.id, { general: own.filter((r) => !r.ways), byWay });
  }
  splitTables.set(rules, split);
  return split;
}

/**
 * Decides, for each of the four methods, whether it is available, blocked (and by which rules) or
 * depends on facts that are unknown (and how each would decide it). Ways in are judged one by one;
 * rules that belong to one way count towards the method when `startsFrom` names that way.
 * Throws `WindowsVersionError` when `state.release` cannot be read.
 *
 * @example
 * const result = evaluateEnrollment({ account: "standard" });
 * result.methods.find((m) => m.method === "mdm-only")?.verdict; // "blocked"
 */
export function evaluateEnrollment(
  state: DeviceState,
  rules: readonly EnrollmentRule[] = ENROLLMENT_RULES,
): EnrollmentResult {
  if (state.release !== undefined) parseWindowsVersion(state.release);
  const byMethod = rulesByMethod(rules);
  const methods = ENROLLMENT_METHODS.map((method): MethodResult => {
    const { general, byWay } = byMethod.get(method.id)!;
    const ways = method.ways.map((way): WayVerdict => {
      const t: Tally = { blockedBy: [], dependsOn: [], caveats: [] };
      apply(byWay.get(way.from) ?? [], state, t);
      return { ...way, verdict: verdictOf(t), blockedBy: t.blockedBy, dependsOn: t.dependsOn };
    });
    const tally: Tally = { blockedBy: [], dependsOn: [], caveats: [] };
    apply(general, state, tally);
    const start: StartPoint | undefined = state.startsFrom;
    if (start) {
      const way = method.ways.find((w) => w.from === start);
      if (!way) {
        tally.blockedBy.push({
          rule: "no-way-from-start",
          explanation: `${method.name} cannot be started from ${start}.`,
          remedy: `Start from ${method.ways.map((w) => w.from).join(" or ")}.`,
          source: method.source,
        });
      } else apply(byWay.get(start) ?? [], state, tally);
    }
    return {
      method: method.id,
      name: method.name,
      verdict: verdictOf(tally),
      blockedBy: tally.blockedBy,
      dependsOn: tally.dependsOn,
      caveats: tally.caveats,
      ways,
      leadsTo: leadsTo(method.id, state),
    };
  });
  return { state, methods };
}

/**
 * The facts the rules read, each with the rules that read it: what a form should ask for.
 *
 * @example
 * factsRead().get("account"); // ["ad-standard-user", "entra-standard-user", ...]
 */
export function factsRead(
  rules: readonly EnrollmentRule[] = ENROLLMENT_RULES,
): Map<FactPath, string[]> {
  const out = new Map<FactPath, string[]>();
  const walk = (c: Condition, id: string) => {
    if ("all" in c) for (const x of c.all) walk(x, id);
    else if ("any" in c) for (const x of c.any) walk(x, id);
    else if ("always" in c) return;
    else out.set(c.fact, [...(out.get(c.fact) ?? []), id]);
  };
  for (const r of rules) walk(r.when, r.id);
  return out;
}
