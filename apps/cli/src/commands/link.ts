import {
  type AnchorFormat,
  buildEnrollmentLink,
  describeMinimumWindows,
  ENROLLMENT_MODES,
  type EnrollmentLinkParams,
  type EnrollmentMode,
  formatEnrollmentAnchor,
  inspectEnrollmentLink,
  LINK_PARAMETERS,
  type LinkInspection,
  type LinkParamName,
  maskLinkSecrets,
  maskSecret,
  OWNERSHIP_VALUES,
} from "@winenroll/core";
import { type Command, Option } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { formatDiagnostics } from "../output/diagnostics.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";
import { formatTable } from "../output/table.js";
import { registerBatch } from "./link-batch.js";

const DEFAULT_TEXT = "Connect this PC to work";
const OPTIONAL_PARAMS = LINK_PARAMETERS.filter((p) => p.name !== "mode");

export function registerLinkCommands(program: Command, context: CommandContext): Command {
  const link = program
    .command("link")
    .description("build, inspect and batch-generate ms-device-enrollment: deep links");
  registerBuild(link, context);
  registerInspect(link, context);
  registerBatch(link, context);
  return link;
}

interface BuildOptions {
  readonly mode: EnrollmentMode;
  readonly encoding: "readable" | "strict";
  readonly format: AnchorFormat | "json";
  readonly text: string;
  readonly json?: boolean;
  readonly [param: string]: unknown;
}

function registerBuild(link: Command, context: CommandContext): void {
  const command = withExamples(link.command("build"), [
    "winenroll link build --mode mdm",
    "winenroll link build --mode mdm --username someone@example.com --servername https://mdm.example.com/EnrollmentServer/Discovery.svc",
    'winenroll link build --mode mdm --username someone@example.com --format html --text "Enroll this PC"',
    "winenroll link build --mode mdm --username someone@example.com --format powershell >> enroll.ps1",
  ])
    .description("write one deep link; diagnostics go to stderr, the link alone to stdout")
    .addOption(
      new Option("--mode <mode>", "which flow the link opens")
        .choices(ENROLLMENT_MODES.map((m) => m.value))
        .makeOptionMandatory(),
    );
  for (const parameter of OPTIONAL_PARAMS) {
    const option = new Option(
      `--${parameter.name} <value>`,
      `${parameter.valueSummary}: ${parameter.description}`,
    );
    if (parameter.name === "ownership") option.choices(OWNERSHIP_VALUES.map((v) => v.value));
    command.addOption(option);
  }
  command
    .addOption(
      new Option(
        "--encoding <encoding>",
        "readable keeps @ : / as they are; strict encodes every reserved character",
      )
        .choices(["readable", "strict"])
        .default("readable"),
    )
    .addOption(
      new Option(
        "--format <format>",
        "how to print the link; powershell prints a Start-Process line with the link single-quoted",
      )
        .choices(["uri", "html", "markdown", "powershell", "json"])
        .default("uri"),
    )
    .option("--text <text>", "the link text for --format html or markdown", DEFAULT_TEXT)
    .option("--json", "print the link and its inspection as JSON (same as --format json)")
    .action((options: BuildOptions) => {
      const params: Record<string, string> = { mode: options.mode };
      for (const parameter of OPTIONAL_PARAMS) {
        const value = options[parameter.name];
        if (typeof value === "string") params[parameter.name] = value;
      }
      const built = buildEnrollmentLink(params as EnrollmentLinkParams, {
        encoding: options.encoding,
      });
      const inspection = inspectEnrollmentLink(built);
      const format = options.json ? "json" : options.format;
      if (format === "json") {
        context.out(
          toJson({
            ...inspection,
            link: inspection.ok ? built : undefined,
            params: maskParams(inspection.params),
          }),
        );
      } else {
        if (inspection.diagnostics.length > 0)
          context.err(formatDiagnostics(inspection.diagnostics, context.errStyle));
        if (inspection.ok) context.out(formatEnrollmentAnchor(built, format, options.text));
      }
      if (!inspection.ok) {
        if (format !== "json") context.err("No link written: fix the errors above.");
        context.setExitCode(EXIT.negative);
      }
    });
}

interface InspectOptions {
  readonly json?: boolean;
  readonly showSecrets?: boolean;
}

function registerInspect(link: Command, context: CommandContext): void {
  withExamples(link.command("inspect"), [
    "winenroll link inspect 'ms-device-enrollment:?mode=mdm&username=someone@example.com'",
    "pbpaste | winenroll link inspect -",
  ])
    .description(
      "read a deep link (or a command line holding one), check it and explain what is wrong",
    )
    .argument("<link>", "the link, or - to read it from standard input")
    .option("--json", "print the inspection as JSON")
    .option("--show-secrets", "print the access token instead of masking it")
    .action(async (text: string, options: InspectOptions) => {
      const input = await context.readArgument(text);
      if (input.trim() === "") {
        throw new UsageError("no link given", "pass the link as an argument, or pipe it in with -");
      }
      const inspection = inspectEnrollmentLink(input);
      const shown = options.showSecrets ? inspection : maskInspection(inspection);
      if (options.json) context.out(toJson(shown));
      else context.out(formatInspection(shown, context.style));
      if (!inspection.ok) context.setExitCode(EXIT.negative);
    });
}

function maskParams(params: LinkInspection["params"]): LinkInspection["params"] {
  const masked: Partial<Record<LinkParamName, string>> = { ...params };
  for (const parameter of LINK_PARAMETERS) {
    const value = masked[parameter.name];
    if (parameter.secret && value) masked[parameter.name] = maskSecret(value);
  }
  return masked;
}

function maskInspection(inspection: LinkInspection): LinkInspection {
  return {
    ...inspection,
    ...(inspection.link === undefined ? {} : { link: maskLinkSecrets(inspection.link) }),
    params: maskParams(inspection.params),
  };
}

function formatInspection(inspection: LinkInspection, style: Style): string {
  const lines: string[] = [];
  lines.push(
    inspection.ok
      ? style.green("✔ valid enrollment link")
      : style.red("✖ this link will not work as intended"),
  );
  for (const step of inspection.unwrapped) lines.push(style.dim(`  (${step})`));
  lines.push("");
  const params = Object.entries(inspection.params);
  if (params.length > 0) {
    lines.push(style.bold("Parameters"));
    lines.push(
      formatTable(
        params.map(([name, value]) => [`  ${name}`, value === "" ? style.dim("(empty)") : value]),
      ),
    );
    lines.push("");
  }
  if (inspection.minWindows) {
    lines.push(
      `${style.bold("Minimum Windows")}  ${describeMinimumWindows(inspection.minWindows)}`,
    );
  }
  if (inspection.link) lines.push(`${style.bold("Canonical link")}   ${inspection.link}`);
  if (inspection.diagnostics.length > 0) {
    lines.push("", style.bold("Diagnostics"), formatDiagnostics(inspection.diagnostics, style));
  }
  return lines.join("\n");
}
