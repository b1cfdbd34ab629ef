// A built Docusaurus site served on a free loopback port the way a static host serves it (GitHub Pages,
// Netlify, nginx): `/a/b` is `a/b`, `a/b.html` or `a/b/index.html`; anything else, or anything outside the
// `baseUrl` the site was built for, is the site's 404 page. With `gzip`, text responses are gzip-encoded
// when the client accepts it, as those hosts do. One server for the browser tests and the benchmarks.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

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

/** The file a URL path (below the base URL) names, if the build has it; never a path outside `dir`. */
function fileFor(dir, urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidates = [join(dir, clean), `${join(dir, clean)}.html`, join(dir, clean, "index.html")];
  return candidates.find((c) => c.startsWith(dir) && existsSync(c) && statSync(c).isFile());
}

/** Starts the server; see static-host.d.mts for the options and the result. */
export async function serveStatic({ dir, baseUrl = "/", gzip = false }) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`no built site in ${dir}: run "pnpm build" first`);
  }
  const notFound = join(dir, "404.html");
  const zipped = new Map();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = path.startsWith(baseUrl)
      ? fileFor(dir, `/${path.slice(baseUrl.length)}`)
      : undefined;
    if (!file) {
      response.writeHead(404, { "content-type": TYPES[".html"] });
      response.end(existsSync(notFound) ? readFileSync(notFound) : "");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const accepts = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    if (!(gzip && accepts && COMPRESSIBLE.has(extname(file)))) {
      response.writeHead(200, { "content-type": type });
      response.end(readFileSync(file));
      return;
    }
    if (!zipped.has(file)) zipped.set(file, gzipSync(readFileSync(file), { level: 6 }));
    response.writeHead(200, {
      "content-type": type,
      "content-encoding": "gzip",
      vary: "accept-encoding",
    });
    response.end(zipped.get(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    url: `${origin}${baseUrl.replace(/\/$/, "")}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
