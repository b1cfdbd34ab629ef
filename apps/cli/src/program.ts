import { Command } from "commander";
import { CommandContext } from "./context.js";
import { withExamples } from "./examples.js";
import type { CliIO } from "./io.js";
import { VERSION } from "./version.js";

type Register = (program: Command, context: CommandContext) => unknown;

/**
 * The top-level commands in the order help lists them. Each module is imported only when its
 * command is run, so `winenroll link build` does not pay for discovery, the rules or the report
 * reader (in dist/ each is a file of its own: scripts/build.mjs).
 */
const COMMANDS: readonly { readonly name: string; load(): Promise<Register> }[] = [
  { name: "link", load: async () => (await import("./commands/link.js")).registerLinkCommands },
  {
    name: "explain",
    load: async () => (await import("./commands/explain.js")).registerExplainCommand,
  },
  {
    name: "discover",
    load: async () => (await import("./commands/discover.js")).registerDiscoverCommand,
  },
  {
    name: "enroll",
    load: async () => (await import("./commands/enroll.js")).registerEnrollCommand,
  },
  {
    name: "manage",
    load: async () => (await import("./commands/manage.js")).registerManageCommand,
  },
  { name: "check", load: async () => (await import("./commands/check.js")).registerCheckCommand },
  {
    name: "releases",
    load: async () => (await import("./commands/releases.js")).registerReleasesCommand,
  },
  {
    name: "collect",
    load: async () => (await import("./commands/collect.js")).registerCollectCommand,
  },
  {
    name: "report",
    load: async () => (await import("./commands/report.js")).registerReportCommand,
  },
  {
    name: "completion",
    load: async () => (await import("./commands/completion.js")).registerCompletionCommand,
  },
];

/**
 * The commands a command line needs. The first word that is not an option names the command: the
 * global options take no value, so no option value can stand in front of it. Completion walks the
 * whole tree, and a bare `winenroll`, `help` or a mistyped name lists or suggests among every
 * command, so those get them all.
 */
function commandsFor(argv: readonly string[] | undefined): typeof COMMANDS {
  if (argv === undefined) return COMMANDS;
  const word = argv.find((arg) => !arg.startsWith("-"));
  const named = COMMANDS.find((c) => c.name === word);
  return named && named.name !== "completion" ? [named] : COMMANDS;
}

/**
 * Builds the command tree: the whole of it, or with `argv` only the branch that command line runs.
 * Each command module registers itself; the CLI reference page is generated from the whole tree,
 * so help and docs cannot disagree.
 */
export async function createProgram(
  io: CliIO,
  argv?: readonly string[],
): Promise<{ program: Command; context: CommandContext }> {
  const program = new Command("winenroll");
  const context = new CommandContext(io, program);
  program
    .description(
      "Put Windows devices under management: deep links, enrollment rules, error codes, discovery and enrollment.",
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
  const registers = await Promise.all(commandsFor(argv).map((c) => c.load()));
  for (const register of registers) register(program, context);
  return { program, context };
}
