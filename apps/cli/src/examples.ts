import type { Command } from "commander";

const registry = new WeakMap<Command, readonly string[]>();

/**
 * Gives a command its usage examples: printed first in `--help`, and listed in the generated CLI
 * reference, so both show the same lines.
 */
export function withExamples<T extends Command>(command: T, lines: readonly string[]): T {
  registry.set(command, lines);
  command.addHelpText("before", ["Examples:", ...lines.map((l) => `  ${l}`), ""].join("\n"));
  return command;
}

export function examplesOf(command: Command): readonly string[] {
  return registry.get(command) ?? [];
}
