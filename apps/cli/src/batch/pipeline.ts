// The run's one loop: items from the input, through core's batch, into the sinks, in input order.
import {
  type BatchRowResult,
  type EnrollmentBatch,
  TEMPLATE_VARIABLES,
} from "@winenroll/core/batch";
import type { CommandContext } from "../context.js";
import { CliError, UsageError } from "../errors.js";
import { formatDiagnostic } from "../output/diagnostics.js";
import type { InputItem, OpenedInput } from "./input.js";
import type { BatchPlan } from "./plan.js";
import type { Progress } from "./progress.js";
import type { BatchSinks } from "./sinks.js";
import { plural } from "./summary.js";

const EXAMPLE_LINES_KEPT = 5;
/** Signatures in flight at once: enough to keep the crypto threads busy, few enough to stay small. */
const SIGNING_CONCURRENCY = 256;

export interface PipelineOutcome {
  /** The line of the rejected row `--fail-fast` stopped at. */
  readonly stoppedAt?: number;
  /** True when the input had columns (a CSV header, or a first record). */
  readonly begun: boolean;
  /** A few line numbers for each diagnostic code, to start looking. */
  readonly examples: Readonly<Record<string, readonly number[]>>;
}

/**
 * Runs every item through the batch and into the sinks. Rows come back from core at once, or as a
 * promise while their token is signed; promises are gathered up to SIGNING_CONCURRENCY at a time and
 * every row is handled in input order. An unsigned run makes no promise per row.
 */
export async function runPipeline(
  plan: BatchPlan,
  source: OpenedInput,
  batch: EnrollmentBatch,
  sinks: BatchSinks,
  progress: Progress,
  context: CommandContext,
): Promise<PipelineOutcome> {
  const examples = new Map<string, number[]>();
  let rows = 0;
  let begun = false;
  let stoppedAt: number | undefined;
  const inFlight: (BatchRowResult | Promise<BatchRowResult>)[] = [];

  const begin = (headings: readonly string[]) => {
    begun = true;
    const columns = batch.header(headings);
    for (const d of columns.diagnostics) context.err(formatDiagnostic(d, context.errStyle));
    checkColumns(plan, headings, columns.columns);
    sinks.begin(headings, columns);
  };

  const step = (item: InputItem): BatchRowResult | Promise<BatchRowResult> | undefined => {
    if (item.kind === "header") {
      begin(item.fields);
      return undefined;
    }
    if (item.kind === "record" && !begun) begin(keysOf(item.value));
    return batch.next(item);
  };

  /** Counts, notes, and writes or rejects one row. Returns a promise only when a write must wait. */
  const handle = (row: BatchRowResult): Promise<void> | undefined => {
    rows += 1;
    progress.tick(rows);
    if (row.diagnostics.length > 0) noteExamples(examples, row);
    if (row.ok) return sinks.linked(row);
    if (plan.failFast) stoppedAt = row.line;
    const pending = sinks.rejected(row);
    if (pending !== false) return pending;
    reportRejected(row, context);
    return undefined;
  };

  const handleInFlight = async () => {
    for (const result of inFlight) {
      const pending = handle(await result);
      if (pending) await pending;
      if (stoppedAt !== undefined) break;
      if (sinks.readerGone()) throw outputClosed(rows);
    }
    inFlight.length = 0;
  };

  outer: for await (const items of source.items) {
    for (const item of items) {
      const result = step(item);
      if (result === undefined) continue;
      if (result instanceof Promise || inFlight.length > 0) {
        inFlight.push(result);
        if (inFlight.length >= SIGNING_CONCURRENCY) await handleInFlight();
      } else {
        const pending = handle(result);
        if (pending) await pending;
        if (sinks.readerGone()) throw outputClosed(rows);
      }
      if (stoppedAt !== undefined) break outer;
    }
    if (inFlight.length > 0) await handleInFlight();
    if (stoppedAt !== undefined) break;
  }
  return {
    ...(stoppedAt === undefined ? {} : { stoppedAt }),
    begun,
    examples: Object.fromEntries(examples),
  };
}

/** The columns can make links: a mode from somewhere, and every name the mail template uses. */
function checkColumns(
  plan: BatchPlan,
  headings: readonly string[],
  columns: readonly { readonly param?: string }[],
): void {
  if (
    plan.defaults.mode === undefined &&
    !columns.some((c) => c.param === "mode") &&
    plan.inputFormat === "csv"
  ) {
    throw new UsageError(
      "no mode: the input has no mode column and --mode was not given",
      "add --mode mdm (or awa, aadj)",
    );
  }
  if (plan.mail) {
    const missing = plan.mail.template.missing([...headings, ...TEMPLATE_VARIABLES]);
    if (missing.length > 0) {
      throw new UsageError(
        `the template uses ${missing.map((m) => `{{${m}}}`).join(", ")}, which the input has no column for`,
        `columns: ${headings.join(", ")}; also link, username, line and the link parameters`,
      );
    }
  }
}

function keysOf(value: unknown): string[] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

function noteExamples(examples: Map<string, number[]>, row: BatchRowResult): void {
  for (const d of row.diagnostics) {
    if (d.severity === "info") continue;
    const lines = examples.get(d.code) ?? [];
    if (lines.length < EXAMPLE_LINES_KEPT && lines.at(-1) !== row.line) lines.push(row.line);
    examples.set(d.code, lines);
  }
}

function reportRejected(row: BatchRowResult, context: CommandContext): void {
  context.err(`line ${row.line}: rejected`);
  for (const d of row.diagnostics.filter((d) => d.severity === "error"))
    context.err(`  ${formatDiagnostic(d, context.errStyle).replace(/\n/g, "\n  ")}`);
}

function outputClosed(rows: number): CliError {
  return new CliError(
    `standard output was closed after ${plural(rows, "row")}; stopped`,
    "to keep every link, write them to a file with --output",
  );
}
