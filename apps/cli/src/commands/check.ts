import { readFile } from "node:fs/promises";
import {
  DEVICE_FACT_VALUES,
  type DeviceState,
  DeviceStateError,
  type DeviceStateProvenance,
  dsregcmdToDeviceState,
  type EnrollmentResult,
  evaluateEnrollment,
  findMethod,
  formatCitation,
  METHOD_IDS,
  type MethodResult,
  parseDsregcmd,
  parseWindowsVersion,
  RULE_WORDS_LABEL,
  readCollectedState,
  WINDOWS_VERSION_FORMS,
} from "@winenroll/core";
import { type Command, Option } from "commander";
import { decodeWindowsText } from "../collect/decode.js";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";

interface CheckOptions {
  readonly edition?: DeviceState["edition"];
  readonly release?: string;
  readonly build?: string;
  readonly account?: DeviceState["account"];
  readonly joined?: DeviceState["joined"];
  readonly workAccount?: boolean;
  readonly managed?: DeviceState["managedBy"];
  readonly mdmEnrollmentDisabled?: boolean;
  readonly mobile?: boolean;
  readonly autoEnrollment?: boolean;
  readonly from?: DeviceState["startsFrom"];
  readonly method?: string;
  readonly state?: string;
  readonly dsregcmd?: string;
  readonly json?: boolean;
}

const choice = (flags: string, description: string, values: readonly string[]) =>
  new Option(flags, description).choices(values);

export function registerCheckCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("check"), [
    "winenroll check --edition pro --release 22H2 --account admin --joined none --no-work-account --managed none",
    "winenroll check --account standard --method mdm-only",
    "winenroll check --state device.json --json",
    "winenroll check --dsregcmd dsregcmd.txt --edition pro --account admin",
  ])
    .description("which of the four ways to connect works for this device, and why not")
    .addOption(choice("--edition <edition>", "Windows edition", DEVICE_FACT_VALUES.edition))
    .addOption(
      new Option("--release <version>", "Windows release: 1709, 22H2, Windows 11 23H2").conflicts(
        "build",
      ),
    )
    .option("--build <build>", "OS build, with the servicing revision if known: 19045.3803")
    .addOption(choice("--account <kind>", "the signed-in account", DEVICE_FACT_VALUES.account))
    .addOption(choice("--joined <what>", "what the device is joined to", DEVICE_FACT_VALUES.joined))
    .option("--work-account", "a work or school account is already added")
    .option("--no-work-account", "no work or school account is added")
    .addOption(
      choice("--managed <by>", "what already manages the device", DEVICE_FACT_VALUES.managedBy),
    )
    .option("--mdm-enrollment-disabled", 'the "Disable MDM enrollment" group policy is on')
    .option("--mobile", "the device is a phone (Windows 10 Mobile)")
    .option("--auto-enrollment", "the tenant has MDM auto-enrollment configured")
    .option("--no-auto-enrollment", "the tenant has no MDM auto-enrollment")
    .addOption(choice("--from <start>", "where the person starts", DEVICE_FACT_VALUES.startsFrom))
    .addOption(
      choice("--method <method>", "judge one method: exit 0 only if it is available", [
        ...METHOD_IDS,
        "aadj",
        "awa",
        "mdm",
      ]),
    )
    .option(
      "--state <file>",
      "read the device state as JSON from a file, or - for standard input; flags override it",
    )
    .option(
      "--dsregcmd <file>",
      "read join and tenant facts from saved dsregcmd /status output, or - for standard input; --state and flags override it",
    )
    .option("--json", "print core's result as JSON")
    .action(async (options: CheckOptions) => {
      const layers = await readFactLayers(options, context);
      const state = await buildState(options, layers.state);
      const provenance = factOrigins(state, layers.provenance, layers.state);
      const result = evaluateEnrollment(state);
      const wanted = options.method ? findMethod(options.method)?.id : undefined;
      const shown = wanted
        ? { ...result, methods: result.methods.filter((m) => m.method === wanted) }
        : result;
      if (options.json)
        context.out(toJson(options.dsregcmd || options.state ? { ...shown, provenance } : shown));
      else {
        context.out(formatResult(shown, context.style));
        if (options.dsregcmd || options.state)
          context.out(formatOrigins(provenance, context.style));
      }
      if (wanted && shown.methods[0]?.verdict !== "available") context.setExitCode(EXIT.negative);
    });
}

/** Facts from --dsregcmd, then --state on top (a fact --state gives wins), each with its origin. */
async function readFactLayers(
  options: CheckOptions,
  context: CommandContext,
): Promise<{ state: DeviceState; provenance: DeviceStateProvenance }> {
  let state: DeviceState = {};
  let provenance: DeviceStateProvenance = {};
  if (options.dsregcmd !== undefined) {
    if (options.dsregcmd === "-" && options.state === "-")
      throw new UsageError(
        "--dsregcmd and --state cannot both read standard input",
        "save one to a file",
      );
    let text: string;
    try {
      text =
        options.dsregcmd === "-"
          ? await context.io.readStdin()
          : decodeWindowsText(await readFile(options.dsregcmd));
    } catch (error) {
      throw new UsageError(
        `cannot read --dsregcmd ${options.dsregcmd}: ${(error as Error).message}`,
        "save the output of dsregcmd /status to a file, or pass - to read standard input",
      );
    }
    const status = parseDsregcmd(text);
    if (!status.ok)
      throw new UsageError(
        `--dsregcmd: ${status.diagnostics[0]?.message ?? "no dsregcmd /status output found"}`,
        "run dsregcmd /status on the device as the signed-in user and save all of it",
      );
    for (const d of status.diagnostics) context.err(`dsregcmd: ${d.message}`);
    ({ state, provenance } = dsregcmdToDeviceState(status));
  }
  if (options.state !== undefined) {
    const collected = await readStateFile(options.state, context);
    state = { ...state, ...collected.state };
    provenance = { ...provenance };
    for (const key of Object.keys(collected.state) as (keyof DeviceState)[])
      provenance[key] = collected.provenance[key] ?? {
        kind: "other",
        detail: `--state ${options.state}`,
      };
  }
  return { state, provenance };
}

