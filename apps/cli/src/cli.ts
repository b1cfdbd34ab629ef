#!/usr/bin/env node
// `--version` is answered before the command tree (and commander) is loaded: scripts call it often.
// Everything else is in ./main.js and the command modules it loads (files of dist/).
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  const [{ VERSION }, { directStdout }] = await Promise.all([
    import("./version.js"),
    import("./stdout.js"),
  ]);
  directStdout().write(`${VERSION}\n`);
} else {
  const { main } = await import("./main.js");
  await main(argv);
}
