#!/usr/bin/env node
// `--version` is answered before the command tree (and all of core) is loaded: scripts call it often.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  const { VERSION } = await import("./version.js");
  process.stdout.write(`${VERSION}\n`);
} else {
  const [{ processIO }, { runCli }] = await Promise.all([import("./io.js"), import("./run.js")]);
  process.exitCode = await runCli(argv, processIO());
}
