import type { Diagnostic } from "@winenroll/core";
import type { Style } from "./style.js";

/** One diagnostic as two or three aligned lines: severity and code, message, hint. */
export function formatDiagnostic(d: Diagnostic, style: Style): string {
  const label = style.severity(d.severity, d.severity.padEnd(7));
  const lines = [`${label} ${style.bold(d.code)}  ${d.message}`];
  if (d.hint) lines.push(`        ${style.dim("hint:")} ${d.hint}`);
  return lines.join("\n");
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  return diagnostics.map((d) => formatDiagnostic(d, style)).join("\n");
}
