// The run's summary: core's counts with what the CLI did, as JSON (--json) or as lines on stderr.
import type { BatchSummary } from "@winenroll/core/batch";
import { formatDuration } from "@winenroll/core/tokens";
import type { CommandContext } from "../context.js";
import type { BatchPlan } from "./plan.js";
import type { OutputFormat } from "./writers.js";

export interface BatchRunSummary extends BatchSummary {
  readonly input: string;
  /** False when the run stopped early (`--fail-fast`): nothing was kept. */
  readonly complete: boolean;
  /** Rows written to the output (0 when nothing was kept). */
  readonly written: number;
  readonly output?: string;
  readonly format?: OutputFormat;
  readonly rejectedFile?: string;
  readonly outDir?: string;
  readonly mails?: number;
  /** A few line numbers for each diagnostic code, to start looking. */
  readonly examples: Readonly<Record<string, readonly number[]>>;
  readonly seconds: number;
}

export function summarise(
  plan: BatchPlan,
  core: BatchSummary,
  outcome: {
    readonly stoppedAt?: number;
    readonly examples: BatchRunSummary["examples"];
  },
  written: { readonly links: boolean; readonly mails: number },
  seconds: number,
): BatchRunSummary {
  const complete = outcome.stoppedAt === undefined;
  return {
    ...core,
    input: plan.input,
    complete,
    written: complete && written.links ? core.linked : 0,
    ...(plan.output ? { output: plan.output, format: plan.format } : {}),
    ...(plan.rejected ? { rejectedFile: plan.rejected.path } : {}),
    ...(plan.outDir ? { outDir: plan.outDir, mails: complete ? written.mails : 0 } : {}),
    examples: outcome.examples,
    seconds: Math.round(seconds * 100) / 100,
  };
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

function counts(
  record: Readonly<Record<string, number>>,
  examples: BatchRunSummary["examples"],
): string[] {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => {
      const lines = examples[code] ?? [];
      const where =
        lines.length > 0
          ? ` (line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}${n > lines.length ? ", …" : ""})`
          : "";
      return `  ${code} ×${n.toLocaleString("en-US")}${where}`;
    });
}

/** The summary for a person, on stderr. */
export function formatSummary(
  summary: BatchRunSummary,
  stoppedAt: number | undefined,
  context: CommandContext,
): string {
  const style = context.errStyle;
  const n = (value: number) => value.toLocaleString("en-US");
  const lines: string[] = [];
  const where = summary.output
    ? ` to ${summary.output}`
    : summary.outDir
      ? ""
      : " to standard output";
  if (stoppedAt !== undefined) {
    lines.push(
      style.red(
        `Stopped at line ${stoppedAt} (--fail-fast): ${plural(summary.rowsRead, "row")} read, nothing written.`,
      ),
    );
  } else {
    const head = `${plural(summary.rowsRead, "row")} read: ${n(summary.linked)} linked${summary.linked > 0 && !summary.outDir ? `, written${where}` : ""}, ${n(summary.rejected)} rejected`;
    lines.push(
      summary.ok
        ? style.green(`✔ ${head}.`)
        : style.red(
            `✖ ${head}${summary.rejectedFile ? ` (in ${summary.rejectedFile})` : " (listed above)"}.`,
          ),
    );
    if (summary.outDir)
      lines.push(`${plural(summary.mails ?? 0, "mail")} written to ${summary.outDir}.`);
  }
  if (summary.duplicates > 0)
    lines.push(
      `${n(summary.duplicates)} ${summary.duplicates === 1 ? "row repeats" : "rows repeat"} a username from an earlier row.`,
    );
  if (summary.token) {
    lines.push(
      `Tokens signed with ${summary.token.alg}, valid ${formatDuration(summary.token.ttlSeconds)} (until ${summary.token.expiresAt}).`,
    );
  }
  const errors = counts(summary.errors, summary.examples);
  if (errors.length > 0) lines.push(style.bold("Errors"), ...errors);
  const warnings = counts(summary.warnings, summary.examples);
  if (warnings.length > 0) lines.push(style.bold("Warnings"), ...warnings);
  lines.push(style.dim(`${summary.seconds}s`));
  return lines.join("\n");
}
