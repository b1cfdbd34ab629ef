import { CommanderError } from "commander";
import { CliError, EXIT, UsageError } from "./errors.js";
import type { CliIO } from "./io.js";
import { createProgram } from "./program.js";
import { suggestForUnknownOptions } from "./suggest.js";

/**
 * Runs the CLI in-process and returns its exit code. Nothing here calls process.exit, so tests can
 * run commands directly and the binary can let pending output flush.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const { program, context } = await createProgram(io, argv);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return context.exitCode;
  } catch (error) {
    const style = context.errStyle;
    if (error instanceof CommanderError) {
      // Help and --version are not errors; commander has already printed its own message.
      if (error.exitCode === 0) return EXIT.ok;
      if (error.code === "commander.missingMandatoryOptionValue") {
        for (const line of suggestForUnknownOptions(program, argv)) context.err(line);
      }
      return EXIT.usage;
    }
    if (error instanceof UsageError || error instanceof CliError) {
      context.err(`${style.red("error:")} ${error.message}`);
      if (error.hint) context.err(`${style.dim("hint:")} ${error.hint}`);
      return error instanceof UsageError ? EXIT.usage : error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.err(`${style.red("error:")} ${message}`);
    if (context.debug && error instanceof Error && error.stack) context.err(error.stack);
    else
      context.err(
        `${style.dim("hint:")} run again with --debug for details, and report it if it persists.`,
      );
    return EXIT.negative;
  }
}
