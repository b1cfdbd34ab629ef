import { Command } from "commander";
import { registerCheckCommand } from "./commands/check.js";
import { registerCollectCommand } from "./commands/collect.js";
import { registerCompletionCommand } from "./commands/completion.js";
import { registerDiscoverCommand } from "./commands/discover.js";
import { registerExplainCommand } from "./commands/explain.js";
import { registerLinkCommands } from "./commands/link.js";
import { registerReleasesCommand } from "./commands/releases.js";
import { registerReportCommand } from "./commands/report.js";
import { CommandContext } from "./context.js";
import { withExamples } from "./examples.js";
import type { CliIO } from "./io.js";
import { VERSION } from "./version.js";

/**
 * Builds the whole command tree. Each command module registers itself; the CLI reference page is
 * generated from this same tree, so help and docs cannot disagree.
 */
export function createProgram(io: CliIO): { program: Command; context: CommandContext } {
  const program = new Command("winenroll");
  const context = new CommandContext(io, program);
  program
    .description(
      "Put Windows devices under management: deep links, enrollment rules, error codes and discovery.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option("--no-color", "turn off colour in the output")
    .option("--debug", "show stack traces for unexpected errors")
    .helpOption("-h, --help", "show help for a command")
    .showSuggestionAfterError(true)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  withExamples(program, [
    "winenroll link build --mode mdm --username someone@example.com --servername https://mdm.example.com/EnrollmentServer/Discovery.svc",
    "winenroll link inspect 'ms-device-enrollment:?mode=mdm&username=someone@example.com'",
    "winenroll check --edition pro --release 22H2 --account standard",
    "winenroll explain 0x80180014",
    "winenroll discover someone@example.com",
  ]);

  registerLinkCommands(program, context);
  registerExplainCommand(program, context);
  registerDiscoverCommand(program, context);
  registerCheckCommand(program, context);
  registerReleasesCommand(program, context);
  registerCollectCommand(program, context);
  registerReportCommand(program, context);
  registerCompletionCommand(program, context);
  return { program, context };
}
