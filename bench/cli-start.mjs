// CLI start: whole processes of the built CLI (apps/cli/dist/cli.js) against `node -e 0`, spawned in
// turn round by round so load on the machine hits every command alike. Also times the same CLI bundled
// into one file with esbuild (written to a temporary folder), to show what bundling would buy.
// Prints one JSON object on stdout.   node bench/cli-start.mjs [--rounds N]
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { median } from "./lib.mjs";

const CLI = fileURLToPath(new URL("../apps/cli/dist/cli.js", import.meta.url));
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;

const dir = mkdtempSync(join(tmpdir(), "winenroll-bench-cli-"));
// The CLI reads its version from ../package.json, so the bundle sits in dist/ beside a copy of it.
mkdirSync(join(dir, "dist"));
copyFileSync(
  fileURLToPath(new URL("../apps/cli/package.json", import.meta.url)),
  join(dir, "package.json"),
);
const BUNDLE = join(dir, "dist", "cli.mjs");
await build({
  entryPoints: [CLI],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  outfile: BUNDLE,
  logLevel: "silent",
  // CommonJS dependencies bundled into ESM need a require.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});

const cases = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "winenroll --version", args: [CLI, "--version"] },
  { name: "winenroll link build --mode mdm", args: [CLI, "link", "build", "--mode", "mdm"] },
  { name: "bundled: winenroll --version", args: [BUNDLE, "--version"] },
  {
    name: "bundled: winenroll link build --mode mdm",
    args: [BUNDLE, "link", "build", "--mode", "mdm"],
  },
];

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout.trim() };
}

// The bundle must answer exactly as the built CLI does, or its time means nothing.
for (const c of cases.slice(3)) {
  const plain = once(c.args.map((a) => (a === BUNDLE ? CLI : a))).out;
  if (once(c.args).out !== plain) throw new Error(`the bundle answers differently for ${c.name}`);
}
const times = cases.map(() => []);
for (let i = 0; i < 2; i++) for (const c of cases) once(c.args); // warm the file cache
for (let r = 0; r < rounds; r++) {
  cases.forEach((c, i) => {
    times[i].push(once(c.args).ms);
  });
}
rmSync(dir, { recursive: true, force: true });

const floor = median(times[0]);
const result = {
  rounds,
  cases: cases.map((c, i) => ({
    name: c.name,
    medianMs: median(times[i]),
    ratio: median(times[i]) / floor,
  })),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
