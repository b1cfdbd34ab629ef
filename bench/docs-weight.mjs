// The JavaScript a page of the built docs site (apps/docs/build) loads, measured in Debian's Chromium:
// /tools/link-builder against a plain Markdown page (/docs/cli), each loaded fresh and left to settle,
// and the link builder again after filling a field (what a user's first keystrokes pull in).
// Counts every script response: raw bytes and gzipped bytes (what a compressing host sends).
// Prints one JSON object on stdout.   node bench/docs-weight.mjs   (needs the docs site built)
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { BUILD_DIR, DOCS_DIR, serveDocs } from "./docs-server.mjs";

const { chromium } = createRequire(join(DOCS_DIR, "package.json"))("playwright-core");

if (!existsSync(join(BUILD_DIR, "tools", "link-builder.html"))) {
  console.error("docs-weight: no built site with /tools/link-builder; build apps/docs first.");
  process.exit(2);
}

// Uncompressed responses: the gzipped size is computed here from each body.
const server = await serveDocs();
const base = server.base;

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
await server.close();
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
