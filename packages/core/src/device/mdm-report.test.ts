import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MdmReportError, parseMdmDiagReport } from "./mdm-report.js";

const xml = readFileSync(new URL("./fixtures/MDMDiagReport.xml", import.meta.url), "utf8");

describe("parseMdmDiagReport", () => {
  const report = parseMdmDiagReport(xml);

  it("reads the version, system information and sections", () => {
    expect(report.version).toBe("1.0");
    expect(report.system).toMatchObject({ DeviceName: "FAB-LT-0142", Edition: "Enterprise" });
    expect(report.sections).toContain("FutureSectionNobodyKnows");
  });

  it("merges an enrollment mentioned in two places (braces and case aside)", () => {
    expect(report.enrollments).toHaveLength(2);
    const intune = report.enrollments[0]!;
    expect(intune).toMatchObject({
      id: "{0F2B9C4E-7A31-4D8E-B6C5-91E0A3F7D214}",
      state: "1",
      type: "6",
      provider: "MS DM Server",
      upn: "alex@fabrikam.example",
      discoveryUrl: "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
    });
    expect(intune.from).toHaveLength(2);
    expect(intune.details.ServerLastSuccessTime).toBe("20261127T080212Z");
    expect(report.enrollments[1]).not.toHaveProperty("provider");
  });

  it("finds every error code, hex, decimal or in an attribute, and explains it", () => {
    expect(report.errors.map((e) => e.code)).toEqual(["0x80180014", "0x80070643", "0x801c0003"]);
    const first = report.errors[0]!;
    expect(first.path).toMatch(/ConnectionInformation\/LastSessionResult$/);
    expect(first.explanation.found).toBe(true);
  });

  it("says clearly when a file is not a report", () => {
    expect(() => parseMdmDiagReport("<html><body>MDM</body></html>")).toThrow(
      /not an MDM diagnostic report: the document is <html>/,
    );
    expect(() => parseMdmDiagReport("PK\u0003\u0004 binary")).toThrow(MdmReportError);
  });

  it("tolerates a report with no enrollments", () => {
    const empty = parseMdmDiagReport(
      "<MDMEnterpriseDiagnosticsReport><Other/></MDMEnterpriseDiagnosticsReport>",
    );
    expect(empty.enrollments).toEqual([]);
    expect(empty.errors).toEqual([]);
  });
});
