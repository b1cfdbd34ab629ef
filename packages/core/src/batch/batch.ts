import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildEnrollmentLink } from "../link/build.js";
import type { LinkEncoding } from "../link/encode.js";
import { inspectEnrollmentLink, type LinkInspection } from "../link/inspect.js";
import { type EnrollmentLinkParams, LINK_PARAM_NAMES, type LinkParamName } from "../link/params.js";
import type { TokenSigner } from "../tokens/sign.js";
import { batchDiagnostic } from "./checks.js";
import { type ColumnPlan, planColumns } from "./columns.js";
import { SeenUsers } from "./users.js";

export type LinkParamValues = Partial<Record<LinkParamName, string>>;

export interface BatchOptions {
  /** Values every row gets unless it has its own (per-row values win). */
  readonly defaults?: LinkParamValues;
  /** Signs a per-user access token into each row's link. */
  readonly signer?: TokenSigner;
  /** The moment tokens are issued at and expiry is judged against; one for the whole run. */
  readonly now?: Date;
  readonly encoding?: LinkEncoding;
}

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

interface RowShape {
  readonly extraFields: readonly string[];
  readonly passThrough: readonly string[];
}

/** A JSON Lines line that did not parse. */
export interface InvalidRecord {
  /** The parser's message. */
  readonly message: string;
  /** The line as read. */
  readonly text: string;
}

export interface BatchSummary {
  /** True when every row read produced a link. */
  readonly ok: boolean;
  readonly rowsRead: number;
  /** Rows that produced a link. `rowsRead === linked + rejected`. */
  readonly linked: number;
  readonly rejected: number;
  /** Rows whose username appeared on an earlier row (they still get a link). */
  readonly duplicates: number;
  /** How many times each diagnostic code was seen, by severity. */
  readonly errors: Readonly<Record<string, number>>;
  readonly warnings: Readonly<Record<string, number>>;
  /** Findings about the header (columns ignored, unnamed or repeated). */
  readonly header: readonly Diagnostic[];
  readonly token?: {
    readonly alg: string;
    readonly ttlSeconds: number;
    readonly issuedAt: string;
    readonly expiresAt: string;
  };
}

// A username made of these, with a plain domain, can be replaced by a stand-in of the same shape
// (letters → a/A, digits → 0) without changing what the linter says: see inspectionKey.
const PLAIN_USERNAME = /^([A-Za-z0-9._+-]{1,64})@([A-Za-z0-9.-]{1,253})$/;
const MAX_CACHED_SHAPES = 4096;

interface CachedInspection {
  readonly inspection: LinkInspection;
  readonly standIns: readonly (readonly [string, string])[];
}

/**
 * Turns rows of link parameters into links and diagnostics, one row at a time, in constant memory
 * (apart from 12 bytes a distinct user for duplicate detection). Every row is built with
 * {@link buildEnrollmentLink} and judged by the same linter as {@link inspectEnrollmentLink}; rows
 * whose link has an error are rejected, with the reasons. The counts of {@link summary} add up:
 * `rowsRead === linked + rejected`.
 *
 * Rows of the same shape (same values except the username's letters and digits, and the run's own
 * tokens) share one inspection, so a million rows do not cost a million full lint passes.
 *
 * @example
 * const batch = new EnrollmentBatch({ defaults: { mode: "mdm", servername: "https://mdm.contoso.com" } });
 * batch.header(["email", "department"]);
 * const row = await batch.row(["ana@contoso.com", "Sales"], 2);
 * row.link; // "ms-device-enrollment:?mode=mdm&username=ana@contoso.com&servername=https://mdm.contoso.com"
 * batch.summary().linked; // 1
 */
export class EnrollmentBatch {
  readonly #defaults: LinkParamValues;
  readonly #defaultNames: readonly LinkParamName[];
  readonly #signer: TokenSigner | undefined;
  readonly #now: Date;
  readonly #encoding: LinkEncoding;
  readonly #seen = new SeenUsers();
  readonly #cache = new Map<string, CachedInspection>();
  readonly #plans = new Map<string, ColumnPlan>();
  #plan: ColumnPlan = planColumns([]);
  #headerDiagnostics: Diagnostic[] = [];
  #rowsRead = 0;
  #linked = 0;
  #duplicates = 0;
  readonly #errors = new Map<string, number>();
  readonly #warnings = new Map<string, number>();

