// Regenerates the docs site's CLI reference page from the CLI's command definitions. The shipped
// bundle exports nothing, so the definitions are bundled from src/ (same settings) into a temporary
// folder for this; the reference test compares the page with the same definitions read by vitest.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { BUNDLE_OPTIONS } from "./build.mjs";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const target = new URL("../../docs/docs/cli.md", import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "winenroll-reference-"));
try {
  // version.ts reads ../package.json, so the bundle sits in dist/ beside a copy of it.
  mkdirSync(join(dir, "dist"));
  copyFileSync(join(packageDir, "package.json"), join(dir, "package.json"));
  const outfile = join(dir, "dist", "reference.js");
  await build({
    ...BUNDLE_OPTIONS,
    stdin: {
      contents: [
        'export { silentIO } from "./src/io.ts";',
        'export { createProgram } from "./src/program.ts";',
        'export { renderCliReference } from "./src/reference.ts";',
      ].join("\n"),
      resolveDir: packageDir,
      loader: "ts",
    },
    outfile,
  });
  const { createProgram, renderCliReference, silentIO } = await import(pathToFileURL(outfile).href);
  const { program } = await createProgram(silentIO());
  writeFileSync(target, renderCliReference(program));
  console.error(`wrote ${target.pathname}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
