// Lighthouse performance score of /tools/link-builder and of a plain page (/docs/cli) of the built docs
// site, served from apps/docs/build on loopback, with Debian's Chromium; median of three runs each.
// Uses lighthouse 12.2.3 from the workspace, or from LIGHTHOUSE_DIR (a folder where
// `npm i --prefix <dir> lighthouse@12.2.3` was run). Prints one JSON object on stdout.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BUILD = join(ROOT, "apps/docs/build");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

function lighthouseBin() {
  for (const from of [ROOT, process.env.LIGHTHOUSE_DIR].filter(Boolean)) {
    try {
      const pkg = createRequire(join(from, "package.json")).resolve("lighthouse/package.json");
      return join(pkg, "..", "cli", "index.js");
    } catch {}
  }
  return undefined;
}
const bin = lighthouseBin();
if (!bin) {
  console.error(
    "lighthouse: not installed (npm i --prefix /tmp/lh lighthouse@12.2.3; LIGHTHOUSE_DIR=/tmp/lh)",
  );
  process.exit(2);
}
if (!existsSync(join(BUILD, "tools", "link-builder.html"))) {
  console.error("lighthouse: no built site with /tools/link-builder; build apps/docs first.");
  process.exit(2);
}

function fileFor(path) {
  const clean = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, "");
  return [join(BUILD, clean), `${join(BUILD, clean)}.html`, join(BUILD, clean, "index.html")].find(
    (c) => c.startsWith(BUILD) && existsSync(c) && statSync(c).isFile(),
  );
}
const server = createServer((req, res) => {
  const file = fileFor(new URL(req.url ?? "/", "http://x").pathname);
  if (!file) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

function score(path) {
  const out = execFileSync(
    process.execPath,
    [
      bin,
      base + path,
      "--only-categories=performance",
      "--output=json",
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic",
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 28,
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    },
  );
  const report = JSON.parse(out);
  const audits = report.audits;
  return {
    score: Math.round(report.categories.performance.score * 100),
    fcpMs: audits["first-contentful-paint"].numericValue,
    lcpMs: audits["largest-contentful-paint"].numericValue,
    tbtMs: audits["total-blocking-time"].numericValue,
    version: report.lighthouseVersion,
  };
}

const pages = {};
try {
  for (const path of ["/docs/cli", "/tools/link-builder"]) {
    const runs = [score(path), score(path), score(path)];
    pages[path] = {
      score: median(runs.map((r) => r.score)),
      fcpMs: median(runs.map((r) => r.fcpMs)),
      lcpMs: median(runs.map((r) => r.lcpMs)),
      tbtMs: median(runs.map((r) => r.tbtMs)),
      runs: runs.map((r) => r.score),
      version: runs[0].version,
    };
  }
} finally {
  server.close();
}
process.stdout.write(`${JSON.stringify({ pages })}\n`);