  constructor(options: BatchOptions = {}) {
    this.#defaults = Object.fromEntries(
      Object.entries(options.defaults ?? {}).filter(([, v]) => v !== undefined && v !== ""),
    );
    this.#defaultNames = Object.keys(this.#defaults) as LinkParamName[];
    this.#signer = options.signer;
    this.#now = options.now ?? new Date();
    this.#encoding = options.encoding ?? "readable";
  }

  /** Sets the columns the following rows have (a CSV header line) and says what each one gives. */
  header(headings: readonly string[]): ColumnPlan {
    this.#plan = planColumns(headings);
    for (const d of this.#plan.diagnostics) {
      if (!this.#headerDiagnostics.some((h) => h.message === d.message))
        this.#headerDiagnostics.push(d);
    }
    return this.#plan;
  }

  /** The current column plan. */
  get plan(): ColumnPlan {
    return this.#plan;
  }

  /**
   * One CSV row: its fields in header order and the line it starts on. A row with more fields than
   * the header is rejected (its columns cannot be told apart); one with fewer is read with the
   * missing trailing fields empty, and warned about.
   */
  async row(fields: readonly string[], line: number): Promise<BatchRowResult> {
    return this.#row(fields, line);
  }

  /**
   * {@link row} without the promise, for batches that sign no tokens (signing is asynchronous):
   * a million rows then cost no million promises. Throws when the batch has a signer.
   */
  rowSync(fields: readonly string[], line: number): BatchRowResult {
    this.#assertSync();
    return this.#row(fields, line) as BatchRowResult;
  }

  #assertSync(): void {
    if (this.#signer) throw new TypeError("a batch that signs tokens must use row() or record()");
  }

  #row(fields: readonly string[], line: number): BatchRowResult | Promise<BatchRowResult> {
    const columns = this.#plan.columns;
    const values: Record<string, string> = {};
    const params: Record<string, string> = {};
    for (const name of this.#defaultNames) params[name] = this.#defaults[name]!;
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
    const shape = {
      extraFields: fields.slice(columns.length),
      passThrough: this.#plan.passThrough,
    };
    return this.#finish(line, params, values, shape, diagnostics);
  }

  /**
   * One JSON Lines record: an object whose keys are read like CSV headings. Numbers and booleans
   * are taken as text; `null` as empty; nested objects and arrays reject the row. For a line that
   * is not JSON at all, pass `invalid` (the parser's message and the line's text): the row is
   * rejected with the message and keeps the text in `extraFields`, so nothing is lost.
   */
  async record(value: unknown, line: number, invalid?: InvalidRecord): Promise<BatchRowResult> {
    return this.#record(value, line, invalid);
  }

  /** {@link record} without the promise, for batches that sign no tokens. */
  recordSync(value: unknown, line: number, invalid?: InvalidRecord): BatchRowResult {
    this.#assertSync();
    return this.#record(value, line, invalid) as BatchRowResult;
  }

  #record(
    value: unknown,
    line: number,
    invalid?: InvalidRecord,
  ): BatchRowResult | Promise<BatchRowResult> {
    if (invalid !== undefined) {
      return this.#finish(
        line,
        { ...this.#defaults },
        {},
        { extraFields: [invalid.text], passThrough: [] },
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
      return this.#finish(line, { ...this.#defaults }, {}, { extraFields: [], passThrough: [] }, [
        batchDiagnostic(
          "batch-record-not-object",
          "The line is not a JSON object of column names and values.",
          'write one object per line, e.g. {"email":"ana@contoso.com"}',
        ),
      ]);
    }
    const entries = Object.entries(value);
    const signature = entries.map(([k]) => k).join("\u0000");
    let plan = this.#plans.get(signature);
    if (plan === undefined) {
      if (this.#plans.size >= MAX_CACHED_SHAPES) this.#plans.clear();
      plan = this.header(entries.map(([k]) => k));
      this.#plans.set(signature, plan);
    } else {
      this.#plan = plan;
    }
    const diagnostics: Diagnostic[] = [];
    const fields = entries.map(([key, v]) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "object") {
        diagnostics.push(
          batchDiagnostic(
            "batch-value-not-text",
            `The value of "${key}" is a nested ${Array.isArray(v) ? "array" : "object"}, not text.`,
            "give each column a string, number or boolean",
            key,
          ),
        );
        return "";
      }
      return String(v);
    });
    const result = this.#row(fields, line);
    if (diagnostics.length === 0) return result;
    return result instanceof Promise
      ? result.then((r) => this.#retally(r, diagnostics))
      : this.#retally(result, diagnostics);
  }

  /** Totals so far; call after the last row for the run's summary. */
  summary(): BatchSummary {
    const rejected = this.#rowsRead - this.#linked;
    const issuedAt = Math.floor(this.#now.getTime() / 1000) * 1000;
    return {
      ok: rejected === 0,
      rowsRead: this.#rowsRead,
      linked: this.#linked,
      rejected,
      duplicates: this.#duplicates,
      errors: Object.fromEntries(this.#errors),
      warnings: Object.fromEntries(this.#warnings),
      header: this.#headerDiagnostics,
      ...(this.#signer
        ? {
            token: {
              alg: this.#signer.alg,
              ttlSeconds: this.#signer.ttlSeconds,
              issuedAt: new Date(issuedAt).toISOString(),
              expiresAt: new Date(issuedAt + this.#signer.ttlSeconds * 1000).toISOString(),
            },
          }
        : {}),
    };
  }

  #finish(
    line: number,
    params: Record<string, string>,
    values: Record<string, string>,
    shape: RowShape,
    diagnostics: Diagnostic[],
  ): BatchRowResult | Promise<BatchRowResult> {
    const username = params.username;
    if (username !== undefined) {
      const first = this.#seen.firstSeen(username.toLowerCase(), line);
      if (first !== undefined) {
        this.#duplicates += 1;
        diagnostics.push(
          batchDiagnostic(
            "batch-duplicate-user",
            `${username} already has a link from line ${first}; this row makes a second one.`,
            "remove the repeated row unless the user really needs two links",
            "username",
          ),
        );
      }
    }
    if (this.#signer && params.mode !== undefined) {
      if (params.accesstoken !== undefined) {
        diagnostics.push(
          batchDiagnostic(
            "batch-token-from-row",
            "The row brings its own access token, which is used instead of a signed one.",
            "leave the accesstoken column empty for rows that should get a signed token",
            "accesstoken",
          ),
        );
      } else if (username === undefined) {
        diagnostics.push(
          batchDiagnostic(
            "batch-token-needs-username",
            "A signed token names its user, and this row has no username.",
            "fill in the username (or email/upn) column",
            "username",
          ),
        );
      } else {
        return this.#signer
          .sign({
            username,
            ...(params.tenantidentifier ? { tenant: params.tenantidentifier } : {}),
            now: this.#now,
          })
          .then((signed) => {
            params.accesstoken = signed;
            return this.#complete(line, params, values, shape, diagnostics, signed);
          });
      }
    }
    return this.#complete(line, params, values, shape, diagnostics, undefined);
  }

  #complete(
    line: number,
    params: Record<string, string>,
    values: Record<string, string>,
    shape: RowShape,
    diagnostics: Diagnostic[],
    signed: string | undefined,
  ): BatchRowResult {
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
    } else if (!diagnostics.some((d) => d.severity === "error")) {
      const built = buildEnrollmentLink(params as EnrollmentLinkParams, {
        encoding: this.#encoding,
      });
      const inspection = this.#inspect(params, built, signed);
      for (const d of inspection.diagnostics) diagnostics.push(d);
      link = built;
    }
    const ok = link !== undefined && !diagnostics.some((d) => d.severity === "error");
    const result: BatchRowResult = {
      line,
      ok,
      ...(ok ? { link } : {}),
      params,
      values,
      extraFields: shape.extraFields,
      passThrough: shape.passThrough,
      diagnostics: sortBySeverity(diagnostics),
    };
    this.#tally(result);
    return result;
  }

  #tally(result: BatchRowResult): void {
    this.#rowsRead += 1;
    if (result.ok) this.#linked += 1;
    for (const d of result.diagnostics) {
      const counts = d.severity === "error" ? this.#errors : this.#warnings;
      if (d.severity === "info") continue;
      counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    }
  }

  #retally(result: BatchRowResult, extra: readonly Diagnostic[]): BatchRowResult {
    // Undo the row's count and count it again with the extra findings (a nested JSON value).
    this.#rowsRead -= 1;
    if (result.ok) this.#linked -= 1;
    for (const d of result.diagnostics) {
      const counts = d.severity === "error" ? this.#errors : this.#warnings;
      if (d.severity !== "info") counts.set(d.code, counts.get(d.code)! - 1);
    }
    const { link: _link, ...rest } = result;
    const fixed: BatchRowResult = {
      ...rest,
      ok: false,
      diagnostics: sortBySeverity([...extra, ...result.diagnostics]),
    };
    this.#tally(fixed);
    return fixed;
  }

  /**
   * The linter's verdict on a built link, shared between rows of one shape. A plain username
   * (letters, digits, `._+-`, a plain domain) is replaced by a stand-in of the same length and
   * character classes, and the run's own signed token by the first token of its length (all tokens
   * of a run share their header, `iat` and `exp`), so every rule sees the same thing; the
   * stand-ins are swapped back in the diagnostics' text.
   */
  #inspect(
    params: Record<string, string>,
    built: string,
    signed: string | undefined,
  ): LinkInspection {
    const username = params.username;
    const plain = username === undefined ? null : PLAIN_USERNAME.exec(username);
    if (username !== undefined && plain === null)
      return inspectEnrollmentLink(built, { now: this.#now });
    const standInUser = plain === null ? undefined : `${shapeOf(plain[1]!)}@${plain[2]}`;
    let key = "";
    for (const name of LINK_PARAM_NAMES) {
      const value =
        name === "username"
          ? standInUser
          : name === "accesstoken" && signed !== undefined
            ? `\u0001${signed.length}`
            : params[name];
      key += `${value ?? ""}\u0000`;
    }
    let cached = this.#cache.get(key);
    if (cached === undefined) {
      const probe = { ...params, ...(standInUser === undefined ? {} : { username: standInUser }) };
      const inspection = inspectEnrollmentLink(
        buildEnrollmentLink(probe as EnrollmentLinkParams, { encoding: this.#encoding }),
        { now: this.#now },
      );
      const standIns: [string, string][] = [];
      if (standInUser !== undefined) standIns.push([standInUser, "username"]);
      if (signed !== undefined) standIns.push([signed, "accesstoken"]);
      if (this.#cache.size >= MAX_CACHED_SHAPES) this.#cache.clear();
      cached = { inspection, standIns };
      this.#cache.set(key, cached);
    }
    const { inspection, standIns } = cached;
    if (inspection.diagnostics.length === 0 || standIns.length === 0) return inspection;
    const swap = (text: string) => {
      let out = text;
      for (const [standIn, param] of standIns) {
        if (out.includes(standIn)) out = out.split(standIn).join(params[param]!);
      }
      return out;
    };
    return {
      ...inspection,
      diagnostics: inspection.diagnostics.map((d) => ({
        ...d,
        message: swap(d.message),
        ...(d.hint === undefined ? {} : { hint: swap(d.hint) }),
      })),
    };
  }
}

/** Letters become a or A, digits 0; `._+-` stay: the shape the linter sees in a local part. */
function shapeOf(local: string): string {
  let out = "";
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    out +=
      c >= 97 && c <= 122 ? "a" : c >= 65 && c <= 90 ? "A" : c >= 48 && c <= 57 ? "0" : local[i];
  }
  return out;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortBySeverity(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  return diagnostics
    .map((d, i) => [d, i] as const)
    .sort((a, b) => ORDER[a[0].severity] - ORDER[b[0].severity] || a[1] - b[1])
    .map(([d]) => d);
}

/**
 * Streams rows through an {@link EnrollmentBatch}: give it the header and an iterable (or async
 * iterable) of rows with their line numbers, get one result per row, in order. Nothing is
 * collected, so the input can be as large as you like.
 *
 * @example
 * const batch = new EnrollmentBatch({ defaults: { mode: "mdm" } });
 * for await (const row of linkRows(batch, ["email"], [{ line: 2, fields: ["ana@contoso.com"] }])) {
 *   console.log(row.link);
 * }
 * batch.summary(); // { rowsRead: 1, linked: 1, rejected: 0, … }
 */
export async function* linkRows(
  batch: EnrollmentBatch,
  headings: readonly string[],
  rows:
    | Iterable<{ line: number; fields: readonly string[] }>
    | AsyncIterable<{ line: number; fields: readonly string[] }>,
): AsyncGenerator<BatchRowResult> {
  batch.header(headings);
  for await (const row of rows) yield await batch.row(row.fields, row.line);
}
