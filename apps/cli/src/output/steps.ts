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

/** One line per step with its mark, then its details and diagnostics indented under it. */
export function formatSteps(steps: readonly PrintedStep[], style: Style): string[] {
  const lines: string[] = [];
  for (const step of steps) {
    lines.push(
      `${MARKS[step.verdict](style)} ${style.bold(step.title.padEnd(18))} ${step.verdict === "skipped" ? style.dim(step.summary) : step.summary}`,
    );
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
  }
  return lines;
}
