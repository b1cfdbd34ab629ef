import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildEnrollmentLink } from "../link/build.js";
import type { LinkEncoding } from "../link/encode.js";
import type { EnrollmentLinkParams, LinkParamName } from "../link/params.js";
import { batchDiagnostic } from "./checks.js";
import type { ColumnPlan } from "./columns.js";
import type { LinkVerdict } from "./inspection-cache.js";

export type LinkParamValues = Partial<Record<LinkParamName, string>>;

/** A JSON Lines line that did not parse. */
export interface InvalidRecord {
  /** The parser's message. */
  readonly message: string;
  /** The line as read. */
  readonly text: string;
}

/** One row of input: a CSV row (fields in header order) or a JSON Lines record. */
export type BatchItem =
  | { readonly kind: "row"; readonly fields: readonly string[]; readonly line: number }
  | {
      readonly kind: "record";
      readonly value: unknown;
      readonly line: number;
      /** For a line that is not JSON at all: the parser's message and the line's text. */
      readonly invalid?: InvalidRecord;
    };

export interface BatchRowResult {
  /** Where the row starts in the input, counting the header as line 1 (CSV) or from 1 (JSONL). */
  readonly line: number;
  /** True when the row produced a link (no error diagnostics). */
  readonly ok: boolean;
  readonly link?: string;
  /** The values the link was built from: defaults, then the row's own. */
  readonly params: LinkParamValues;
  /** Every column of the row by heading, as read. */
  readonly values: Readonly<Record<string, string>>;
  /** Fields beyond the header's columns (a ragged row). */
  readonly extraFields: readonly string[];
  /** The row's headings that are not link parameters, in input order: passed through to output. */
  readonly passThrough: readonly string[];
  /** Worst first: the link's own diagnostics and the row's (ragged, duplicate, token). */
  readonly diagnostics: readonly Diagnostic[];
}

/** A row as read, before its link: what the row step hands on, with the findings so far. */
export interface RowDraft {
  readonly line: number;
  /** Defaults, then the row's own non-empty values; the signed token is added here. */
  readonly params: Record<string, string>;
  readonly values: Record<string, string>;
  readonly extraFields: readonly string[];
  readonly passThrough: readonly string[];
  readonly diagnostics: Diagnostic[];
}

/**
 * A CSV row's fields matched to the plan's columns, over the defaults. A row with more fields than
 * the header is an error (its columns cannot be told apart); one with fewer is read with the
 * missing trailing fields empty, and warned about.
 *
 * @example
 * const draft = readRow(planColumns(["email", "team"]), { mode: "mdm" }, ["ana@contoso.com", "Sales"], 2);
 * draft.params; // { mode: "mdm", username: "ana@contoso.com" }
 * draft.values; // { email: "ana@contoso.com", team: "Sales" }
 */
export function readRow(
  plan: ColumnPlan,
  defaults: LinkParamValues,
  fields: readonly string[],
  line: number,
): RowDraft {
  const { columns } = plan;
  const values: Record<string, string> = {};
  const params = withDefaults(defaults);
  const diagnostics: Diagnostic[] = [];
  const count = Math.min(fields.length, columns.length);
  for (let i = 0; i < count; i++) {
    const column = columns[i]!;
    const value = fields[i]!;
    values[column.heading] = value;
    const trimmed = column.param === undefined ? "" : value.trim();
    if (trimmed !== "") params[column.param!] = trimmed;
  }
  if (fields.length > columns.length) {
    diagnostics.push(
      batchDiagnostic(
        "batch-row-too-long",
        `The row has ${fields.length} fields where the header has ${columns.length}, so its values cannot be matched to columns.`,
        "look for an unquoted comma in a value, or a missing heading",
      ),
    );
  } else if (fields.length < columns.length) {
    for (let i = fields.length; i < columns.length; i++) values[columns[i]!.heading] = "";
    diagnostics.push(
      batchDiagnostic(
        "batch-row-short",
        `The row has ${fields.length} fields where the header has ${columns.length}; the missing ones are read as empty.`,
        "check that no value was cut off by a stray quote or line break",
      ),
    );
  }
  return {
    line,
    params,
    values,
    extraFields: fields.slice(columns.length),
    passThrough: plan.passThrough,
    diagnostics,
  };
}

