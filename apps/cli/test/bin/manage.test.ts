import type { ManagementReport } from "@winenroll/core/management";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, run, spawnCliAsync } from "../support/cli.js";
import {
  DEVICE_TREE,
  HOSTILE_SCENARIOS,
  type ManagementServer,
  SERVER_COMMANDS,
  startManagementServer,
} from "../support/management-server.js";

let server: ManagementServer;

beforeAll(async () => {
  server = await startManagementServer();
});
afterAll(async () => {
  await server?.close();
});

/** `manage` against a scenario, with the test CA, the device's certificate and the tree it needs. */
function args(scenario: string, port?: number): string[] {
  return [
    "manage",
    server.url(scenario),
    "--cert",
    server.certFile,
    "--key",
    server.keyFile,
    ...server.connectArgs(port),
    "--ca",
    server.caFile,
    "--device-tree",
    JSON.stringify(DEVICE_TREE),
  ];
}

async function manage(
  scenario: string,
  extra: string[] = [],
  port?: number,
): Promise<CliResult & { json: ManagementReport }> {
  const result = await run([...args(scenario, port), "--json", ...extra]);
  return { ...result, json: JSON.parse(result.stdout) };
}

describe("manage against a loopback OMA-DM endpoint that requires the client certificate", () => {
  it("passes a clean session, and every server command got the right Status", async () => {
    const { code, json, stderr } = await manage("clean");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.steps.map((s) => [s.id, s.verdict])).toEqual([["management", "pass"]]);
    expect(json.management.rounds).toBe(2);
    expect(json.management.commands).toEqual(
      SERVER_COMMANDS.map((c) => ({
        cmd: c.cmd,
        target: c.target ?? null,
        status: Number(c.status),
      })),
    );
    // What the server received, read with its own code: a Status per command, with the right code.
    const received = server.statuses("clean");
    for (const c of SERVER_COMMANDS) expect(received.get(c.cmdId)).toEqual([c.cmd, c.status]);
    expect(received.get("0")).toEqual(["SyncHdr", "200"]);
    expect(server.results("clean").get("./DevInfo/Man")).toBe("winenroll");
  });

  it("prints the session with --trace on stderr and a human report on stdout", async () => {
    const result = await run([...args("clean"), "--trace"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("round 1: device → server");
    expect(result.stderr).toContain("<Data>1201</Data>");
    expect(result.stderr).toContain("round 2: server → device");
    expect(result.stdout).toContain("✔ managed:");
    expect(result.stdout).toMatch(/Replace\s+\.\/DevInfo\/Lang\s+405/);
  });

  it("fails the management step when the server refuses the certificate", async () => {
    const { code, json } = await manage("clean", [], server.refusingPort);
    expect(code).toBe(1);
    expect(json.steps[0].verdict).toBe("fail");
    expect(json.diagnostics.map((d) => d.code)).toContain("client-certificate-refused");
  });

  it.each(Object.entries(HOSTILE_SCENARIOS))(
    "fails the management step against %s with %s",
    async (scenario, expected) => {
      const { code, json } = await manage(scenario, ["--max-rounds", "3"]);
      expect(code).toBe(1);
      expect(json.ok).toBe(false);
      expect(json.steps[0].verdict).toBe("fail");
      const diagnostic = json.diagnostics.find((d) => d.code === expected);
      expect(diagnostic?.severity).toBe("error");
      expect(diagnostic?.message).toBeTruthy();
      expect(diagnostic?.source).toMatch(/MS-MDM|Microsoft/);
    },
  );

  it("works from the built binary (run `pnpm --filter winenroll build` first)", async () => {
    const result = await spawnCliAsync([...args("clean"), "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).management.commands).toHaveLength(SERVER_COMMANDS.length);
  });

  it("is a usage error (exit 2) without readable PEM files", async () => {
    const result = await run([
      "manage",
      server.url("clean"),
      "--cert",
      "/nonexistent.pem",
      "--key",
      server.keyFile,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--cert");
    const tree = await run([
      "manage",
      server.url("clean"),
      "--cert",
      server.certFile,
      "--key",
      server.keyFile,
      "--device-tree",
      '{"Vendor": 1}',
    ]);
    expect(tree.code).toBe(2);
  });
});
