#!/usr/bin/env node
// Checks the three publishable packages as users receive them: packs each with pnpm (so workspace:
// ranges become versions), then on the tarball runs publint, Are the Types Wrong (ESM-only profile),
// a contents check (what ships and nothing more), a load check of @winenroll/core through its
// exports map from Node ESM and from CommonJS `require`, and a check and run of the CLI bundle.
// Needs `pnpm build` first. `pnpm test:pack` runs the same checks as tests (apps/reuse-test/test/packages.test.ts).
// Usage: node scripts/check-packages.mjs [--keep <dir>]  (--keep leaves the tarballs in <dir>)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const root = new URL("..", import.meta.url).pathname;
export const PACKAGES = [
  { dir: "packages/core", name: "@winenroll/core" },
  // The CLI ships an esbuild bundle (apps/cli/scripts/build.mjs): no src/, checked by checkCliBundle.
  { dir: "apps/cli", name: "winenroll", bundle: "dist/cli.js" },
  { dir: "packages/docusaurus-plugin", name: "@winenroll/docusaurus-plugin" },
];

/** Files that must never ship: tests, their fixtures and reports, build configuration, dependencies. */
const FORBIDDEN = [
  /\.test\.[cm]?[jt]sx?(\.map)?$/,
  /\.test\.d\.ts(\.map)?$/,
  /(^|\/)test-support\//,
  /(^|\/)test\//,
  /(^|\/)e2e\//,
  /(^|\/)node_modules\//,
  /(^|\/)vitest[^/]*$/,
  /(^|\/)tsconfig[^/]*\.json$/,
  /\.tsbuildinfo$/,
  /(^|\/)\.turbo\//,
];

const problems = [];
const fail = (pkg, text) => problems.push(`${pkg}: ${text}`);