/**
 * A JSON Lines record read like a CSV row whose headings are its keys (`planFor` gives the plan
 * of a key list). Numbers and booleans are taken as text, `null` as empty; a nested object or
 * array is an error. A line that is not JSON keeps its text in `extraFields`, so nothing is lost.
 *
 * @example
 * const draft = readRecord(planColumns, {}, { kind: "record", value: { upn: "ana@contoso.com", groups: [] }, line: 1 });
 * draft.params.username; // "ana@contoso.com"
 * draft.diagnostics[0].code; // "batch-value-not-text"
 */
export function readRecord(
  planFor: (keys: readonly string[]) => ColumnPlan,
  defaults: LinkParamValues,
  item: Extract<BatchItem, { kind: "record" }>,
): RowDraft {
  const { value, line, invalid } = item;
  if (invalid !== undefined) {
    return emptyDraft(
      line,
      defaults,
      [invalid.text],
      [
        batchDiagnostic(
          "batch-json-invalid",
          `The line is not valid JSON (${invalid.message}).`,
          "write one JSON object per line, with double-quoted names and strings",
        ),
      ],
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return emptyDraft(
      line,
      defaults,
      [],
      [
        batchDiagnostic(
          "batch-record-not-object",
          "The line is not a JSON object of column names and values.",
          'write one object per line, e.g. {"email":"ana@contoso.com"}',
        ),
      ],
    );
  }
  const entries = Object.entries(value);
  const nested: Diagnostic[] = [];
  const fields = entries.map(([key, v]) => {
    if (v === null || v === undefined) return "";
    if (typeof v !== "object") return String(v);
    nested.push(
      batchDiagnostic(
        "batch-value-not-text",
        `The value of "${key}" is a nested ${Array.isArray(v) ? "array" : "object"}, not text.`,
        "give each column a string, number or boolean",
        key,
      ),
    );
    return "";
  });
  const draft = readRow(planFor(entries.map(([key]) => key)), defaults, fields, line);
  draft.diagnostics.unshift(...nested);
  return draft;
}

/**
 * A fresh params object holding the defaults. Built key by key, not spread: every row's object then
 * has the same hidden class, which keeps the link builder's property reads fast (a spread copy
 * measured twice as slow over 200,000 rows).
 */
function withDefaults(defaults: LinkParamValues): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name in defaults) params[name] = defaults[name as LinkParamName]!;
  return params;
}

function emptyDraft(
  line: number,
  defaults: LinkParamValues,
  extraFields: readonly string[],
  diagnostics: Diagnostic[],
): RowDraft {
  const params = withDefaults(defaults);
  return { line, params, values: {}, extraFields, passThrough: [], diagnostics };
}

export interface LinkStep {
  readonly encoding: LinkEncoding;
  /** The linter's verdict on a built link (an InspectionCache, or inspectEnrollmentLink). */
  readonly inspect: (params: Record<string, string>, link: string) => LinkVerdict;
}

/**
 * The row step's end: a draft without errors gets its link, built and then judged by the linter;
 * a row without a mode, or with an error already, gets none. Pure apart from `step.inspect`.
 *
 * @example
 * const draft = readRow(planColumns(["email"]), { mode: "mdm" }, ["ana@contoso.com"], 2);
 * const row = completeRow(draft, { encoding: "readable", inspect: (_, link) => inspectEnrollmentLink(link) });
 * row.link; // "ms-device-enrollment:?mode=mdm&username=ana@contoso.com"
 */
export function completeRow(draft: RowDraft, step: LinkStep): BatchRowResult {
  const { params, diagnostics } = draft;
  let link: string | undefined;
  if (params.mode === undefined) {
    diagnostics.push(
      batchDiagnostic(
        "batch-mode-missing",
        "The row has no mode and no default mode was given.",
        "pass --mode mdm (or awa, aadj), or fill the mode column",
        "mode",
      ),
    );
  } else if (!hasError(diagnostics)) {
    link = buildEnrollmentLink(params as EnrollmentLinkParams, { encoding: step.encoding });
    for (const d of step.inspect(params, link).diagnostics) diagnostics.push(d);
  }
  const ok = link !== undefined && !hasError(diagnostics);
  return {
    line: draft.line,
    ok,
    ...(ok ? { link } : {}),
    params,
    values: draft.values,
    extraFields: draft.extraFields,
    passThrough: draft.passThrough,
    diagnostics: sortBySeverity(diagnostics),
  };
}

/** True when any of the diagnostics is an error. */
export function hasError(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortBySeverity(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort((a, b) => ORDER[a[0].severity] - ORDER[b[0].severity] || a[1] - b[1])
    .map(([d]) => d);
}
