import type { DiscoveryReport } from "@winenroll/core/discovery";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./support/cli.js";
import { type DiscoveryServer, FAULTS, startDiscoveryServer } from "./support/discovery-server.js";

let server: DiscoveryServer;

beforeAll(async () => {
  server = await startDiscoveryServer();
});
afterAll(async () => {
  await server?.close();
});

/**
 * The CLI's --timeout: 1 s where the case is about a server that stalls (the run must end at the
 * timeout, and say so), and long enough elsewhere that a loaded machine cannot turn a refused
 * answer into a timeout.
 */
const STALL_TIMEOUT = "1s";
const ANSWER_TIMEOUT = "30s";

interface Outcome {
  code: number;
  json: DiscoveryReport;
  stderr: string;
  heapDeltaMb: number;
}

/** Probes a hostile scenario in process and measures heap growth. */
async function discover(
  scenario: string,
  extra: string[] = [],
  timeout = ANSWER_TIMEOUT,
): Promise<Outcome> {
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const result = await run([
    "discover",
    `someone@${scenario}.example`,
    ...server.connectArgs(scenario),
    "--ca",
    server.caFile,
    "--timeout",
    timeout,
    "--json",
    ...extra,
  ]);
  const heapDeltaMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  return {
    code: result.code,
    json: JSON.parse(result.stdout),
    stderr: result.stderr,
    heapDeltaMb,
  };
}

const codes = (json: DiscoveryReport) => json.diagnostics.map((d) => d.code);
const errorOf = (json: DiscoveryReport, code: string) =>
  json.diagnostics.find((d) => d.code === code && d.severity === "error");

// How long each run takes is measured by bench/discover-hostile.mjs, not asserted here: a test
// under load must not fail for being slow. That each run ends at all is what the timeout shows.
/** Heap growth allowed for one probe: the 64 KiB body limit and the report, never the 50 MB body. */
const HEAP_CEILING_MB = 16;

interface Case {
  scenario: string;
  title: string;
  /** The diagnostic (severity error) the run must carry. */
  expect: string;
  /** Words the message or hint must contain. */
  says?: RegExp;
  extra?: string[];
}

const CASES: Case[] = [
  { scenario: "silent", title: "no answer", expect: "timeout", says: /within 1s/ },
  { scenario: "slowheaders", title: "slow headers", expect: "timeout", says: /within 1s/ },
  { scenario: "trickle", title: "body a byte at a time", expect: "timeout", says: /within 1s/ },
  { scenario: "huge", title: "50 MB body", expect: "response-too-large", says: /65536 bytes/ },
  {
    scenario: "chunked",
    title: "chunked response",
    expect: "chunked-response",
    says: /Content-Length/,
  },
  {
    scenario: "laughs",
    title: "DOCTYPE with entity expansion",
    expect: "invalid-response",
    says: /document type declarations are refused/,
  },
  { scenario: "malformed", title: "malformed XML", expect: "invalid-response" },
  {
    scenario: "login",
    title: "HTML login page with 200",
    expect: "wrong-content-type",
    says: /text\/html/,
  },
  { scenario: "tohttp", title: "302 to HTTP", expect: "redirect-to-http", says: /plain HTTP/ },
  { scenario: "redirectloop", title: "redirect loop", expect: "too-many-redirects" },
  {
    scenario: "otherhost",
    title: "redirect to another host",
    expect: "tls-name-mismatch",
    says: /login\.elsewhere\.example/,
    extra: ["--connect-to", "login.elsewhere.example:443:127.0.0.1:PORT"],
  },
  {
    scenario: "untrusted",
    title: "self-signed certificate",
    expect: "tls-untrusted",
    says: /SELF_SIGNED/,
  },
  {
    scenario: "expired",
    title: "expired certificate",
    expect: "tls-certificate-expired",
    says: /2020-01-02/,
  },
  { scenario: "wrongname", title: "certificate for another name", expect: "tls-name-mismatch" },
  ...FAULTS.map((f) => ({
    scenario: `fault-${f.value.toLowerCase()}`,
    title: `SOAP fault ${f.value}`,
    expect: "soap-fault",
    says: new RegExp(f.value),
  })),
  { scenario: "empty", title: "empty 200", expect: "empty-response", says: /0x80180029/ },
  { scenario: "status500", title: "HTTP 500", expect: "get-status", says: /HTTP 500/ },
  {
    scenario: "status429",
    title: "429 with Retry-After",
    expect: "get-status",
    says: /Retry-After: 120/,
  },
];

describe("discover against hostile servers", () => {
  it.each(CASES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    const extra = (c.extra ?? []).map((a) => a.replace("PORT", String(server.port)));
    const o = await discover(
      c.scenario,
      extra,
      c.expect === "timeout" ? STALL_TIMEOUT : ANSWER_TIMEOUT,
    );
    expect(o.code).toBe(1);
    expect(o.json.verdict).toBe("not-discoverable");
    const hit = errorOf(o.json, c.expect);
    expect(hit, `${c.scenario}: ${codes(o.json).join(", ")}`).toBeDefined();
    if (c.says) expect(`${hit!.message} ${hit!.hint ?? ""}`).toMatch(c.says);
    // Every error tells the admin what to do.
    for (const d of o.json.diagnostics.filter((d) => d.severity === "error"))
      expect(d.hint, `${c.scenario}: ${d.code} has no hint`).toMatch(/\w/);
    expect(o.heapDeltaMb).toBeLessThan(HEAP_CEILING_MB);
  });

  it("the redirect to another host is followed and reported before it fails there", async () => {
    const o = await discover("otherhost", [
      "--connect-to",
      `login.elsewhere.example:443:127.0.0.1:${server.port}`,
    ]);
    const followed = o.json.diagnostics.find((d) => d.code === "redirect-followed");
    expect(followed?.message).toContain("login.elsewhere.example");
  });
});
