// Finds Chromium for the browser tests (the docs site, the reuse site), or installs Debian's package
// when running as root; otherwise stops with one line saying how. CI installs what it can and never
// skips. scripts/test.mjs calls it only when a task that needs Chromium is about to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** CHROMIUM_PATH when set, else Debian's /usr/bin/chromium. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/** Chromium's path, installing it with apt-get when it is missing and this is root. */
export function ensureChromium(env = process.env) {
  const chromium = chromiumPath(env);
  if (existsSync(chromium)) return chromium;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || env.CHROMIUM_PATH) {
    console.error(
      `Chromium is needed for the browser tests and was not found at ${chromium}: install it with "sudo apt-get install -y chromium", or set CHROMIUM_PATH to a Chromium binary.`,
    );
    process.exit(1);
  }
  console.error("Installing Debian's chromium for the browser tests (apt-get)…");
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const run = spawnSync("apt-get", args, { stdio: ["ignore", "ignore", "inherit"], env: aptEnv });
    if (run.status !== 0) {
      console.error(`apt-get ${args.join(" ")} failed; install chromium by hand and run again.`);
      process.exit(1);
    }
  }
  return chromium;
}
