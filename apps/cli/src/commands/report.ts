import { readFile } from "node:fs/promises";
import { type MdmReport, MdmReportError, parseMdmDiagReport } from "@winenroll/core/mdm-report";
import type { Command } from "commander";
import { unzipSync } from "fflate";
import { decodeWindowsText } from "../collect/decode.js";
import type { CommandContext } from "../context.js";
import { CliError, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";

interface ReportOptions {
  readonly json?: boolean;
}

/** Finds MDMDiagReport.xml in a zip (at any depth) without unpacking anything else. */
function xmlFromZip(bytes: Uint8Array, file: string): { name: string; text: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => /(^|\/)mdmdiagreport\.xml$/i.test(f.name),
    });
  } catch (error) {
    throw new CliError(
      `${file} is not a readable zip: ${(error as Error).message}`,
      "pass MDMDiagReport.xml, or the .zip Windows exported",
    );
  }
  const name = Object.keys(entries)[0];
  if (!name)
    throw new CliError(
      `${file} holds no MDMDiagReport.xml`,
      "export the management log files again (Settings > Accounts > Access work or school > Export your management log files), or run MdmDiagnosticsTool.exe -out <folder>",
    );
  return { name, text: decodeWindowsText(entries[name]!) };
}

export function registerReportCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("report"), [
    "winenroll report MDMDiagReport.xml",
    "winenroll report DeviceDiagnostics.zip --json",
  ])
    .description(
      "read Windows' MDM diagnostic report (MDMDiagReport.xml, or the .zip that holds it): enrollments and errors, explained",
    )
    .argument("<file>", "MDMDiagReport.xml or a .zip containing it")
    .option("--json", "print core's report as JSON")
    .action(async (file: string, options: ReportOptions) => {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new UsageError(
          `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          "pass the path of MDMDiagReport.xml or of the exported .zip",
        );
      }
      const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
      const { name, text } = isZip
        ? xmlFromZip(bytes, file)
        : { name: file, text: decodeWindowsText(bytes) };
      let report: MdmReport;
      try {
        report = parseMdmDiagReport(text);
      } catch (error) {
        if (error instanceof MdmReportError)
          throw new CliError(
            `${name}: ${error.message}`,
            "the report is MDMDiagReport.xml, written by MdmDiagnosticsTool.exe -out <folder>",
          );
        throw error;
      }
      if (options.json) context.out(toJson({ file: name, ...report }));
      else context.out(formatReport(name, report, context.style));
    });
}

function formatReport(name: string, report: MdmReport, style: Style): string {
  const lines: string[] = [style.bold(`${name}`)];
  const system = Object.entries(report.system);
  if (system.length) {
    lines.push("", style.bold("System"));
    for (const [k, v] of system) lines.push(`  ${k}: ${v}`);
  }
  lines.push("", style.bold(`Enrollments (${report.enrollments.length})`));
  if (report.enrollments.length === 0) lines.push("  none recorded in the report");
  for (const e of report.enrollments) {
    lines.push(`  ${e.id}`);
    if (e.provider) lines.push(`    provider: ${e.provider}`);
    if (e.upn) lines.push(`    UPN: ${e.upn}`);
    if (e.state) lines.push(`    EnrollmentState: ${e.state}`);
    if (e.type) lines.push(`    EnrollmentType: ${e.type}`);
    if (e.discoveryUrl) lines.push(`    discovery URL: ${e.discoveryUrl}`);
  }
  lines.push("", style.bold(`Errors (${report.errors.length})`));
  if (report.errors.length === 0) lines.push("  no error code found");
  for (const e of report.errors) {
    const first = e.explanation.matches[0]?.entry;
    const named = e.explanation.decoded?.interpretation?.name;
    const what = first
      ? `${first.names[0] ?? ""}: ${first.meaning}`
      : (named ?? "not in the catalog");
    lines.push(`  ${style.red(e.code)} ${what}`);
    lines.push(style.dim(`    at ${e.path}`));
    if (e.explanation.conflicts.length)
      for (const c of e.explanation.conflicts) lines.push(`    note: ${c}`);
  }
  lines.push("", style.dim(`winenroll explain <code> says more about each code.`));
  return lines.join("\n");
}
