import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAULTS } from "./support/discovery-server.js";
import { enrollJson, failedStep } from "./support/enroll-run.js";
import { type EnrollmentServer, startEnrollmentServer } from "./support/enrollment-server.js";

/**
 * Issue 15, hostile servers: each misbehaves in one way, and `enroll` must fail at the step where
 * Windows would, with the catalog entry Windows would report.
 */

let server: EnrollmentServer;

beforeAll(async () => {
  server = await startEnrollmentServer();
});
afterAll(async () => {
  await server?.close();
});

/** scenario, the step that fails, the check that fires there, the catalog entry Windows reports. */
const HOSTILE: readonly [string, string, string, string | undefined][] = [
  ["noclientauth", "certificate", "CHECK", "ERROR"],
  ["otherkey", "certificate", "CHECK", "ERROR"],
  ["noroot", "certificate", "CHECK", "ERROR"],
  ["httpaddr", "provisioning", "CHECK", "ERROR"],
  ["brokenbase64", "enrollment", "CHECK", "ERROR"],
  ["chunked", "enrollment", "CHECK", "ERROR"],
  ["wrongtype", "enrollment", "CHECK", "ERROR"],
  ["huge", "enrollment", "CHECK", "ERROR"],
  ["slow", "enrollment", "CHECK", "ERROR"],
  ["plainhttp", "enrollment", "CHECK", "ERROR"],
  ["untrusted", "policies", "CHECK", "ERROR"],
];

describe("enroll against hostile servers", () => {
  it.each(HOSTILE)("%s fails at %s with %s (%s)", async (scenario, step, check, error) => {
    const { code, json } = await enrollJson(server, scenario, ["--timeout", "4s"]);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(failedStep(json)).toBe(step);
    const failed = json.steps.find((s) => s.id === step)!;
    expect(failed.diagnostics.map((d) => d.code)).toContain(check);
    if (error) expect(json.errors).toContain(error);
    const after = json.steps.slice(json.steps.indexOf(failed) + 1);
    expect(after.every((s) => s.verdict === "skipped")).toBe(true);
  });

  it.each(FAULTS.map((f) => [f.value, f.expect] as const))(
    "the %s fault fails the enrollment step as %s",
    async (value, expected) => {
      const { code, json } = await enrollJson(server, `fault-${value.toLowerCase()}`);
      expect(code).toBe(1);
      expect(failedStep(json)).toBe("enrollment");
      expect(json.errors[0]).toBe(expected);
    },
  );
});
