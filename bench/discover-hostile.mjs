// Discover against hostile servers: how long the built CLI takes to give up on each misbehaving
// server of the test suite's loopback discovery service (apps/cli/test/support/discovery-server.ts),
// with a 1 s timeout. The tests check what each run says (apps/cli/test/discover-hostile.test.ts);
// how long it takes is measured here and reported, never asserted. Writes the "Discover against
// hostile servers" section of bench/RESULTS.md.
//   node bench/discover-hostile.mjs [--runs N]      (needs pnpm --filter winenroll... build)
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { machine, median, replaceSection } from "./lib.mjs";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const CLI = here("../apps/cli/dist/cli.js");
const RESULTS = here("./RESULTS.md");
const TIMEOUT_S = 1;
/** A run may take the timeout plus this much for the process to start and report. */
const ALLOWANCE_S = 4;
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

/** The hostile scenarios, each with what the run must end in (checked, so a fast wrong answer fails). */
const SCENARIOS = [
  ["silent", "no answer", "timeout"],
  ["slowheaders", "slow headers", "timeout"],
  ["trickle", "body a byte at a time", "timeout"],
  ["huge", "50 MB body", "response-too-large"],
  ["chunked", "chunked response", "chunked-response"],
  ["laughs", "DOCTYPE with entity expansion", "invalid-response"],
  ["malformed", "malformed XML", "invalid-response"],
  ["login", "HTML login page with 200", "wrong-content-type"],
  ["tohttp", "302 to HTTP", "redirect-to-http"],
  ["redirectloop", "redirect loop", "too-many-redirects"],
  ["otherhost", "redirect to another host", "tls-name-mismatch"],
  ["untrusted", "self-signed certificate", "tls-untrusted"],
  ["expired", "expired certificate", "tls-certificate-expired"],
  ["wrongname", "certificate for another name", "tls-name-mismatch"],
  ["empty", "empty 200", "empty-response"],
  ["status500", "HTTP 500", "get-status"],
  ["status429", "429 with Retry-After", "get-status"],
];

if (!existsSync(CLI)) {
  console.error("Build first: pnpm --filter winenroll... build");
  process.exit(2);
}

/** The test suite's server, bundled from TypeScript so this script can start it. */
async function loadServer(dir) {
  const outfile = join(dir, "discovery-server.mjs");
  await build({
    entryPoints: [here("../apps/cli/test/support/discovery-server.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

function probe(server, scenario) {
  const extra =
    scenario === "otherhost"
      ? ["--connect-to", `login.elsewhere.example:443:127.0.0.1:${server.port}`]
      : [];
  const argv = [
    CLI,
    "discover",
    `someone@${scenario}.example`,
    ...server.connectArgs(scenario),
    "--ca",
    server.caFile,
    "--timeout",
    `${TIMEOUT_S}s`,
    "--json",
    ...extra,
  ];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { env: { PATH: process.env.PATH } });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.on("close", (code) =>
      resolve({ code, stdout, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), "winenroll-bench-hostile-"));
const { startDiscoveryServer } = await loadServer(dir);
const server = await startDiscoveryServer();
const rows = [];
try {
  for (const [scenario, title, expected] of SCENARIOS) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const run = await probe(server, scenario);
      const codes = JSON.parse(run.stdout).diagnostics.map((d) => d.code);
      if (run.code !== 1 || !codes.includes(expected))
        throw new Error(`${scenario}: exit ${run.code}, ${codes.join(", ")}; expected ${expected}`);
      times.push(run.seconds);
    }
    rows.push({ title, expected, seconds: median(times), worst: Math.max(...times) });
    console.error(`${title}: ${median(times).toFixed(2)} s`);
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

const budget = TIMEOUT_S + ALLOWANCE_S;
const section = [
  "## Discover against hostile servers",
  "",
  "Command: `node bench/discover-hostile.mjs` (the built CLI against the test suite's loopback server).",
  `Measured ${new Date().toISOString().slice(0, 16)}Z, ${machine()}; median and worst of ${runs} runs, wall time of the whole process.`,
  "",
  `Each run: \`winenroll discover someone@<scenario>.example --timeout ${TIMEOUT_S}s --json\`. Goal: every run ends within the`,
  `timeout plus ${ALLOWANCE_S} s for the process (${budget} s); the tests check what each run says, not how long it takes.`,
  "",
  "| server | ends in | median | worst | goal |",
  "| --- | --- | ---: | ---: | --- |",
  ...rows.map(
    (r) =>
      `| ${r.title} | \`${r.expected}\` | ${r.seconds.toFixed(2)} s | ${r.worst.toFixed(2)} s | ${r.worst <= budget ? "met" : "**not met**"} |`,
  ),
  "",
].join("\n");
const results = existsSync(RESULTS) ? readFileSync(RESULTS, "utf8") : "# Benchmark results\n";
writeFileSync(RESULTS, replaceSection(results, "## Discover against hostile servers", section));
console.error(`Written to ${RESULTS}`);
