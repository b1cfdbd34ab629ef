import { directStdout } from "./stdout.js";

/** Where a command reads and writes: the real process, or buffers in tests. */
export interface CliIO {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  /** The whole of standard input, read only when a command asks for `-`. */
  readStdin(): Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The real process. Node builds process.stderr (and its stream code) on first access, so it is
 * reached only when something is written there; standard output is written directly (stdout.ts).
 */
export function processIO(): CliIO {
  return {
    stdout: directStdout(),
    get stderr() {
      return process.stderr;
    },
    env: process.env,
    async readStdin() {
      if (process.stdin.isTTY) {
        throw new Error(
          "standard input is a terminal; pipe the input in or pass it as an argument",
        );
      }
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** An io that discards output and has no input: for building the command tree without running it. */
export function silentIO(): CliIO {
  const discard = { write: () => true };
  return { stdout: discard, stderr: discard, env: {}, readStdin: async () => "" };
}
