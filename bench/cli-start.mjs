// CLI start: whole processes of the shipped CLI (apps/cli/dist/cli.js, the esbuild bundle that
// `pnpm build` writes) against `node -e 0`, spawned in turn round by round so load on the machine
// hits every command alike. Prints one JSON object on stdout.   node bench/cli-start.mjs [--rounds N]
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const CLI = fileURLToPath(new URL("../apps/cli/dist/cli.js", import.meta.url));
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;

const cases = [
  { name: "node -e 0", args: ["-e", "0"] },
  { name: "winenroll --version", args: [CLI, "--version"] },
  { name: "winenroll link build --mode mdm", args: [CLI, "link", "build", "--mode", "mdm"] },
];

function once(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { ms, out: r.stdout.trim() };
}

// A fast wrong answer means nothing: each command must print what it is for.
const expected = [undefined, /^\d+\.\d+\.\d+/, /^ms-device-enrollment:\?mode=mdm$/];
cases.forEach((c, i) => {
  const out = once(c.args).out;
  if (expected[i] && !expected[i].test(out)) throw new Error(`${c.name} printed ${out}`);
});
const times = cases.map(() => []);
for (let i = 0; i < 2; i++) for (const c of cases) once(c.args); // warm the file cache
for (let r = 0; r < rounds; r++) {
  cases.forEach((c, i) => {
    times[i].push(once(c.args).ms);
  });
}

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
