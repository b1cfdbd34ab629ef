import { describe, expect, it } from "vitest";
import { formatEnrollmentAnchor, quotePowerShell } from "./anchor.js";
import { inspectEnrollmentLink } from "./inspect.js";

describe("the PowerShell format", () => {
  it("single-quotes the link after Start-Process", () => {
    expect(formatEnrollmentAnchor("ms-device-enrollment:?mode=mdm&a=$b", "powershell", "")).toBe(
      "Start-Process 'ms-device-enrollment:?mode=mdm&a=$b'",
    );
  });

  it("doubles every quote PowerShell ends a single-quoted string at, and nothing else", () => {
    expect(quotePowerShell('o\'brien \u2018x\u2019 \u201Ay\u201B $(z) `n & "w"')).toBe(
      "'o''brien \u2018\u2018x\u2019\u2019 \u201A\u201Ay\u201B\u201B $(z) `n & \"w\"'",
    );
  });

  it("is read back by the inspector, doubled quotes undone", () => {
    const link = "ms-device-enrollment:?mode=mdm&username=o'brien@example.com";
    const inspection = inspectEnrollmentLink(formatEnrollmentAnchor(link, "powershell", ""));
    expect(inspection.params.username).toBe("o'brien@example.com");
    expect(inspection.unwrapped).toContain("undid the doubled single quotes of PowerShell");
  });
});
