import type { LinkEncoding } from "../link/encode.js";
import type { TokenSigner } from "../tokens/sign.js";
import { batchDiagnostic } from "./checks.js";
import { type ColumnPlan, planColumns } from "./columns.js";
import { InspectionCache } from "./inspection-cache.js";
import {
  type BatchItem,
  type BatchRowResult,
  completeRow,
  hasError,
  type LinkParamValues,
  type LinkStep,
  type RowDraft,
  readRecord,
  readRow,
} from "./row.js";
import { type BatchSummary, BatchTally } from "./tally.js";
import { SeenUsers } from "./users.js";

export interface BatchOptions {
  /** Values every row gets unless it has its own (per-row values win). */
  readonly defaults?: LinkParamValues;
  /** Signs a per-user access token into each row's link. */
  readonly signer?: TokenSigner;
  /** The moment tokens are issued at and expiry is judged against; one for the whole run. */
  readonly now?: Date;
  readonly encoding?: LinkEncoding;
}

const MAX_CACHED_SHAPES = 4096;

/**
 * Turns rows of link parameters into links and diagnostics, one row at a time, in constant memory
 * (apart from 12 bytes a distinct user for duplicate detection). Each row goes through one
 * pipeline: read against the columns ({@link readRow}, {@link readRecord}), checked for a repeated
 * user, signed when the batch signs tokens, then built with buildEnrollmentLink and judged by the
 * same linter as inspectEnrollmentLink (through an {@link InspectionCache}); rows whose link has an
 * error are rejected, with the reasons. Every finished row is counted once by a {@link BatchTally},
 * so the counts of {@link summary} add up: `rowsRead === linked + rejected`.
 *
 * @example
 * const batch = new EnrollmentBatch({ defaults: { mode: "mdm", servername: "https://mdm.contoso.com" } });
 * batch.header(["email", "department"]);
 * const row = batch.next({ kind: "row", fields: ["ana@contoso.com", "Sales"], line: 2 });
 * // a result, or a promise of one when the batch signs tokens
 * (await row).link; // "ms-device-enrollment:?mode=mdm&username=ana@contoso.com&servername=https://mdm.contoso.com"
 * batch.summary().linked; // 1
 */
export class EnrollmentBatch {
  readonly #defaults: LinkParamValues;
  readonly #signer: TokenSigner | undefined;
  readonly #now: Date;
  readonly #seen = new SeenUsers();
  readonly #cache: InspectionCache;
  readonly #step: LinkStep;
  readonly #tally = new BatchTally();
  readonly #recordPlans = new Map<string, ColumnPlan>();
  #plan: ColumnPlan = planColumns([]);

  constructor(options: BatchOptions = {}) {
    this.#defaults = Object.fromEntries(
      Object.entries(options.defaults ?? {}).filter(([, v]) => v !== undefined && v !== ""),
    );
    this.#signer = options.signer;
    this.#now = options.now ?? new Date();
    const encoding = options.encoding ?? "readable";
    this.#cache = new InspectionCache({ now: this.#now, encoding });
    this.#step = { encoding, inspect: (params, link) => this.#cache.inspect(params, link) };
  }

  /** Sets the columns the following rows have (a CSV header line) and says what each one gives. */
  header(headings: readonly string[]): ColumnPlan {
    this.#plan = planColumns(headings);
    this.#tally.header(this.#plan.diagnostics);
    return this.#plan;
  }

  /** The current column plan. */
  get plan(): ColumnPlan {
    return this.#plan;
  }

  /**
   * One row through the pipeline. The result comes back at once, or as a promise only when the
   * row's token has to be signed (signing is asynchronous): a million unsigned rows cost no million
   * promises.
   */
  next(item: BatchItem): BatchRowResult | Promise<BatchRowResult> {
    const draft =
      item.kind === "row"
        ? readRow(this.#plan, this.#defaults, item.fields, item.line)
        : readRecord((keys) => this.#recordPlan(keys), this.#defaults, item);
    this.#checkRepeatedUser(draft);
    const signing = this.#sign(draft);
    if (signing === undefined) return this.#finish(draft, this.#step);
    return signing.then((token) => {
      draft.params.accesstoken = token;
      return this.#finish(draft, {
        encoding: this.#step.encoding,
        inspect: (params, link) => this.#cache.inspect(params, link, token),
      });
    });
  }

  /** Totals so far; call after the last row for the run's summary. */
  summary(): BatchSummary {
    return this.#tally.summary({
      now: this.#now,
      ...(this.#signer ? { signer: this.#signer } : {}),
    });
  }

  #finish(draft: RowDraft, step: LinkStep): BatchRowResult {
    const result = completeRow(draft, step);
    this.#tally.count(result);
    return result;
  }

  /** A record's keys become its headings; plans of key lists seen before are reused. */
  #recordPlan(keys: readonly string[]): ColumnPlan {
    const signature = keys.join("\u0000");
    let plan = this.#recordPlans.get(signature);
    if (plan === undefined) {
      if (this.#recordPlans.size >= MAX_CACHED_SHAPES) this.#recordPlans.clear();
      plan = this.header(keys);
      this.#recordPlans.set(signature, plan);
    }
    this.#plan = plan;
    return plan;
  }

  #checkRepeatedUser(draft: RowDraft): void {
    const username = draft.params.username;
    if (username === undefined) return;
    const first = this.#seen.firstSeen(username.toLowerCase(), draft.line);
    if (first === undefined) return;
    draft.diagnostics.push(
      batchDiagnostic(
        "batch-duplicate-user",
        `${username} already has a link from line ${first}; this row makes a second one.`,
        "remove the repeated row unless the user really needs two links",
        "username",
      ),
    );
  }

  /** The row's signed token, when this batch signs and the row can have one (no row in error is signed). */
  #sign(draft: RowDraft): Promise<string> | undefined {
    const { params, diagnostics } = draft;
    if (!this.#signer || params.mode === undefined) return undefined;
    if (params.accesstoken !== undefined) {
      diagnostics.push(
        batchDiagnostic(
          "batch-token-from-row",
          "The row brings its own access token, which is used instead of a signed one.",
          "leave the accesstoken column empty for rows that should get a signed token",
          "accesstoken",
        ),
      );
      return undefined;
    }
    if (params.username === undefined) {
      diagnostics.push(
        batchDiagnostic(
          "batch-token-needs-username",
          "A signed token names its user, and this row has no username.",
          "fill in the username (or email/upn) column",
          "username",
        ),
      );
      return undefined;
    }
    if (hasError(diagnostics)) return undefined;
    return this.#signer.sign({
      username: params.username,
      ...(params.tenantidentifier ? { tenant: params.tenantidentifier } : {}),
      now: this.#now,
    });
  }
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
  for await (const row of rows) yield await batch.next({ kind: "row", ...row });
}
