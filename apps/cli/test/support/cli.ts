import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CliIO } from "../../src/io.js";
import { runCli } from "../../src/run.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly stdin?: string;
  readonly env?: Record<string, string | undefined>;
  readonly tty?: boolean;
}

/** Runs the CLI in this process with buffers for its streams. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
    env: options.env ?? {},
    readStdin: async () => {
      if (options.stdin === undefined)
        throw new Error("standard input is a terminal; pipe the input in");
      return options.stdin;
    },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const CLI_BIN = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/**
 * The built binary's path, for tests in test/bin/ (turbo builds before `test:e2e`). Fails loudly
 * rather than letting a test skip: from a unit run (no build there), or when dist/ is missing.
 */
export function builtCli(): string {
  if (process.env.WINENROLL_TEST_PROJECT === "unit") {
    throw new Error(
      "this test spawns the built binary, which unit tests do not build: move it to apps/cli/test/bin/",
    );
  }
  if (!existsSync(CLI_BIN)) {
    throw new Error(`${CLI_BIN} is missing: run \`pnpm --filter winenroll build\` first`);
  }
  return CLI_BIN;
}

/** Runs the built binary as users do (tests in test/bin/ only). */
export function spawnCli(argv: readonly string[], options: RunOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [builtCli(), ...argv], {
    input: options.stdin ?? "",
    encoding: "utf8",
    env: { PATH: process.env.PATH, ...options.env },
    timeout: 30_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The built binary, spawned asynchronously so that a server in the test's process keeps answering.
 * Standard input gets `options.stdin` and then ends, as with `spawnCli`.
 */
export function spawnCliAsync(
  argv: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [builtCli(), ...argv], {
      env: { PATH: process.env.PATH, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
