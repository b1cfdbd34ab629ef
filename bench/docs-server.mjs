// Where the built docs site is, and the loopback static host the docs benchmarks load it from (the
// same server the browser tests use: apps/docs/scripts/static-host.mjs).
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../apps/docs/scripts/static-host.mjs";

export const DOCS_DIR = fileURLToPath(new URL("../apps/docs/", import.meta.url));
export const BUILD_DIR = join(DOCS_DIR, "build");

/** Starts the server on the regular build; resolves to `{ base, close }`, `base` being `http://127.0.0.1:PORT`. */
export async function serveDocs({ gzip = false } = {}) {
  const host = await serveStatic({ dir: BUILD_DIR, gzip });
  return { base: host.origin, close: host.close };
}
