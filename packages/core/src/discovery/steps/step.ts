import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StepDetail, StepVerdict } from "../../diagnostics/step.js";

/** What one step module concludes: the parts of a report step that depend on what was seen. */
export interface StepOutcome {
  readonly verdict: StepVerdict;
  /** One line saying what happened. */
  readonly summary: string;
  readonly details: readonly StepDetail[];
  readonly diagnostics: readonly Diagnostic[];
}
