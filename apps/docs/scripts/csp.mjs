// Adds a Content-Security-Policy to every page of the built site. Only the site's own origin may serve
// scripts, styles, images and connections; the few inline scripts Docusaurus writes (colour mode, JSON-LD)
// are allowed by their SHA-256 hash, computed here from the built pages themselves, so a page can run
// nothing it did not ship with. No analytics, no third-party hosts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const buildDir = process.argv[2] ?? "build";
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

export function policyFor(html) {
  const hashes = new Set();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    if (body.trim() === "") continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes].join(" ")}`.trim(),
    // React and Mermaid set inline style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

let pages = 0;
for (const file of htmlFiles(buildDir)) {
  const html = readFileSync(file, "utf8");
  if (html.includes('http-equiv="Content-Security-Policy"')) continue;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  writeFileSync(file, html.replace(/<head([^>]*)>/, `<head$1>${meta}`));
  pages++;
}
console.error(`csp: added a Content-Security-Policy to ${pages} pages`);
