import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

const XML_PATH = fileURLToPath(
  new URL("../../../packages/core/src/device/fixtures/MDMDiagReport.xml", import.meta.url),
);
const xml = readFileSync(XML_PATH, "utf8");
const dir = mkdtempSync(join(tmpdir(), "winenroll-report-"));
const write = (name: string, data: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

describe("winenroll report", () => {
  it("reads MDMDiagReport.xml: enrollments and errors explained", async () => {
    const r = await run(["report", XML_PATH]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Enrollments (2)");
    expect(r.stdout).toContain("provider: MS DM Server");
    expect(r.stdout).toContain("UPN: alex@fabrikam.example");
    expect(r.stdout).toMatch(/0x80180014 MENROLL_E_DEVICENOTSUPPORTED: /);
    expect(r.stdout).toContain("Errors (3)");
  });

  it("--json prints core's report", async () => {
    const r = await run(["report", XML_PATH, "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out.enrollments[0].discoveryUrl).toBe(
      "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
    );
    expect(out.errors.map((e: { code: string }) => e.code)).toEqual([
      "0x80180014",
      "0x80070643",
      "0x801c0003",
    ]);
  });

  it("reads the report inside an exported zip, in place", async () => {
    const zip = write(
      "DeviceDiagnostics.zip",
      zipSync({
        "MDMDiagHtmlReport.html": strToU8("<html></html>"),
        "MdmDiagnostics/MDMDiagReport.xml": strToU8(xml),
      }),
    );
    const r = await run(["report", zip, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toBe("MdmDiagnostics/MDMDiagReport.xml");
    expect(out.enrollments).toHaveLength(2);
  });

  it("reads a UTF-16 report", async () => {
    const file = write(
      "utf16.xml",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]),
    );
    const r = await run(["report", file, "--json"]);
    expect(JSON.parse(r.stdout).enrollments).toHaveLength(2);
  });

  it("a zip without the report, and a file that is not one, are clear errors (exit 1)", async () => {
    const zip = write("other.zip", zipSync({ "readme.txt": strToU8("hi") }));
    const a = await run(["report", zip]);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain("holds no MDMDiagReport.xml");
    const b = await run(["report", write("page.html", "<html><body/></html>")]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain("not an MDM diagnostic report: the document is <html>");
  });

  it("a missing file is a usage error (exit 2)", async () => {
    const r = await run(["report", join(dir, "nope.xml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ENOENT");
  });
});
