// Builds the shipped CLI into dist/ with esbuild: one file for the bin, one for the command tree,
// one for what the command modules share with it, and one for each module loaded on first use
// (each command, the batch run), with @winenroll/core and the npm dependencies inside (see
// README.md, "How it is built"). Also writes dist/THIRD-PARTY-LICENSES.md for the code bundled in.
// tsc only type-checks (`pnpm typecheck`); it emits nothing that ships.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const packageDir = resolve(here(".."));
const dist = join(packageDir, "dist");

/**
 * commander loads child_process as it starts (about 2 ms on Node 20), only to spawn executable
 * subcommands, which winenroll has none of. In the bundle it gets child_process on first use.
 */
const childProcessOnUse = {
  name: "child-process-on-use",
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer)
        ? { path: "child_process", namespace: "on-use" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "on-use" }, () => ({
      contents:
        'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

/** What every bundle of the CLI shares; scripts/write-reference.mjs bundles with them too. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // commander and the csv packages are CommonJS; their `require` of Node's modules needs one.
  banner: {
    js: 'import { createRequire as __winenrollRequire } from "node:module"; const require = __winenrollRequire(import.meta.url);',
  },
  legalComments: "none",
  plugins: [childProcessOnUse],
  logLevel: "warning",
};

/**
 * The modules src/ imports with `import()` (each command, the batch run), as paths from the package.
 * cli.ts is left out: what it imports on demand is small and inlined into cli.js.
 */
function onDemandModules() {
  const modules = new Set();
  const sources = readdirSync(join(packageDir, "src"), { recursive: true })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "cli.ts")
    .map((f) => join("src", f));
  for (const src of sources) {
    const text = readFileSync(join(packageDir, src), "utf8");
    for (const [, path] of text.matchAll(/import\("(\.[^"]+)\.js"\)/g)) {
      modules.add(relative(packageDir, join(packageDir, dirname(src), `${path}.ts`)));
    }
  }
  return [...modules].sort();
}

/**
 * The files of dist/ and the module each starts from: the bin, the command tree, and one file per
 * module loaded on demand, named by its file name. esbuild's own code splitting puts every module
 * shared by a different set of commands in a chunk of its own: `link build` read 15 files, and each
 * costs about half a millisecond to load on Node 20. Bundled one file per module that is imported on
 * demand, `link build` reads four: cli, main, shared, link. All sit in dist/ itself, so
 * `../package.json` (version.ts) is the package's own file from each.
 */
const FILES = { cli: "src/cli.ts", main: "src/main.ts" };
for (const src of onDemandModules()) {
  const name = basename(src, ".ts");
  if (name in FILES) throw new Error(`scripts/build.mjs: two modules would be dist/${name}.js`);
  FILES[name] = src;
}

/** While building `name`, imports of the other files of dist/ stay imports of those files. */
function linkTo(name, shared) {
  const owner = new Map(Object.entries(FILES).map(([file, src]) => [join(packageDir, src), file]));
  for (const src of shared) owner.set(join(packageDir, src), "shared");
  return {
    name: "link-to-dist-files",
    setup(build) {
      build.onResolve({ filter: /^commander$/ }, () =>
        name === "shared" ? undefined : { path: "./shared.js", external: true },
      );
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === "entry-point" || !args.importer.startsWith(join(packageDir, "src"))) {
          return undefined;
        }
        const file = owner.get(resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts")));
        return file && file !== name ? { path: `./${file}.js`, external: true } : undefined;
      });
    },
  };
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

/**
 * The modules of src/ each output file holds, from esbuild's metafile, by output name. cli.js is
 * left out: it answers `--version` with its own small copies of version.ts and stdout.ts and
 * otherwise only loads main.js, so its copies never meet the others at run time.
 */
function sourcesByOutput(metafile) {
  const byOutput = new Map();
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (basename(file) === "cli.js") continue;
    const sources = Object.keys(output.inputs).filter((input) => input.startsWith("src/"));
    byOutput.set(basename(file, ".js"), sources);
  }
  return byOutput;
}

/**
 * What more than one file of dist/ would hold, found by bundling each file without a shared one:
 * it lives once, in shared.js, with commander (its classes must be one copy). Identity matters for
 * some (run.ts recognises the error classes, the examples registry is one map) and size for the
 * rest; derived, so a new module used by two commands cannot be copied into both.
 */
