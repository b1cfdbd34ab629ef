#!/usr/bin/env node
// `pnpm test`: makes sure Chromium (browser tests) and pwsh (PowerShell tests) are there, builds what
// the tests need and runs every package's tests through turbo, then prints one closing line over all of them:
// "N passed, N failed, N skipped". Exits non-zero on any failure or when no test ran.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePwsh } from "./ensure-pwsh.mjs";

const root = new URL("..", import.meta.url).pathname;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(chromium)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    console.error(
      `Chromium is needed for the browser tests and was not found at ${chromium}: install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
  console.error("Installing Debian's chromium for the browser tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const run = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env });
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install chromium by hand and run again.`);
      process.exit(1);
    }
  }
}

function reports() {
  const found = [];
  for (const dir of ["packages", "apps"]) {
    for (const pkg of readdirSync(join(root, dir))) {
      const file = join(root, dir, pkg, "vitest-report.json");
      if (existsSync(file)) found.push(file);
    }
  }
  return found;
}

ensureChromium();
const pwsh = ensurePwsh();
// Stale reports from an earlier run must not be counted; turbo restores fresh ones on a cache hit.
for (const file of reports()) rmSync(file);

const turbo = spawnSync(
  "pnpm",
  [
    "exec",
    "turbo",
    "run",
    "test",
    "--continue",
    "--output-logs=new-only",
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: "1",
      CHROMIUM_PATH: chromium,
      PWSH_PATH: pwsh,
    },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports()) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
// A package whose build or test run broke before writing a report counts as one failure.
if (turbo.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error("no tests ran");
  process.exit(1);
}
process.exit(failed > 0 || turbo.status !== 0 ? 1 : 0);
