import { describe, expect, it } from "vitest";
import type { Diagnostic } from "./diagnostic.js";
import { verdictOf } from "./step.js";

const said = (severity: Diagnostic["severity"]): Diagnostic => ({
  code: `x-${severity}`,
  severity,
  message: "x",
});

describe("verdictOf", () => {
  it("fails a step with any error, whatever else it found", () => {
    expect(verdictOf([said("info"), said("warning"), said("error")])).toBe("fail");
  });
  it("warns on a warning without an error", () => {
    expect(verdictOf([said("info"), said("warning")])).toBe("warn");
  });
  it("passes a step with nothing or only notes", () => {
    expect(verdictOf([])).toBe("pass");
    expect(verdictOf([said("info")])).toBe("pass");
  });
});
