// Copies the files tsc does not emit (stylesheets) from a source tree to its build tree.
import { cpSync, readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error("usage: copy-assets.mjs <from> <to>");
  process.exit(2);
}
const assetExtensions = new Set([".css"]);
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (assetExtensions.has(extname(name))) cpSync(path, join(to, path.slice(from.length)));
  }
}
walk(from);
