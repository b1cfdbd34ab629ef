// Serves the built docs site (apps/docs/build) on a free loopback port, the way a static host does:
// `/a/b` is `a/b.html`, unknown paths are 404. With `gzip`, text responses are gzip-encoded when the
// browser accepts it, as the hosts a docs site is published on do (GitHub Pages, Netlify, nginx).
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const DOCS_DIR = fileURLToPath(new URL("../apps/docs/", import.meta.url));
export const BUILD_DIR = join(DOCS_DIR, "build");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".woff2": "font/woff2",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"]);

function fileFor(path) {
  const clean = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, "");
  return [
    join(BUILD_DIR, clean),
    `${join(BUILD_DIR, clean)}.html`,
    join(BUILD_DIR, clean, "index.html"),
  ].find((c) => c.startsWith(BUILD_DIR) && existsSync(c) && statSync(c).isFile());
}

/** Starts the server; resolves to `{ base, close }`, `base` being `http://127.0.0.1:PORT`. */
export async function serveDocs({ gzip = false } = {}) {
  const zipped = new Map();
  const server = createServer((req, res) => {
    const file = fileFor(new URL(req.url ?? "/", "http://x").pathname);
    if (!file) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const encode =
      gzip &&
      COMPRESSIBLE.has(extname(file)) &&
      /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    if (!encode) {
      res.writeHead(200, { "content-type": type });
      res.end(readFileSync(file));
      return;
    }
    if (!zipped.has(file)) zipped.set(file, gzipSync(readFileSync(file), { level: 6 }));
    res.writeHead(200, {
      "content-type": type,
      "content-encoding": "gzip",
      vary: "accept-encoding",
    });
    res.end(zipped.get(file));
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}
