#!/usr/bin/env node
// Runs a suite of tests through turbo and prints one closing line over every run in it:
// "N passed, N failed, N skipped". Exits non-zero on any failure or when no test ran.
//
//   node scripts/test.mjs [unit|e2e|pack] [turbo flags, e.g. --filter winenroll]
//
// unit  core, the plugin and the CLI in process, from source: no build, no browser, no packing
// e2e   the built CLI spawned (apps/cli/test/bin), PowerShell (apps/cli/test/pwsh), the built docs
//       site in Chromium (apps/docs/e2e)
// pack  the tarballs (publint, attw, contents, loading) and the reuse site built from them
// With no suite, all three: `pnpm test`. Turbo's task graph (turbo.json) builds what each task needs
// and nothing more; a tool (Chromium, pwsh) is found or installed only when a task that uses it runs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium } from "./ensure-chromium.mjs";

const root = new URL("..", import.meta.url).pathname;

/** The turbo tasks of each suite; a package's task writes vitest-report.<suffix>.json. */
const SUITES = {
  unit: ["test:unit"],
  e2e: ["test:e2e", "test:pwsh"],
  pack: ["test:pack"],
};

/** The tools some tasks need, with the environment variable that hands each to the tests. */
const TOOLS = [
  {
    env: "CHROMIUM_PATH",
    usedBy: ["@winenroll/docs#test:e2e", "@winenroll/reuse-test#test:pack"],
    ensure: () => ensureChromium(),
  },
  {
    env: "PWSH_PATH",
    usedBy: ["winenroll#test:pwsh"],
    // Only when there is a PowerShell test to run (the folder fills as tests are written).
    needed: () => hasTests(join(root, "apps/cli/test/pwsh")),
    ensure: async () => (await import("./ensure-pwsh.mjs")).ensurePwsh(),
  },
];

const hasTests = (dir) =>
  existsSync(dir) &&
  readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".test.ts"));

const reportName = (task) => `vitest-report.${task.replace(/^test:/, "")}.json`;

function reports(tasks) {
  const names = new Set(tasks.map(reportName));
  const found = [];
  for (const dir of ["packages", "apps"]) {
    for (const pkg of readdirSync(join(root, dir))) {
      for (const name of names) {
        const file = join(root, dir, pkg, name);
        if (existsSync(file)) found.push(file);
      }
    }
  }
  return found;
}

function turbo(args, options = {}) {
  return spawnSync("pnpm", ["exec", "turbo", "run", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 26,
    ...options,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", ...options.env },
  });
}

/** The package#task ids turbo would run, filters included (a dry run: nothing runs). */
function plannedTasks(args) {
  const dry = turbo([...args, "--dry=json"]);
  if (dry.status !== 0) {
    process.stderr.write(dry.stderr);
    process.exit(1);
  }
  return new Set(JSON.parse(dry.stdout).tasks.map((t) => t.taskId));
}

const [first, ...rest] = process.argv.slice(2);
const suite = first in SUITES ? first : undefined;
const turboFlags = suite ? rest : process.argv.slice(2);
const tasks = suite ? SUITES[suite] : Object.values(SUITES).flat();
const args = [...tasks, "--continue", "--output-logs=new-only", ...turboFlags];

const planned = plannedTasks(args);
const toolEnv = {};
for (const tool of TOOLS) {
  if (!tool.usedBy.some((id) => planned.has(id))) continue;
  if (tool.needed && !tool.needed()) continue;
  toolEnv[tool.env] = await tool.ensure();
}

// Stale reports from an earlier run must not be counted; turbo restores fresh ones on a cache hit.
for (const file of reports(tasks)) rmSync(file);
const run = turbo(args, { stdio: "inherit", env: toolEnv });

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports(tasks)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
// A task whose build or test run broke before writing a report counts as one failure.
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed + failed === 0) {
  console.error("no tests ran");
  process.exit(1);
}
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
