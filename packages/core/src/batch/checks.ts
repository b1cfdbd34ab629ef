import { type CheckEntry, findingsOf } from "../diagnostics/check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Citation } from "../sources/sources.js";

/** A check a batch makes on its input, beside the link checks every row's link goes through. */
export type BatchCheck = CheckEntry;

const csv: Citation = {
  doc: "rfc-4180",
  section: "§2.4: each line should contain the same number of fields",
};

/**
 * Every diagnostic code a batch can report about its input (the links themselves are judged by
 * `LINK_RULES`). Errors reject the row; warnings leave it linked and are counted in the summary.
 */
export const BATCH_CHECKS = [
  {
    code: "batch-row-too-long",
    severity: "error",
    summary:
      "A row has more fields than the header has columns, so its values cannot be matched to columns.",
    source: csv,
  },
  {
    code: "batch-row-short",
    severity: "warning",
    summary:
      "A row has fewer fields than the header; the missing trailing values are read as empty.",
    source: csv,
  },
  {
    code: "batch-mode-missing",
    severity: "error",
    summary: "A row has no mode and no default mode was given.",
  },
  {
    code: "batch-duplicate-user",
    severity: "warning",
    summary: "A username already had a link from an earlier row (compared without regard to case).",
  },
  {
    code: "batch-token-needs-username",
    severity: "error",
    summary: "Tokens are being signed and the row has no username for the token to name.",
    source: { doc: "rfc-7519", section: "§4.1.2 sub" },
  },
  {
    code: "batch-token-from-row",
    severity: "info",
    summary: "The row brings its own access token, which is kept instead of a signed one.",
  },
  {
    code: "batch-json-invalid",
    severity: "error",
    summary: "A JSON Lines line is not valid JSON; its text is kept with the rejected row.",
  },
  {
    code: "batch-record-not-object",
    severity: "error",
    summary: "A JSON Lines line is valid JSON but not an object of column names and values.",
  },
  {
    code: "batch-value-not-text",
    severity: "error",
    summary:
      "A JSON Lines value is a nested object or array rather than text, a number or a boolean.",
  },
  {
    code: "batch-column-ignored",
    severity: "warning",
    summary:
      "Two columns give the same link parameter; the better-named one is used, the other passed through.",
  },
  {
    code: "batch-column-unnamed",
    severity: "warning",
    summary: "A column has no heading.",
  },
  {
    code: "batch-column-repeated",
    severity: "warning",
    summary: "Two columns have the same heading.",
  },
] as const satisfies readonly BatchCheck[];

export type BatchCheckCode = (typeof BATCH_CHECKS)[number]["code"];

const findings = findingsOf<BatchCheckCode>(BATCH_CHECKS);

/**
 * A diagnostic for one of the {@link BATCH_CHECKS}: its severity and source come from the table,
 * the message and hint from the finding.
 *
 * @example
 * batchDiagnostic("batch-mode-missing", "The row has no mode.", "pass --mode mdm").severity; // "error"
 */
export function batchDiagnostic(
  code: BatchCheckCode,
  message: string,
  hint: string,
  param?: string,
): Diagnostic {
  return findings(code, message, { hint, param });
}
