import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The sub-path the site is built for here: a project page on a shared host, like `/winenroll/`. */
export const BASE_URL = "/winenroll/";

const DOCS_DIR = fileURLToPath(new URL("../..", import.meta.url));
/** Under `.cache/` (git-ignored, and outside turbo's build inputs and outputs). */
export const BASE_URL_BUILD_DIR = join(DOCS_DIR, ".cache", "base-url-build");
const REGULAR_INDEX = join(DOCS_DIR, "build", "index.html");
const STAMP = join(BASE_URL_BUILD_DIR, "winenroll-build.json");
/** Everyone building apps/docs on this machine takes this lock (see CONTRIBUTING and the bench). */
const LOCK = "/tmp/winenroll-docs.lock";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: DOCS_DIR, env, encoding: "utf8" });
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${tail}`,
    );
  }
}

/**
 * Builds the docs site with `WINENROLL_DOCS_BASE_URL=/winenroll/` into its own folder, exactly as the
 * regular build (docusaurus build, then the CSP postbuild), and returns the folder. It is built once
 * per regular build: when the folder's stamp is newer than `build/index.html` it is reused.
 * The persistent webpack cache is off for it so that this build and the regular one never share
 * cached output made for another base URL.
 */
export function buildUnderBaseUrl(): string {
  const regularTime = existsSync(REGULAR_INDEX) ? statSync(REGULAR_INDEX).mtimeMs : Infinity;
  if (existsSync(STAMP)) {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8")) as {
      baseUrl: string;
      regularTime: number;
    };
    if (stamp.baseUrl === BASE_URL && stamp.regularTime === regularTime) return BASE_URL_BUILD_DIR;
  }
  rmSync(BASE_URL_BUILD_DIR, { recursive: true, force: true });
  const env = {
    ...process.env,
    WINENROLL_DOCS_BASE_URL: BASE_URL,
    DOCUSAURUS_NO_PERSISTENT_CACHE: "true",
  };
  const docusaurus = join(DOCS_DIR, "node_modules", ".bin", "docusaurus");
  run("flock", ["-w", "1200", LOCK, docusaurus, "build", "--out-dir", BASE_URL_BUILD_DIR], env);
  run(process.execPath, ["scripts/csp.mjs", BASE_URL_BUILD_DIR], env);
  writeFileSync(STAMP, JSON.stringify({ baseUrl: BASE_URL, regularTime }));
  return BASE_URL_BUILD_DIR;
}
