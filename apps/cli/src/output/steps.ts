import type { Diagnostic } from "@winenroll/core";
import { formatDiagnostic } from "./diagnostics.js";
import type { Style } from "./style.js";
import { formatTable } from "./table.js";

/** A step of a step report (`discover`, `enroll`) as a person reads it. */
export interface PrintedStep {
  readonly title: string;
  readonly verdict: "pass" | "warn" | "fail" | "skipped";
  readonly summary: string;
  readonly details?: readonly { readonly label: string; readonly value: string }[];
  readonly diagnostics: readonly Diagnostic[];
}

const MARKS: Record<PrintedStep["verdict"], (style: Style) => string> = {
  pass: (s) => s.green("✔"),
  warn: (s) => s.yellow("!"),
  fail: (s) => s.red("✖"),
  skipped: (s) => s.dim("–"),
};

/** The step's line (mark, title, summary), then `extra` lines, its details and its diagnostics, indented. */
export function formatStep(
  step: PrintedStep,
  style: Style,
  titleWidth = 18,
  extra: readonly string[] = [],
): string {
  const summary = step.verdict === "skipped" ? style.dim(step.summary) : step.summary;
  const lines = [
    `${MARKS[step.verdict](style)} ${style.bold(step.title.padEnd(titleWidth))} ${summary}`,
  ];
  lines.push(...extra);
  if (step.details && step.details.length > 0) {
    lines.push(formatTable(step.details.map((d) => [`    ${style.dim(d.label)}`, d.value])));
  }
  for (const d of step.diagnostics) {
    lines.push(
      formatDiagnostic(d, style)
        .split("\n")
        .map((l) => `    ${l}`)
        .join("\n"),
    );
  }
  return lines.join("\n");
}

/** Every step of a report, one after the other. */
export function formatSteps(steps: readonly PrintedStep[], style: Style): string[] {
  return steps.map((step) => formatStep(step, style));
}
