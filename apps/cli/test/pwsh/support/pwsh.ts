import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach } from "vitest";
import { findPwsh, PWSH_MISSING } from "../../../../../scripts/ensure-pwsh.mjs";

/**
 * pwsh's path: PWSH_PATH (set by `pnpm test`), else pwsh on PATH or in ~/.dotnet/tools. Never a skip:
 * without pwsh every PowerShell test fails with the one line that says how to get it.
 */
export function pwshPath(): string {
  const found = findPwsh();
  if (found === undefined) throw new Error(PWSH_MISSING);
  return found;
}

/** A PowerShell file from this folder's support/, to be dot-sourced into a harness. */
export const supportScript = (name: string): string =>
  readFileSync(new URL(`./${name}`, import.meta.url), "utf8");

/**
 * Runs `harness` in one fresh pwsh (no profile, not interactive) with `input` readable as
 * `$Data` (parsed from JSON), and returns what the harness printed on stdout, read as JSON.
 * One start-up costs about a second, so each test file batches its checks into one run.
 */
export function runPwshJson<T>(harness: string, input: unknown): T {
  const dir = mkdtempSync(join(tmpdir(), "winenroll-pwsh-"));
  try {
    const inputFile = join(dir, "input.json");
    const scriptFile = join(dir, "harness.ps1");
    writeFileSync(inputFile, JSON.stringify(input));
    writeFileSync(
      scriptFile,
      [
        "param([string]$InputFile)",
        "$ErrorActionPreference = 'Stop'",
        "$Data = Get-Content -LiteralPath $InputFile -Raw | ConvertFrom-Json",
        harness,
      ].join("\n"),
    );
    const run = spawnSync(
      pwshPath(),
      ["-NoProfile", "-NonInteractive", "-File", scriptFile, inputFile],
      {
        encoding: "utf8",
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          NO_COLOR: "1",
          POWERSHELL_TELEMETRY_OPTOUT: "1",
          POWERSHELL_UPDATECHECK: "Off",
        },
      },
    );
    if (run.status !== 0)
      throw new Error(`pwsh exited ${run.status}: ${run.stderr || run.error?.message}`);
    return JSON.parse(run.stdout) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a test file's one pwsh batch before its tests. If it throws (no pwsh, a broken harness),
 * every test of the file fails with that error rather than being reported as skipped: in CI these
 * tests must fail, never skip.
 */
export function beforeAllInPwsh(setup: () => void | Promise<void>): void {
  let failure: unknown;
  beforeAll(async () => {
    try {
      await setup();
    } catch (error) {
      failure = error;
    }
  }, 120_000);
  beforeEach(() => {
    if (failure !== undefined) throw failure;
  });
}
