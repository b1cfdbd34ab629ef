import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StepVerdict } from "../observation.js";

/** What one step module concludes: the parts of a report step that depend on what was seen. */
export interface StepOutcome {
  readonly verdict: StepVerdict;
  /** One line saying what happened. */
  readonly summary: string;
  readonly details: readonly { readonly label: string; readonly value: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Fail on any error, warn on any warning, pass otherwise. */
export function verdictOf(diagnostics: readonly Diagnostic[]): StepVerdict {
  if (diagnostics.some((d) => d.severity === "error")) return "fail";
  if (diagnostics.some((d) => d.severity === "warning")) return "warn";
  return "pass";
}
