import { describe, expect, it } from "vitest";
import { parseDurationMs } from "./duration.js";

describe("parseDurationMs", () => {
  it("reads every unit, and a bare number as seconds", () => {
    expect(parseDurationMs("500ms")).toBe(500);
    expect(parseDurationMs("10s")).toBe(10_000);
    expect(parseDurationMs("90m")).toBe(5_400_000);
    expect(parseDurationMs("1h")).toBe(3_600_000);
    expect(parseDurationMs("7d")).toBe(604_800_000);
    expect(parseDurationMs("2w")).toBe(1_209_600_000);
    expect(parseDurationMs("30")).toBe(30_000);
    expect(parseDurationMs(" 12H ")).toBe(43_200_000);
  });

  it("refuses what is not one whole number and one unit, and zero", () => {
    for (const bad of ["", "1.5h", "7 days", "-1d", "0", "0ms", "d", "1h30m", "soon"])
      expect(parseDurationMs(bad), bad).toBeUndefined();
  });
});
