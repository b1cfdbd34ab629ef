import type { Diagnostic } from "./diagnostic.js";

/**
 * The step report DESIGN.md sets for `discover`, `enroll` and `manage` alike, defined once here so the
 * three cannot drift apart: each step ends in a verdict, says what happened in one line and carries
 * its diagnostics. After a failed step the later ones are `skipped`.
 */
export type StepVerdict = "pass" | "warn" | "fail" | "skipped";

/** One step of a report; `Id` is the command's step ids, `D` its diagnostics (enrollment adds `step`). */
export interface ReportStep<Id extends string = string, D extends Diagnostic = Diagnostic> {
  readonly id: Id;
  readonly verdict: StepVerdict;
  /** One line saying what happened. */
  readonly summary: string;
  readonly diagnostics: readonly D[];
}

/** A labelled value a step shows under its summary (discover and manage). */
export interface StepDetail {
  readonly label: string;
  readonly value: string;
}

/**
 * A step's verdict from its diagnostics: fail on any error, warn on any warning, pass otherwise.
 *
 * @example
 * verdictOf([{ code: "x-missing", severity: "warning", message: "No x." }]); // "warn"
 * verdictOf([]); // "pass"
 */
export function verdictOf(diagnostics: readonly Diagnostic[]): StepVerdict {
  if (diagnostics.some((d) => d.severity === "error")) return "fail";
  if (diagnostics.some((d) => d.severity === "warning")) return "warn";
  return "pass";
}
