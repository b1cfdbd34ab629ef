import { describe, expect, it } from "vitest";
import { BATCH_CHECKS, batchDiagnostic } from "./checks.js";

describe("BATCH_CHECKS", () => {
  it("has one entry per code, all kebab-case and prefixed batch-", () => {
    const codes = BATCH_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^batch-[a-z]+(-[a-z]+)*$/);
  });

  it("gives diagnostics their severity and source from the table", () => {
    expect(batchDiagnostic("batch-row-too-long", "m", "h")).toEqual({
      code: "batch-row-too-long",
      severity: "error",
      message: "m",
      hint: "h",
      source:
        "RFC 4180: Common Format and MIME Type for Comma-Separated Values (CSV) Files, §2.4: each line should contain the same number of fields",
    });
    expect(batchDiagnostic("batch-duplicate-user", "m", "h", "username")).toEqual({
      code: "batch-duplicate-user",
      severity: "warning",
      message: "m",
      hint: "h",
      param: "username",
    });
  });
});
