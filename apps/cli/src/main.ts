import { processIO } from "./io.js";
import { runCli } from "./run.js";

/** The CLI as a process: real streams in, the exit code out (set, not forced, so output flushes). */
export async function main(argv: readonly string[]): Promise<void> {
  process.exitCode = await runCli(argv, processIO());
}