async function sharedModules(common) {
  const holders = new Map();
  const probes = await Promise.all(
    Object.entries(FILES)
      .filter(([name]) => name !== "cli")
      .map(([name, src]) =>
        build({
          ...common,
          write: false,
          entryPoints: [join(packageDir, src)],
          outfile: join(dist, `${name}.js`),
          plugins: [...common.plugins, linkTo(name, [])],
        }),
      ),
  );
  for (const { metafile } of probes) {
    for (const [name, sources] of sourcesByOutput(metafile)) {
      for (const src of sources) holders.set(src, [...(holders.get(src) ?? []), name]);
    }
  }
  return [...holders]
    .filter(([, names]) => names.length > 1)
    .map(([src]) => src)
    .sort();
}

/** Fails the build when a module of src/ is in two files of dist/: it would exist twice at run time. */
export function assertEachSourceOnce(metafile) {
  const seen = new Map();
  const twice = [];
  for (const [name, sources] of sourcesByOutput(metafile)) {
    for (const src of sources) {
      if (seen.has(src)) twice.push(`${src} (in ${seen.get(src)}.js and ${name}.js)`);
      else seen.set(src, name);
    }
  }
  if (twice.length > 0)
    throw new Error(`scripts/build.mjs: modules bundled twice: ${twice.join("; ")}`);
}

/** The npm packages a bundle took code from (not this package), with their licence texts. */
function thirdPartyLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    let dir = dirname(join(packageDir, input));
    // Some packages put a bare {"type": "module"} package.json in a subfolder: skip to the named one.
    while (!existsSync(join(dir, "package.json")) || !readJson(join(dir, "package.json")).name)
      dir = dirname(dir);
    if (dir === packageDir || packages.has(dir)) continue;
    packages.set(dir, readJson(join(dir, "package.json")));
  }
  const sections = [...packages]
    .sort(([, a], [, b]) => a.name.localeCompare(b.name))
    .map(([dir, manifest]) => {
      const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license"].find((f) =>
        existsSync(join(dir, f)),
      );
      // Workspace packages have their licence at the repository root.
      const text = file
        ? readFileSync(join(dir, file), "utf8")
        : readFileSync(join(packageDir, "LICENSE"), "utf8");
      return `## ${manifest.name} ${manifest.version} (${manifest.license})\n\n${text.trim()}\n`;
    });
  return [
    "# Third-party code in this package",
    "",
    "dist/ bundles the following packages; their licences follow.",
    "",
    ...sections,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  rmSync(dist, { recursive: true, force: true });
  const common = {
    ...BUNDLE_OPTIONS,
    absWorkingDir: packageDir,
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
  };
  const shared = await sharedModules(common);
  const sharedEntry = [
    ...shared.map((file) => `export * from "./${file}";`),
    'export { Command, CommanderError, Option } from "commander";',
  ].join("\n");
  const results = await Promise.all([
    ...Object.entries(FILES).map(([name, src]) =>
      build({
        ...common,
        entryPoints: [join(packageDir, src)],
        outfile: join(dist, `${name}.js`),
        plugins: [...common.plugins, linkTo(name, shared)],
      }),
    ),
    build({
      ...common,
      stdin: {
        contents: sharedEntry,
        resolveDir: packageDir,
        sourcefile: "shared.ts",
        loader: "ts",
      },
      outfile: join(dist, "shared.js"),
      plugins: [...common.plugins, linkTo("shared", shared)],
    }),
  ]);
  const result = {
    metafile: {
      inputs: Object.assign({}, ...results.map((r) => r.metafile.inputs)),
      outputs: Object.assign({}, ...results.map((r) => r.metafile.outputs)),
    },
  };
  assertEachSourceOnce(result.metafile);
  writeFileSync(join(dist, "THIRD-PARTY-LICENSES.md"), thirdPartyLicenses(result.metafile));
  const files = Object.entries(result.metafile.outputs).map(
    ([file, { bytes }]) => `${relative(packageDir, file)} ${(bytes / 1024).toFixed(1)} kB`,
  );
  console.log(files.join("\n"));
  console.log(`shared.js holds what several files use: ${shared.join(", ")}`);
}
