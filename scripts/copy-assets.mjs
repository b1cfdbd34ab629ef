// Copies what tsc does not emit from a source tree to its build tree: stylesheets and hand-written
// declaration files (the theme component typings).
import { cpSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [from, to] = process.argv.slice(2);
if (!from || !to) {
  console.error("usage: copy-assets.mjs <from> <to>");
  process.exit(2);
}
const isAsset = (name) => name.endsWith(".css") || name.endsWith(".d.ts");
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (isAsset(name)) cpSync(path, join(to, path.slice(from.length)));
  }
}
walk(from);
