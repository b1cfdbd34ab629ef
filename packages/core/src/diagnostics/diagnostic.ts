/**
 * The one shape every finding takes, in link lint, discovery and batch runs alike.
 *
 * - `error`: Windows will not do what the author wants.
 * - `warning`: Windows may not do it.
 * - `info`: advice.
 */
export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  /** Stable kebab-case id, safe to match on. */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What to do about it. */
  readonly hint?: string;
  /** The link parameter (or field) the finding is about. */
  readonly param?: string;
  /** The document and section behind the finding. */
  readonly source?: string;
}

/** Severities from worst to mildest, for sorting and counting. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

/**
 * Whether any diagnostic is an error (a warning or a note alone does not block).
 *
 * @example
 * hasErrors([{ code: "x", severity: "warning", message: "…" }]); // false
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/**
 * Orders diagnostics worst first, keeping the original order within a severity.
 *
 * @example
 * sortDiagnostics(diagnostics)[0]?.severity; // "error" when there is one
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  // Rule tables are written worst first, so their output usually is already in order.
  let inOrder = true;
  for (let i = 1; i < diagnostics.length && inOrder; i++) {
    inOrder = rank(diagnostics[i - 1]!.severity) <= rank(diagnostics[i]!.severity);
  }
  if (inOrder) return [...diagnostics];
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort(
      (a, b) => SEVERITIES.indexOf(a.d.severity) - SEVERITIES.indexOf(b.d.severity) || a.i - b.i,
    )
    .map(({ d }) => d);
}
