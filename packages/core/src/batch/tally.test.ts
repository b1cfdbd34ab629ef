import { describe, expect, it } from "vitest";
import { batchDiagnostic } from "./checks.js";
import type { BatchRowResult } from "./row.js";
import { BatchTally } from "./tally.js";

const now = new Date("2026-11-28T12:00:00Z");
const result = (ok: boolean, codes: Parameters<typeof batchDiagnostic>[0][]): BatchRowResult => ({
  line: 2,
  ok,
  ...(ok ? { link: "ms-device-enrollment:?mode=mdm" } : {}),
  params: {},
  values: {},
  extraFields: [],
  passThrough: [],
  diagnostics: codes.map((code) => batchDiagnostic(code, "m", "h")),
});

describe("BatchTally", () => {
  it("counts each row once: read, linked or rejected, errors and warnings by code, repeats", () => {
    const tally = new BatchTally();
    tally.count(result(true, []));
    tally.count(result(true, ["batch-duplicate-user", "batch-row-short"]));
    tally.count(result(false, ["batch-row-too-long", "batch-duplicate-user"]));
    tally.count(result(false, ["batch-mode-missing"]));
    const summary = tally.summary({ now });
    expect(summary).toMatchObject({
      ok: false,
      rowsRead: 4,
      linked: 2,
      rejected: 2,
      duplicates: 2,
      errors: { "batch-row-too-long": 1, "batch-mode-missing": 1 },
      warnings: { "batch-duplicate-user": 2, "batch-row-short": 1 },
    });
    expect(summary.token).toBeUndefined();
  });

  it("keeps each header finding once", () => {
    const tally = new BatchTally();
    const finding = batchDiagnostic("batch-column-ignored", "Column x is ignored.", "h");
    tally.header([finding]);
    tally.header([finding]);
    expect(tally.summary({ now }).header).toEqual([finding]);
    expect(tally.summary({ now }).ok).toBe(true);
  });
});
