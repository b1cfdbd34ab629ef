import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DiscoveryReport } from "@winenroll/core/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, type CliResult } from "../support/cli.js";
import {
  type DiscoveryServer,
  HUGE_BYTES,
  startDiscoveryServer,
} from "../support/discovery-server.js";

let server: DiscoveryServer;
const dir = mkdtempSync(join(tmpdir(), "winenroll-bin-discover-"));

beforeAll(async () => {
  server = await startDiscoveryServer();
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the process's peak resident set size (kB) to WINENROLL_BENCH_RSS as it exits. */
const RSS_PRELOAD = fileURLToPath(new URL("../../../../bench/batch/rss.mjs", import.meta.url));

interface Spawned extends CliResult {
  /** Peak resident set size of the binary's process, measured by Node inside it. */
  readonly rssMb: number;
}

/** The built binary, spawned asynchronously so the server in this process keeps answering. */
function spawnCli(argv: string[]): Promise<Spawned> {
  const rssFile = join(dir, `rss-${argv[1]}-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", RSS_PRELOAD, builtCli(), ...argv], {
      env: { PATH: process.env.PATH, WINENROLL_BENCH_RSS: rssFile },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const kb = Number(readFileSync(rssFile, "utf8"));
      if (!(kb > 0)) reject(new Error(`no peak RSS was written to ${rssFile}`));
      resolve({ code: code ?? -1, stdout, stderr, rssMb: kb / 1024 });
    });
  });
}

const probe = (scenario: string, extra: string[] = []) =>
  spawnCli([
    "discover",
    `someone@${scenario}.example`,
    ...server.connectArgs(scenario),
    "--ca",
    server.caFile,
    ...extra,
  ]);

describe("discover from the built binary", () => {
  it("works with --connect-to and --ca", async () => {
    const ok = await probe("federated");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("✔ discoverable:");
    const fault = await probe("fault-devicecapreached", ["--json"]);
    expect(fault.code).toBe(1);
    expect(JSON.parse(fault.stdout).errors).toContain("menroll-e-devicecapreached");
  });

  it("reads no more than the limit of a 50 MB body: peak RSS stays far below the body", async () => {
    // Time enough to read all 50 MB, so a reader that buffers them shows in the peak.
    const huge = await probe("huge", ["--timeout", "20s", "--json"]);
    const baseline = await probe("federated", ["--timeout", "20s", "--json"]);
    // A buffered read would add at least the body's 50 MB to the peak.
    expect(huge.rssMb - baseline.rssMb).toBeLessThan(HUGE_BYTES / 1024 / 1024 / 5);
    expect(huge.code).toBe(1);
    const report: DiscoveryReport = JSON.parse(huge.stdout);
    expect(report.diagnostics.map((d) => d.code)).toContain("response-too-large");
    expect(baseline.code).toBe(0);
  }, 60_000);
});