/** Where each known fact came from: a flag, --state, or dsregcmd. */
function factOrigins(
  state: DeviceState,
  layered: DeviceStateProvenance,
  base: DeviceState,
): DeviceStateProvenance {
  const out: DeviceStateProvenance = {};
  for (const key of Object.keys(state) as (keyof DeviceState)[]) {
    const fromLayers = JSON.stringify(state[key]) === JSON.stringify(base[key]);
    out[key] =
      fromLayers && layered[key] ? layered[key] : { kind: "user", detail: "command-line flag" };
  }
  return out;
}

function formatOrigins(provenance: DeviceStateProvenance, style: Style): string {
  const lines = ["", style.bold("Where each fact came from")];
  for (const [fact, origin] of Object.entries(provenance))
    lines.push(`  ${fact}: ${origin.kind}${origin.detail ? ` (${origin.detail})` : ""}`);
  return lines.join("\n");
}

/** Reads --state: a plain device state, or the document the `collect` script prints. */
async function readStateFile(
  path: string,
  context: CommandContext,
): Promise<{ state: DeviceState; provenance: DeviceStateProvenance }> {
  let text: string;
  try {
    text = path === "-" ? await context.io.readStdin() : decodeWindowsText(await readFile(path));
  } catch (error) {
    throw new UsageError(
      `cannot read --state ${path}: ${(error as Error).message}`,
      "pass a JSON file, or - to read standard input",
    );
  }
  try {
    const collected = readCollectedState(JSON.parse(text));
    return { state: collected.state, provenance: collected.provenance };
  } catch (error) {
    if (error instanceof DeviceStateError)
      throw new UsageError(
        `--state: ${error.problems.join(" ")}`,
        "see `winenroll check --help` for the facts",
      );
    throw new UsageError(`--state is not JSON: ${(error as Error).message}`);
  }
}

async function buildState(options: CheckOptions, base: DeviceState): Promise<DeviceState> {
  const version = options.release ?? options.build;
  if (version !== undefined) {
    try {
      parseWindowsVersion(version);
    } catch {
      throw new UsageError(
        `--${options.release !== undefined ? "release" : "build"} "${version}" is not accepted; use ${WINDOWS_VERSION_FORMS}.`,
      );
    }
  }
  const tenant =
    options.autoEnrollment === undefined
      ? base.tenant
      : { ...base.tenant, autoEnrollment: options.autoEnrollment };
  const state: DeviceState = {
    ...base,
    ...(options.edition ? { edition: options.edition } : {}),
    ...(version !== undefined ? { release: version } : {}),
    ...(options.mobile ? { formFactor: "mobile" } : {}),
    ...(options.account ? { account: options.account } : {}),
    ...(options.joined ? { joined: options.joined } : {}),
    ...(options.workAccount !== undefined ? { workAccount: options.workAccount } : {}),
    ...(options.managed ? { managedBy: options.managed } : {}),
    ...(options.mdmEnrollmentDisabled ? { mdmEnrollmentDisabledByPolicy: true } : {}),
    ...(tenant ? { tenant } : {}),
    ...(options.from ? { startsFrom: options.from } : {}),
  };
  return state;
}

function verdictText(m: MethodResult, style: Style): string {
  if (m.verdict === "available") return style.green("available");
  if (m.verdict === "blocked") return style.red("blocked");
  return style.yellow("depends");
}

function formatResult(result: EnrollmentResult, style: Style): string {
  const lines: string[] = [];
  for (const m of result.methods) {
    lines.push(`${style.bold(m.name)} (${m.method}): ${verdictText(m, style)}`);
    for (const hit of m.blockedBy) {
      if (hit.message) lines.push(`  ${RULE_WORDS_LABEL.message}: "${hit.message}"`);
      if (hit.situation) lines.push(`  ${RULE_WORDS_LABEL.situation}: "${hit.situation}"`);
      lines.push(
        `  Why: ${hit.explanation}`,
        `  Remedy: ${hit.remedy}`,
        `  ${style.dim(`Source: ${formatCitation(hit.source)}`)}`,
      );
      for (const c of hit.conflicts ?? [])
        lines.push(`  Sources disagree: ${c.says} (${formatCitation(c.source)})`);
    }
    if (m.verdict === "depends") {
      const byFact = new Map<string, string[]>();
      for (const d of m.dependsOn.filter((x) => x.effect === "blocked")) {
        byFact.set(d.fact, [
          ...(byFact.get(d.fact) ?? []),
          `${d.decidingValues.join(" or ")} blocks it (${d.rule})`,
        ]);
      }
      for (const [fact, how] of byFact) lines.push(`  Depends on ${fact}: ${how.join("; ")}`);
    }
    for (const c of m.caveats) {
      lines.push(`  ${style.yellow("Caveat:")} ${c.explanation}`);
      for (const x of c.conflicts ?? [])
        lines.push(`  Sources disagree: ${x.says} (${formatCitation(x.source)})`);
    }
    const ways = m.ways.map((w) => `${w.from} ${w.verdict}`).join(", ");
    lines.push(`  Ways in: ${ways}`, `  Leads to: ${m.leadsTo}`, "");
  }
  return lines.join("\n").trimEnd();
}
