import type { DiscoveryReport } from "@winenroll/core/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, run } from "./support/cli.js";
import { type DiscoveryServer, FAULTS, startDiscoveryServer } from "./support/discovery-server.js";

let server: DiscoveryServer;

beforeAll(async () => {
  server = await startDiscoveryServer();
});
afterAll(async () => {
  await server?.close();
});

/** Probes a scenario of the loopback server through the CLI, in process. */
async function discover(
  scenario: string,
  extra: string[] = [],
  port?: number,
): Promise<CliResult & { json: DiscoveryReport }> {
  const result = await run([
    "discover",
    `someone@${scenario}.example`,
    ...server.connectArgs(scenario, port),
    "--ca",
    server.caFile,
    "--json",
    ...extra,
  ]);
  return { ...result, json: JSON.parse(result.stdout) };
}

function codes(json: DiscoveryReport): string[] {
  return json.diagnostics.map((d) => d.code);
}

describe("discover against a loopback HTTPS discovery server", () => {
  it.each([
    ["federated", "Federated"],
    ["onpremise", "OnPremise"],
  ])("passes the MS-MDE2 %s sample", async (scenario, policy) => {
    const { code, json } = await discover(scenario);
    expect(code).toBe(0);
    expect(json.verdict).toBe("discoverable");
    expect(json.result?.authPolicy).toBe(policy);
    expect(json.steps.map((s) => s.verdict)).toEqual(["pass", "pass", "pass", "pass"]);
    expect(json.steps[0]!.summary).toContain(`127.0.0.1:${server.port}`);
    expect(json.steps[1]!.details).toContainEqual({
      label: "issuer",
      value: "CN=winenroll test CA",
    });
  });

  it("passes the certificate sample when Certificate is offered, fails it when not", async () => {
    const offered = await discover("certificate", [
      "--auth-policy",
      "OnPremise,Federated,Certificate",
    ]);
    expect(offered.code).toBe(0);
    const notOffered = await discover("certificate");
    expect(notOffered.code).toBe(1);
    expect(codes(notOffered.json)).toContain("auth-policy-not-offered");
  });

  it("fails a federated answer at a version above the request", async () => {
    const { code, json } = await discover("federated", ["--request-version", "4.0"]);
    expect(code).toBe(1);
    expect(codes(json)).toContain("enrollment-version-too-high");
  });

  it.each(FAULTS.map((f) => [f.value, f.expect] as const))(
    "maps the %s fault to its catalog entry",
    async (value, expected) => {
      const { code, json } = await discover(`fault-${value.toLowerCase()}`);
      expect(code).toBe(1);
      expect(json.verdict).toBe("not-discoverable");
      expect(json.fault?.errors).toEqual([expected]);
      expect(json.errors).toContain(expected);
      expect(codes(json)).toContain("soap-fault");
    },
  );

  it.each([
    ["chunked", "chunked-response"],
    ["empty", "empty-response"],
    ["wrongtype", "wrong-content-type"],
    ["notfound", "get-status"],
    ["tohttp", "redirect-to-http"],
  ])("fails the %s server with %s", async (scenario, expected) => {
    const { code, json } = await discover(scenario);
    expect(code).toBe(1);
    expect(codes(json)).toContain(expected);
  });

  it("fails a certificate the device would not trust, and one for another name", async () => {
    const untrusted = await discover("untrusted");
    expect(untrusted.code).toBe(1);
    expect(codes(untrusted.json)).toContain("tls-untrusted");
    const wrongName = await discover("wrongname");
    expect(wrongName.code).toBe(1);
    expect(codes(wrongName.json)).toContain("tls-name-mismatch");
    expect(codes(wrongName.json)).not.toContain("tls-untrusted");
  });

  it("follows the HTTP fallback's redirect after HTTPS fails, warning that the user is asked", async () => {
    const { code, json } = await discover("httpredirect", [
      "--connect-to",
      server.connectTo("federated"),
    ]);
    expect(code).toBe(0);
    expect(codes(json)).toEqual(
      expect.arrayContaining(["tls-untrusted", "http-fallback-redirect"]),
    );
    expect(json.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(json.steps[1]!.verdict).toBe("warn");
    expect(json.result?.authPolicy).toBe("Federated");
  });

  it("fails without --ca: the test CA is not a trusted root", async () => {
    const result = await run([
      "discover",
      "someone@federated.example",
      ...server.connectArgs("federated"),
      "--json",
    ]);
    expect(result.code).toBe(1);
    expect(codes(JSON.parse(result.stdout))).toContain("tls-untrusted");
  });

  it("ends at the timeout when the server accepts but never answers the GET", async () => {
    const { code, json } = await discover("silent", ["--timeout", "700ms"]);
    expect(code).toBe(1);
    expect(codes(json)).toContain("timeout");
    expect(json.steps[1]!.verdict).toBe("fail");
    expect(json.summary).toMatch(/GET failed/);
  });

  it("ends at the timeout when nothing ever answers the connection", async () => {
    const { code, json } = await discover(
      "federated",
      ["--timeout", "600ms"],
      server.blackholePort,
    );
    expect(code).toBe(1);
    expect(json.diagnostics.find((d) => d.code === "timeout")!.message).toMatch(
      /no connection within 0\.6s/,
    );
  });

  it("reads --timeout with core's duration parser, as --token-ttl does (1h)", async () => {
    const { code, json } = await discover("federated", ["--timeout", "1h"]);
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
  });

  it("prints a step-by-step report without --json", async () => {
    const result = await run([
      "discover",
      "someone@empty.example",
      ...server.connectArgs("empty"),
      "--ca",
      server.caFile,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✔ DNS .*\n/);
    expect(result.stdout).toMatch(/✔ GET .*HTTP 200/);
    expect(result.stdout).toMatch(/✖ POST Discover .*HTTP 200, 0 bytes/);
    expect(result.stdout).toContain("empty-response");
    expect(result.stdout).toContain("✖ not discoverable:");
    expect(result.stderr).toContain("… POST");
  });

  it.each([
    [["--timeout", "soon"], '--timeout "soon" is not a duration'],
    [["--timeout", "2h"], "--timeout 2h is out of range"],
    [["--auth-policy", "Kerberos"], "accepted: OnPremise, Federated, Certificate"],
    [["--connect-to", "a:b"], "HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT"],
    [["--ca", "/nonexistent/ca.pem"], "cannot read --ca"],
    [["--request-version", "8.0"], "Allowed choices"],
  ])("exits 2 for a bad flag %j", async (flags, message) => {
    const result = await run(["discover", "someone@contoso.example", ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("exits 2 for a target with no domain", async () => {
    const result = await run(["discover", "CONTOSO\\someone"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("domain\\user");
  });
});
