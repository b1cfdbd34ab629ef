// Issue 7, benchmark 6: the Lighthouse performance score of /tools/link-builder (goal ≥ 95), beside a
// plain Markdown page (/docs/cli), on the built site (apps/docs/build) served gzip-compressed on loopback
// (docs-server.mjs) to Debian's Chromium. Lighthouse's default mobile run (simulated slow 4G and a 4×
// slower CPU) and its desktop preset; each page runs `--runs` times round-robin and the median run
// by score is kept. Prints one JSON object on stdout.
//   node bench/lighthouse.mjs [--runs 3] [--dir FOLDER] [--no-install]
// Lighthouse is not a dependency of the project (CI never installs it). It is looked for in --dir,
// by default ~/.cache/winenroll/lighthouse-12.2.3, and installed there with npm on first use unless
// --no-install. Version 12.2.3: 13 wants Node 22 (see .library's npm list and bench/RESULTS.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { BUILD_DIR, serveDocs } from "./docs-server.mjs";

const VERSION = "12.2.3";
const PAGES = ["/tools/link-builder", "/docs/cli"];
const argAfter = (flag, fallback) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(argAfter("--runs", "3"));
const DIR = argAfter("--dir", join(homedir(), ".cache", "winenroll", `lighthouse-${VERSION}`));
const INSTALL_ARGS = [
  "i",
  "--prefix",
  DIR,
  "-E",
  `lighthouse@${VERSION}`,
  "--no-audit",
  "--no-fund",
];
const INSTALL = `npm ${INSTALL_ARGS.join(" ")}`;
// The flags the toolchain notes settled on for Debian's Chromium as root, with nothing reaching out.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function fail(message) {
  console.error(`lighthouse: ${message}`);
  process.exit(2);
}

if (!existsSync(join(BUILD_DIR, "tools", "link-builder.html")))
  fail("no built site with /tools/link-builder; build apps/docs first.");

const entry = join(DIR, "node_modules", "lighthouse", "core", "index.js");
if (!existsSync(entry)) {
  if (process.argv.includes("--no-install"))
    fail(`lighthouse ${VERSION} is not installed: ${INSTALL}`);
  console.error(`lighthouse: installing lighthouse ${VERSION} into ${DIR} (once)`);
  const r = spawnSync("npm", INSTALL_ARGS, { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0 || !existsSync(entry)) fail(`could not install it; try: ${INSTALL}`);
}
const { default: lighthouse } = await import(pathToFileURL(entry).href);
const { default: desktopConfig } = await import(
  pathToFileURL(join(DIR, "node_modules", "lighthouse", "core", "config", "desktop-config.js")).href
);
const chromeLauncher = await import(
  pathToFileURL(join(DIR, "node_modules", "chrome-launcher", "dist", "index.js")).href
);

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The user agent only says "156.0.0.0"; the binary tells its full version.
const chromiumVersion = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8" }).stdout?.match(
  /\d+(\.\d+)+/,
)?.[0];
const server = await serveDocs({ gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROME_FLAGS,
});

const METRICS = {
  fcpMs: "first-contentful-paint",
  lcpMs: "largest-contentful-paint",
  tbtMs: "total-blocking-time",
  cls: "cumulative-layout-shift",
  speedIndexMs: "speed-index",
};

async function audit(path, formFactor) {
  const flags = {
    port: chrome.port,
    output: "json",
    logLevel: "error",
    onlyCategories: ["performance"],
  };
  const { lhr } = await lighthouse(
    server.base + path,
    flags,
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (lhr.runtimeError)
    throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([k, id]) => [
      k,
      Math.round(lhr.audits[id].numericValue * 1000) / 1000,
    ]),
  );
  return {
    score: Math.round(lhr.categories.performance.score * 100),
    ...metrics,
    unusedJsBytes: lhr.audits["unused-javascript"]?.details?.overallSavingsBytes ?? 0,
    warnings: lhr.runWarnings,
  };
}

const cases = PAGES.flatMap((path) =>
  ["mobile", "desktop"].map((formFactor) => ({ path, formFactor, runs: [] })),
);
try {
  for (let round = 0; round < RUNS; round++)
    for (const c of cases) {
      console.error(`lighthouse: ${c.path} ${c.formFactor}, run ${round + 1}/${RUNS}`);
      c.runs.push(await audit(c.path, c.formFactor));
    }
} finally {
  await chrome.kill();
  await server.close();
}

const results = cases.map(({ path, formFactor, runs }) => {
  const sorted = [...runs].sort((a, b) => a.score - b.score || a.lcpMs - b.lcpMs);
  const { warnings, ...median } = sorted[sorted.length >> 1];
  return { path, formFactor, scores: runs.map((r) => r.score), median };
});
process.stdout.write(
  `${JSON.stringify({
    lighthouse: VERSION,
    chromium: chromiumVersion,
    served: "on loopback, gzip-encoded",
    runs: RUNS,
    warnings: [...new Set(cases.flatMap((c) => c.runs.flatMap((r) => r.warnings)))],
    results,
  })}\n`,
);
