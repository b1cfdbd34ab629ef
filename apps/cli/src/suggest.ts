import { closestMatches } from "@winenroll/core";
import type { Command } from "commander";

/**
 * Commander reports a missing required option before an unknown one, so `link build --mod mdm`
 * would only say that `--mode` is missing. This finds the options on the command line that the
 * command does not know and returns a "Did you mean" line for each one that looks like a typo.
 */
export function suggestForUnknownOptions(program: Command, argv: readonly string[]): string[] {
  let command = program;
  const known = new Set<string>();
  const addOptions = (c: Command) => {
    for (const option of c.options) {
      if (option.long) known.add(option.long);
      if (option.short) known.add(option.short);
    }
  };
  addOptions(program);
  const typed: string[] = [];
  for (const arg of argv) {
    if (arg === "--") break;
    if (arg.startsWith("--")) {
      typed.push(arg.split("=")[0] ?? arg);
      continue;
    }
    const sub = command.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub) {
      command = sub;
      addOptions(sub);
    }
  }
  known.add("--help");
  const lines: string[] = [];
  for (const option of typed) {
    if (known.has(option)) continue;
    const [best] = closestMatches(option, known, 1);
    lines.push(
      best ? `unknown option '${option}' (Did you mean ${best}?)` : `unknown option '${option}'`,
    );
  }
  return lines;
}
