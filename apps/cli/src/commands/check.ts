import { readFile } from "node:fs/promises";
import {
  DEVICE_FACTS,
  type DeviceFactAlias,
  type DeviceState,
  DeviceStateError,
  type DeviceStateWithProvenance,
  deviceFact,
  dsregcmdToDeviceState,
  type EnrollmentResult,
  evaluateEnrollment,
  type FactLayers,
  type FactPath,
  factLabel,
  findMethod,
  formatCitation,
  METHOD_IDS,
  type MethodResult,
  mergeFactLayers,
  parseDsregcmd,
  RULE_WORDS_LABEL,
  readCollectedState,
  readFactText,
  setFact,
} from "@winenroll/core";
import { type Command, Option } from "commander";
import { decodeWindowsText } from "../collect/decode.js";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";

/** The options that are not device facts; the facts' flags come from DEVICE_FACTS. */
interface CheckOptions {
  readonly method?: string;
  readonly state?: string;
  readonly dsregcmd?: string;
  readonly json?: boolean;
  readonly [factFlag: string]: unknown;
}

/** A flag that sets a fact: the fact's own, its `--no-` form, or an alias (`--build`, `--mobile`). */
interface FactFlag {
  readonly path: FactPath;
  readonly option: Option;
  /** What a switch alias sets (`--mobile` sets the form factor to `mobile`). */
  readonly sets?: string;
}

/** The table's one-line help as commander prints option help: lower case, no closing period. */
const optionHelp = (help: string) =>
  help.replace(/\.$/, "").replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());

/** Every flag of `check` that sets a device fact, built from core's DEVICE_FACTS table. */
export function factFlags(): FactFlag[] {
  return DEVICE_FACTS.flatMap((fact): FactFlag[] => {
    const option = new Option(fact.flag, optionHelp(fact.help));
    if (fact.kind === "choice") option.choices(fact.values);
    const flags: FactFlag[] = [{ path: fact.path, option }];
    if (fact.kind === "boolean")
      flags.push({
        path: fact.path,
        option: new Option(`--no-${option.long!.slice(2)}`, `the opposite of ${option.long}`),
      });
    const aliases: readonly DeviceFactAlias[] = "aliases" in fact ? fact.aliases : [];
    for (const alias of aliases) {
      const aliasOption = new Option(alias.flag, alias.help).conflicts(option.attributeName());
      flags.push({
        path: fact.path,
        option: aliasOption,
        ...(alias.value ? { sets: alias.value } : {}),
      });
    }
    return flags;
  });
}