function tarFiles(tarball) {
  return execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter((l) => l && !l.endsWith("/"))
    .map((l) => l.replace(/^package\//, ""));
}

function tarText(tarball, file) {
  return execFileSync("tar", ["-xzOf", tarball, `package/${file}`], { encoding: "utf8" });
}

/** Every path package.json points at (exports, bin, main, types), without wildcards. */
function pointedAt(manifest) {
  const out = [];
  const walk = (value) => {
    if (typeof value === "string") out.push(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object") for (const v of Object.values(value)) walk(v);
  };
  walk(manifest.exports);
  walk(typeof manifest.bin === "string" ? manifest.bin : (manifest.bin ?? {}));
  for (const key of ["main", "module", "types"]) if (manifest[key]) walk(manifest[key]);
  return out.filter((p) => !p.includes("*"));
}

export function checkContents(pkg, tarball) {
  const files = tarFiles(tarball);
  const present = new Set(files);
  const manifest = JSON.parse(tarText(tarball, "package.json"));
  for (const file of files) {
    if (FORBIDDEN.some((re) => re.test(file))) fail(pkg, `ships ${file}, which users do not need`);
  }
  for (const needed of ["package.json", "README.md", "LICENSE", "CHANGELOG.md"]) {
    if (!present.has(needed)) fail(pkg, `does not ship ${needed}`);
  }
  for (const target of pointedAt(manifest)) {
    if (!present.has(target))
      fail(pkg, `package.json points at ${target}, which is not in the tarball`);
  }
  if (manifest.license !== "MIT") fail(pkg, `license is ${manifest.license}, not MIT`);
  for (const key of ["repository", "engines", "keywords", "homepage", "bugs", "description"]) {
    if (!manifest[key]) fail(pkg, `package.json has no ${key}`);
  }
  for (const [dep, range] of Object.entries({
    ...manifest.dependencies,
    ...manifest.peerDependencies,
  })) {
    if (String(range).startsWith("workspace:")) fail(pkg, `${dep} still has the range ${range}`);
  }
  // Source maps must point at files that ship, or they point nowhere.
  for (const map of files.filter((f) => f.endsWith(".map"))) {
    const { sources = [] } = JSON.parse(tarText(tarball, map));
    for (const source of sources) {
      const resolved = posix.normalize(posix.join(posix.dirname(map), source));
      if (!present.has(resolved)) fail(pkg, `${map} points at ${resolved}, which does not ship`);
    }
  }
  // Every compiled module comes from a source that exists (no stale output from a deleted file).
  const bundled = PACKAGES.some((p) => p.name === pkg && p.bundle);
  for (const js of files.filter((f) => !bundled && /^dist\/.*\.js$/.test(f))) {
    const base = js.replace(/^dist\//, "src/").replace(/\.js$/, "");
    if (![".ts", ".tsx", ".js", ".mjs"].some((ext) => present.has(base + ext))) {
      fail(pkg, `${js} has no source in src/ (stale build output?)`);
    }
  }
  const readme = present.has("README.md") ? tarText(tarball, "README.md") : "";
  const install = new RegExp(
    `(npm install|pnpm add)( -g| --global)? ${manifest.name.replace(/[/@]/g, "\\$&")}\\b`,
  );
  if (!install.test(readme)) {
    fail(pkg, "README.md does not show how to install the package");
  }
  return files;
}

async function runPublint(pkg, tarball) {
  const data = readFileSync(tarball);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg: manifest } = await publint({
    pack: { tarball: buffer },
    level: "suggestion",
    strict: true,
  });
  for (const message of messages)
    fail(pkg, `publint ${message.type}: ${formatMessage(message, manifest)}`);
}

function runAttw(pkg, tarball, manifest) {
  if (!manifest.exports) return; // a command-line tool with only a bin has no types to resolve
  const result = spawnSync(
    join(root, "node_modules/.bin/attw"),
    [tarball, "--profile", "esm-only", "--format", "ascii", "--no-color", "--no-emoji"],
    { encoding: "utf8" },
  );
  if (result.status !== 0) fail(pkg, `attw:\n${result.stdout}${result.stderr}`);
}

/**
 * The CLI bundle from its tarball, unpacked where no node_modules can help it: dist/ holds the
 * bin, the chunks it reaches and the third-party licences, nothing else (no stale chunk, no source
 * map or types); the code imports only Node's own modules; and the bin answers --version and
 * `link build`.
 */
async function checkCliBundle(pkg, tarball, bin) {
  const dir = mkdtempSync(join(tmpdir(), "winenroll-cli-bundle-"));
  try {
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"]);
    const dist = tarFiles(tarball).filter((f) => f.startsWith("dist/"));
    for (const file of dist) {
      if (!/\.js$/.test(file) && file !== "dist/THIRD-PARTY-LICENSES.md")
        fail(pkg, `ships ${file}; its dist/ should hold only the bundle and its licences`);
    }
    // esbuild reads the bundle as a bundler would: every file it reaches, and what stays outside.
    const reached = new Set();
    try {
      const { metafile } = await build({
        absWorkingDir: dir,
        entryPoints: [bin],
        bundle: true,
        write: false,
        metafile: true,
        platform: "node",
        format: "esm",
        outdir: "out",
        logLevel: "silent",
      });
      for (const [file, input] of Object.entries(metafile.inputs)) {
        reached.add(file);
        for (const { path, external } of input.imports) {
          if (external && !isBuiltin(path))
            fail(
              pkg,
              `${file} imports ${path}, which is not bundled (only Node's own modules may be)`,
            );
        }
        // Bundled CommonJS asks for Node's modules through esbuild's __require.
        const code = readFileSync(join(dir, file), "utf8");
        for (const [, path] of code.matchAll(/\b__require\("([^"]+)"\)/g)) {
          if (!isBuiltin(path)) fail(pkg, `${file} requires ${path}, which is not bundled`);
        }
      }
    } catch (error) {
      fail(pkg, `esbuild cannot follow the bundle from ${bin}: ${error.message}`);
    }
    for (const file of dist.filter((f) => f.endsWith(".js") && !reached.has(f)))
      fail(pkg, `ships ${file}, which the bundle never loads (stale build output?)`);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const runs = [
      [["--version"], manifest.version],
      [["link", "build", "--mode", "mdm"], "ms-device-enrollment:?mode=mdm"],
    ];
    for (const [args, expected] of runs) {
      const run = spawnSync(process.execPath, [join(dir, bin), ...args], {
        cwd: dir,
        encoding: "utf8",
      });
      if (run.status !== 0 || run.stdout.trim() !== expected)
        fail(
          pkg,
          `winenroll ${args.join(" ")} from the tarball printed ${JSON.stringify(`${run.stdout}${run.stderr}`.trim())}`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Every check of one package's tarball: contents, publint, attw and, for the CLI, its bundle.
 * Returns the problems found (none when it is fit to publish).
 * @param {string} name
 * @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function checkPackage(name, tarball) {
  const before = problems.length;
  checkContents(name, tarball);
  const manifest = JSON.parse(tarText(tarball, "package.json"));
  await runPublint(name, tarball);
  runAttw(name, tarball, manifest);
  const { bundle } = PACKAGES.find((p) => p.name === name);
  if (bundle) await checkCliBundle(name, tarball, bundle);
  return problems.slice(before);
}

/**
 * @winenroll/core from its tarball: imported from ESM and required from CommonJS. Returns the
 * problems found.
 * @param {string} tarball
 * @returns {string[]}
 */
export function checkCoreLoads(tarball) {
  const before = problems.length;
  const dir = mkdtempSync(join(tmpdir(), "winenroll-core-load-"));
  try {
    const target = join(dir, "node_modules/@winenroll/core");
    mkdirSync(target, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"]);
    const manifest = JSON.parse(readFileSync(join(target, "package.json"), "utf8"));
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const from = realpathSync(join(root, "packages/core/node_modules", dep));
      mkdirSync(dirname(join(dir, "node_modules", dep)), { recursive: true });
      symlinkSync(from, join(dir, "node_modules", dep));
    }
    const probe = `String(typeof m.buildEnrollmentLink) + " " + m.buildEnrollmentLink({ mode: "mdm", username: "a@example.com" })`;
    const esm = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const m = await import("@winenroll/core"); console.log(${probe});`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    const cjs = spawnSync(
      process.execPath,
      [
        "--input-type=commonjs",
        "-e",
        `const m = require("@winenroll/core"); console.log(${probe});`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    for (const [kind, run] of [
      ["import", esm],
      ["require", cjs],
    ]) {
      const out = `${run.stdout}${run.stderr}`.trim();
      if (run.status !== 0 || !out.startsWith("function ms-device-enrollment:?mode=mdm")) {
        fail(
          "@winenroll/core",
          `${kind}("@winenroll/core") from the tarball failed: ${out.split("\n").slice(0, 3).join(" ")}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return problems.slice(before);
}

/**
 * Packs the packages (all three unless `names` says which) into `dest` and returns the tarball paths by
 * package name. apps/reuse-test packs core and the plugin with it.
 * @param {string} dest
 * @param {string[]} [names]
 * @returns {Record<string, string>}
 */
export function packAll(dest, names = PACKAGES.map((p) => p.name)) {
  const tarballs = {};
  for (const { dir, name } of PACKAGES.filter((p) => names.includes(p.name))) {
    const out = execFileSync("pnpm", ["pack", "--pack-destination", dest], {
      cwd: join(root, dir),
      encoding: "utf8",
    });
    const tarball = out
      .trim()
      .split("\n")
      .map((l) => l.trim())
      .reverse()
      .find((l) => l.endsWith(".tgz"));
    tarballs[name] = tarball.startsWith("/") ? tarball : join(dest, tarball);
  }
  return tarballs;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const keepAt = process.argv.indexOf("--keep");
  const dest =
    keepAt > 0 ? process.argv[keepAt + 1] : mkdtempSync(join(tmpdir(), "winenroll-pack-"));
  mkdirSync(dest, { recursive: true });
  try {
    const tarballs = packAll(dest);
    for (const { name } of PACKAGES) {
      const tarball = tarballs[name];
      await checkPackage(name, tarball);
      console.log(
        `${name}: ${tarFiles(tarball).length} files, ${(readFileSync(tarball).length / 1024).toFixed(0)} kB packed`,
      );
    }
    checkCoreLoads(tarballs["@winenroll/core"]);
  } finally {
    if (keepAt < 0) rmSync(dest, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    console.error(
      `${problems.length} packaging problem(s):\n${problems.map((p) => `- ${p}`).join("\n")}`,
    );
    process.exit(1);
  }
  console.log("packages: publint, attw, contents and core import/require all pass");
}
