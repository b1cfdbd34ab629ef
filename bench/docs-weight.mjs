// The JavaScript a page of the built docs site (apps/docs/build) loads, measured in Debian's Chromium:
// /tools/link-builder against a plain Markdown page (/docs/cli), each loaded fresh and left to settle,
// and the link builder again after filling a field (what a user's first keystrokes pull in).
// Counts every script response: raw bytes and gzipped bytes (what a compressing host sends).
// Prints one JSON object on stdout.   node bench/docs-weight.mjs   (needs the docs site built)
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const DOCS = fileURLToPath(new URL("../apps/docs/", import.meta.url));
const BUILD = join(DOCS, "build");
const { chromium } = createRequire(join(DOCS, "package.json"))("playwright-core");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
};

if (!existsSync(join(BUILD, "tools", "link-builder.html"))) {
  console.error("docs-weight: no built site with /tools/link-builder; build apps/docs first.");
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

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

async function scripts(path, interact) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = new Map();
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    const body = await response.body().catch(() => undefined);
    if (body)
      seen.set(response.url(), {
        raw: body.byteLength,
        gzip: gzipSync(body, { level: 9 }).byteLength,
      });
  });
  await page.goto(base + path, { waitUntil: "networkidle" });
  if (interact) await interact(page);
  await page.waitForTimeout(300);
  await context.close();
  const files = [...seen.entries()].map(([url, s]) => ({ file: new URL(url).pathname, ...s }));
  const sum = (k) => files.reduce((n, f) => n + f[k], 0);
  return { path, scripts: files.length, raw: sum("raw"), gzip: sum("gzip"), files };
}

const plain = await scripts("/docs/cli");
const tool = await scripts("/tools/link-builder");
const typed = await scripts("/tools/link-builder", async (page) => {
  const field = page.getByLabel(/user ?name/i).first();
  if (await field.count()) await field.fill("someone@contoso.com");
  await page.waitForLoadState("networkidle");
});
await browser.close();
server.close();
const plainFiles = new Set(plain.files.map((f) => f.file));
const extra = tool.files.filter((f) => !plainFiles.has(f.file));
process.stdout.write(
  `${JSON.stringify({
    plain,
    tool,
    afterTyping: { raw: typed.raw, gzip: typed.gzip, scripts: typed.scripts },
    beyondPlain: { raw: tool.raw - plain.raw, gzip: tool.gzip - plain.gzip, files: extra },
  })}\n`,
);
