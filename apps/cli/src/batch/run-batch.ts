// `winenroll link batch` at work: a checked plan, one pipeline, a summary. Imported from the
// command's action only, so the CSV parser, the writers and the token signer cost nothing to the
// other commands.
import { EnrollmentBatch } from "@winenroll/core/batch";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { toJson } from "../output/json.js";
import { cleanUpOnSignals } from "./atomic.js";
import { openInput } from "./input.js";
import type { BatchOptions } from "./options.js";
import { type PipelineOutcome, runPipeline } from "./pipeline.js";
import { planBatch } from "./plan.js";
import { createProgress } from "./progress.js";
import { BatchSinks } from "./sinks.js";
import { formatSummary, summarise } from "./summary.js";

export type { BatchRunSummary } from "./summary.js";

export async function runBatch(
  input: string,
  options: BatchOptions,
  context: CommandContext,
): Promise<void> {
  const started = performance.now();
  const plan = await planBatch(input, options);
  if (input === "-" && process.stdin.isTTY) {
    throw new UsageError("standard input is a terminal", "pipe a CSV file in, or pass its path");
  }
  const source = openInput(input, plan.inputFormat, () => process.stdin);
  const batch = new EnrollmentBatch({
    defaults: plan.defaults,
    ...(plan.signer ? { signer: plan.signer } : {}),
  });
  const uninstall = cleanUpOnSignals();
  const sinks = new BatchSinks(plan, context.io);
  const progress = createProgress(context.io.stderr, source.bytesRead, source.totalBytes);
  let outcome: PipelineOutcome;
  try {
    outcome = await runPipeline(plan, source, batch, sinks, progress, context);
    progress.done();
    if (!outcome.begun && plan.inputFormat === "csv")
      throw new UsageError("the input is empty", "the first line must name the columns");
    if (outcome.stoppedAt !== undefined) await sinks.discard();
    else await sinks.commit();
  } catch (error) {
    progress.done();
    await sinks.discard();
    throw error;
  } finally {
    uninstall();
  }
  const core = batch.summary();
  const summary = summarise(
    plan,
    core,
    outcome,
    { links: sinks.writesLinks, mails: sinks.mailsWritten },
    (performance.now() - started) / 1000,
  );
  if (plan.json) context.out(toJson(summary));
  else context.err(formatSummary(summary, outcome.stoppedAt, context));
  if (!core.ok) context.setExitCode(EXIT.negative);
}
