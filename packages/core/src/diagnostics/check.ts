import { type Citation, formatCitation } from "../sources/sources.js";
import type { Diagnostic, Severity } from "./diagnostic.js";

/**
 * One entry of a checks table (link lint, discovery, dsregcmd, batch, tokens): what a check can
 * report, as data. The module that runs the check supplies only the message and the hint.
 */
export interface CheckEntry {
  /** Stable kebab-case id, the diagnostic's `code`. */
  readonly code: string;
  readonly severity: Severity;
  /** What it finds, in one line, for the reference tables. */
  readonly summary: string;
  /** The document behind it; absent where no source says more than the check itself. */
  readonly source?: Citation;
}

/**
 * A diagnostic for a table's entry: code, severity and source from the entry, the words from the
 * finding.
 *
 * @example
 * diagnosticOf({ code: "x-missing", severity: "error", summary: "…" }, "No x.", { hint: "Add x." });
 * // { code: "x-missing", severity: "error", message: "No x.", hint: "Add x." }
 */
export function diagnosticOf(
  check: CheckEntry,
  message: string,
  extra: { readonly hint?: string | undefined; readonly param?: string | undefined } = {},
): Diagnostic {
  return {
    code: check.code,
    severity: check.severity,
    message,
    ...(extra.hint ? { hint: extra.hint } : {}),
    ...(extra.param ? { param: extra.param } : {}),
    ...(check.source ? { source: formatCitation(check.source) } : {}),
  };
}

/**
 * A lookup of a checks table by code, for the module that produces its diagnostics.
 *
 * @example
 * const finding = findingsOf(TABLE);
 * finding("x-missing", "No x.", { hint: "Add x." }).severity; // the table's
 */
export function findingsOf<Code extends string>(
  table: readonly CheckEntry[],
): (
  code: Code,
  message: string,
  extra?: { readonly hint?: string | undefined; readonly param?: string | undefined },
) => Diagnostic {
  const byCode = new Map(table.map((check) => [check.code, check]));
  return (code, message, extra) => {
    const check = byCode.get(code);
    if (!check) throw new Error(`no check ${code} in the table`);
    return diagnosticOf(check, message, extra);
  };
}
