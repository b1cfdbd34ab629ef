// Finds PowerShell 7 (pwsh) for the PowerShell tests, or installs it as a .NET tool when the .NET SDK
// is there; otherwise stops with one line saying how. The same contract as Chromium in test.mjs:
// CI installs what it can and never skips.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";

/** Named on purpose: later PowerShell releases may need a newer .NET than the machine has. */
export const PWSH_VERSION = "7.6.9";
export const PWSH_INSTALL_COMMAND = `dotnet tool install --global PowerShell --version ${PWSH_VERSION}`;
export const PWSH_MISSING = `PowerShell 7 (pwsh) is needed for the PowerShell tests and was not found on PATH or in ~/.dotnet/tools: install it with "${PWSH_INSTALL_COMMAND}" (needs the .NET SDK), or set PWSH_PATH to a pwsh binary.`;

const executable = (name) => (process.platform === "win32" ? `${name}.exe` : name);
const dotnetTools = () => join(homedir(), ".dotnet", "tools");

function onPath(name, env) {
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir !== "" && existsSync(join(dir, executable(name)))) return join(dir, executable(name));
  }
  return undefined;
}

/**
 * Where pwsh is: PWSH_PATH when set, else the first `pwsh` on PATH, else ~/.dotnet/tools/pwsh;
 * undefined when none is there.
 */
export function findPwsh(env = process.env) {
  if (env.PWSH_PATH) return existsSync(env.PWSH_PATH) ? env.PWSH_PATH : undefined;
  const tool = join(dotnetTools(), executable("pwsh"));
  return onPath("pwsh", env) ?? (existsSync(tool) ? tool : undefined);
}

/**
 * pwsh's path, installing PowerShell as a global .NET tool when it is missing and `dotnet` is on
 * PATH. Exits the process with one line saying how to get it otherwise.
 */
export function ensurePwsh(env = process.env) {
  const found = findPwsh(env);
  if (found) return found;
  if (env.PWSH_PATH || !onPath("dotnet", env)) {
    console.error(
      env.PWSH_PATH ? `PWSH_PATH=${env.PWSH_PATH} does not exist. ${PWSH_MISSING}` : PWSH_MISSING,
    );
    process.exit(1);
  }
  console.error(
    `Installing PowerShell ${PWSH_VERSION} for the PowerShell tests (${PWSH_INSTALL_COMMAND})…`,
  );
  const run = spawnSync(
    "dotnet",
    ["tool", "install", "--global", "PowerShell", "--version", PWSH_VERSION],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1" },
    },
  );
  const installed = findPwsh(env);
  if (run.status !== 0 || !installed) {
    console.error(
      `"${PWSH_INSTALL_COMMAND}" failed; install PowerShell 7 by hand or set PWSH_PATH, and run again.`,
    );
    process.exit(1);
  }
  return installed;
}
