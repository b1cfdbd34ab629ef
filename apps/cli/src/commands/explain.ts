import {
  CODE_INTERPRETATION_LABELS,
  ERROR_ORIGIN_LABELS,
  type ErrorCatalogEntry,
  type ErrorExplanation,
  explainError,
  formatCitation,
  formatHResult,
  type HResultDecoding,
  type KnownMessage,
  RULE_WORDS_LABEL,
} from "@winenroll/core";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";

interface ExplainOptions {
  readonly json?: boolean;
}

export function registerExplainCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("explain"), [
    "winenroll explain 0x80180014",
    "winenroll explain -2145910764",
    "winenroll explain MENROLL_E_MDM_NOT_CONFIGURED",
    "winenroll explain DeviceCapReached",
    `winenroll explain "We couldn't auto-discover a management endpoint"`,
  ])
    .description(
      "explain an enrollment error: an HRESULT (hex or decimal), a constant name, a SOAP fault, or the text Windows shows",
    )
    .argument(
      "<input...>",
      "the code, name or message (quote it, or pass - to read standard input)",
    )
    .option("--json", "print the explanation as JSON")
    .action(async (parts: string[], options: ExplainOptions) => {
      const joined = parts.join(" ");
      const input = joined === "-" ? await context.readArgument("-") : joined;
      if (input.trim() === "") {
        throw new UsageError(
          "nothing to explain",
          "pass an error code such as 0x80180014, a constant name, or the message Windows shows",
        );
      }
      const explanation = explainError(input);
      if (options.json) context.out(toJson(explanation));
      else if (explanation.found) context.out(formatExplanation(explanation, context.style));
      else context.err(formatNoMatch(explanation, context.errStyle));
      if (!explanation.found) context.setExitCode(EXIT.negative);
    });
}

function describeDecoding(d: HResultDecoding): string {
  const facility = d.facilityInfo
    ? `facility ${d.facility} (${d.facilityInfo.name})`
    : `facility ${d.facility}`;
  let text = `${d.hex} = ${d.signed} : ${d.severity}, ${facility}, code ${d.code} (0x${d.code.toString(16).toUpperCase()})`;
  const i = d.interpretation;
  if (i) {
    text += `\n  ${CODE_INTERPRETATION_LABELS[i.kind]} ${i.code}${i.name ? ` ${i.name}` : ""}${i.meaning ? `: ${i.meaning}` : " (no name known to winenroll)"}`;
  }
  return text;
}

function formatEntry(entry: ErrorCatalogEntry, style: Style): string {
  const lines: string[] = [];
  const code = entry.hresult === undefined ? "(no code)" : formatHResult(entry.hresult);
  const names = entry.names.length > 0 ? `  ${entry.names.join(" / ")}` : "";
  lines.push(
    `${style.bold(code)}${style.bold(names)}  ${style.dim(`[${ERROR_ORIGIN_LABELS[entry.origin]}]`)}`,
  );
  lines.push(`  ${entry.meaning}`);
  for (const message of entry.messages ?? []) {
    const id = message.stringId ? ` (string ${message.stringId})` : "";
    lines.push(`  ${style.dim(`${RULE_WORDS_LABEL.message}${id}:`)} "${message.text}"`);
  }
  for (const fault of entry.faults ?? []) {
    lines.push(
      `  ${style.dim("SOAP fault:")} ${fault.element === "subcode" ? `${fault.namespace}:${fault.value} (subcode)` : `${fault.value} (ErrorType)`}`,
    );
  }
  lines.push(`  ${style.bold("Likely causes")}`);
  for (const cause of entry.causes) lines.push(`    - ${cause}`);
  lines.push(`  ${style.bold("What to do")}`);
  for (const action of entry.actions) lines.push(`    - ${action}`);
  if (entry.since) lines.push(`  ${style.dim("Since:")} ${entry.since}`);
  if (entry.conflict) lines.push(`  ${style.yellow("Sources disagree:")} ${entry.conflict.note}`);
  lines.push(`  ${style.dim("Sources:")} ${entry.sources.map(formatCitation).join("; ")}`);
  return lines.join("\n");
}

function formatExplanation(explanation: ErrorExplanation, style: Style): string {
  const blocks: string[] = [];
  if (explanation.matches.length > 1) {
    blocks.push(
      style.yellow(
        `${explanation.matches.length} explanations match; read the one for the component that reported it.`,
      ),
    );
  }
  for (const match of explanation.matches) blocks.push(formatEntry(match.entry, style));
  for (const message of explanation.messages) {
    const lines = [
      `${style.bold(`"${message.text}"`)}  ${style.dim(`[enrollment rule ${message.id}]`)}`,
      `  ${style.dim(wordsLabel(message))}`,
    ];
    if (message.explanation) lines.push(`  ${message.explanation}`);
    if (message.remedy) lines.push(`  ${style.bold("What to do:")} ${message.remedy}`);
    if (message.source) lines.push(`  ${style.dim("Source:")} ${formatCitation(message.source)}`);
    blocks.push(lines.join("\n"));
  }
  if (explanation.decoded)
    blocks.push(`${style.bold("Decoded")}  ${describeDecoding(explanation.decoded)}`);
  return blocks.join("\n\n");
}

/** What the quoted words are: text on screen, or a situation a source describes. */
function wordsLabel(message: KnownMessage): string {
  return message.kind === "on-screen" ? RULE_WORDS_LABEL.message : RULE_WORDS_LABEL.situation;
}

function formatNoMatch(explanation: ErrorExplanation, style: Style): string {
  const lines = [
    `${style.red("no match:")} winenroll knows no explanation for "${explanation.input.trim()}".`,
  ];
  if (explanation.decoded)
    lines.push(`${style.dim("decoded:")} ${describeDecoding(explanation.decoded)}`);
  if (explanation.suggestions.length > 0) {
    lines.push(`${style.dim("closest:")}`);
    for (const s of explanation.suggestions) lines.push(`  ${s}`);
  } else {
    lines.push(
      `${style.dim("hint:")} try the code in hex (0x8018xxxx), the constant name, or a longer part of the message`,
    );
  }
  return lines.join("\n");
}