export function registerCheckCommand(program: Command, context: CommandContext): Command {
  const flags = factFlags();
  const command = withExamples(program.command("check"), [
    "winenroll check --edition pro --release 22H2 --account admin --joined none --no-work-account --managed none",
    "winenroll check --account standard --method mdm-only",
    "winenroll check --state device.json --json",
    "winenroll check --dsregcmd dsregcmd.txt --edition pro --account admin",
  ]).description("which of the four ways to connect works for this device, and why not");
  for (const { option } of flags) command.addOption(option);
  return command
    .addOption(
      new Option("--method <method>", "judge one method: exit 0 only if it is available").choices([
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
      const layers: FactLayers = {
        ...(await readFileLayers(options, context)),
        flags: {
          state: stateFromFlags(options, flags),
          origin: { kind: "user", detail: "command-line flag" },
        },
      };
      const { state, provenance } = mergeFactLayers(layers);
      const result = evaluateEnrollment(state);
      const wanted = options.method ? findMethod(options.method)?.id : undefined;
      const shown = wanted
        ? { ...result, methods: result.methods.filter((m) => m.method === wanted) }
        : result;
      const fromFiles = options.dsregcmd !== undefined || options.state !== undefined;
      if (options.json) context.out(toJson(fromFiles ? { ...shown, provenance } : shown));
      else {
        context.out(formatResult(shown, context.style));
        if (fromFiles) context.out(formatOrigins(provenance, context.style));
      }
      if (wanted && shown.methods[0]?.verdict !== "available") context.setExitCode(EXIT.negative);
    });
}

/** The facts the flags set; a release or build that cannot be read is a usage error. */
function stateFromFlags(options: CheckOptions, flags: readonly FactFlag[]): DeviceState {
  let state: DeviceState = {};
  for (const { path, option, sets } of flags) {
    const given = options[option.attributeName()];
    if (given === undefined) continue;
    if (typeof given === "boolean" && sets === undefined) {
      state = setFact(state, path, given);
      continue;
    }
    const text = sets ?? String(given);
    try {
      state = setFact(state, path, readFactText(path, text));
    } catch (error) {
      const problem = (error as DeviceStateError).problems?.[0]?.replace(/^[\w.]+: /, "") ?? "";
      throw new UsageError(`${option.long} "${text}" is not accepted: ${problem}`);
    }
  }
  return state;
}

/** The layers below the flags: facts from --dsregcmd and from --state, each with its origin. */
async function readFileLayers(options: CheckOptions, context: CommandContext): Promise<FactLayers> {
  if (options.dsregcmd === "-" && options.state === "-")
    throw new UsageError(
      "--dsregcmd and --state cannot both read standard input",
      "save one to a file",
    );
  const dsregcmd =
    options.dsregcmd === undefined ? undefined : await readDsregcmd(options.dsregcmd, context);
  const state =
    options.state === undefined ? undefined : await readStateFile(options.state, context);
  return {
    ...(dsregcmd ? { dsregcmd } : {}),
    ...(state
      ? { state: { ...state, origin: { kind: "other", detail: `--state ${options.state}` } } }
      : {}),
  };
}

/** The text of a file, or of standard input for `-`, in whatever encoding Windows saved it. */
async function readInput(
  flag: string,
  path: string,
  context: CommandContext,
  hint: string,
): Promise<string> {
  try {
    return path === "-" ? await context.io.readStdin() : decodeWindowsText(await readFile(path));
  } catch (error) {
    throw new UsageError(`cannot read ${flag} ${path}: ${(error as Error).message}`, hint);
  }
}

async function readDsregcmd(
  path: string,
  context: CommandContext,
): Promise<DeviceStateWithProvenance> {
  const text = await readInput(
    "--dsregcmd",
    path,
    context,
    "save the output of dsregcmd /status to a file, or pass - to read standard input",
  );
  const status = parseDsregcmd(text);
  if (!status.ok)
    throw new UsageError(
      `--dsregcmd: ${status.diagnostics[0]?.message ?? "no dsregcmd /status output found"}`,
      "run dsregcmd /status on the device as the signed-in user and save all of it",
    );
  for (const d of status.diagnostics) context.err(`dsregcmd: ${d.message}`);
  return dsregcmdToDeviceState(status);
}

function formatOrigins(provenance: DeviceStateWithProvenance["provenance"], style: Style): string {
  const lines = ["", style.bold("Where each fact came from")];
  for (const [fact, origin] of Object.entries(provenance))
    if (origin)
      lines.push(
        `  ${factLabel(fact)}: ${origin.kind}${origin.detail ? ` (${origin.detail})` : ""}`,
      );
  return lines.join("\n");
}

/** Reads --state: a plain device state, or the document the `collect` script prints. */
async function readStateFile(
  path: string,
  context: CommandContext,
): Promise<DeviceStateWithProvenance> {
  const text = await readInput(
    "--state",
    path,
    context,
    "pass a JSON file, or - to read standard input",
  );
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

/** How a person names a fact: its label and the flag that sets it, "Account (--account)". */
function factName(path: FactPath): string {
  const flag = deviceFact(path)?.flag.split(" ")[0];
  return flag ? `${factLabel(path)} (${flag})` : factLabel(path);
}

/** Values as a person reads them: yes and no for a yes/no fact. */
function valuesText(path: FactPath, values: readonly string[]): string {
  const yesNo = deviceFact(path)?.kind === "boolean";
  const word = (v: string) => (yesNo && v === "true" ? "yes" : yesNo && v === "false" ? "no" : v);
  return values.map(word).join(" or ");
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
      const byFact = new Map<FactPath, string[]>();
      for (const d of m.dependsOn.filter((x) => x.effect === "blocked")) {
        byFact.set(d.fact, [
          ...(byFact.get(d.fact) ?? []),
          `${valuesText(d.fact, d.decidingValues)} blocks it (${d.rule})`,
        ]);
      }
      for (const [fact, how] of byFact)
        lines.push(`  Depends on ${factName(fact)}: ${how.join("; ")}`);
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
