import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "../support/cli.js";

/**
 * Each command once as the built binary (dist/cli.js, which bundles built core), as users run it:
 * what the in-process tests beside test/ check in depth, here shown to hold in the shipped bundle.
 */

const deviceFixture = (name: string) =>
  fileURLToPath(new URL(`../../../../packages/core/src/device/fixtures/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "winenroll-bin-"));
const at = (name: string) => join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the built binary", () => {
  it("builds a link as a separate process", () => {
    const result = spawnCli(["link", "build", "--mode", "mdm"]);
    expect(result).toMatchObject({ code: 0, stdout: "ms-device-enrollment:?mode=mdm\n" });
  });

  it("prints its version", () => {
    expect(spawnCli(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("inspects a link piped in, exit 1 for a bad one", () => {
    const result = spawnCli(["link", "inspect", "-"], {
      stdin: "ms-device-enrollment://?mode=mdm",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("scheme-invalid");
  });

  it("with stdin not a terminal and empty, answers at once instead of waiting", () => {
    const result = spawnCli(["link", "inspect", "-"], { stdin: "" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no link given");
  });

  it("prints usage errors without a stack trace", () => {
    const result = spawnCli(["explain"]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split("\n").length).toBeLessThanOrEqual(3);
  });

  it("checks a method", () => {
    const r = spawnCli(["check", "--account", "standard", "--method", "mdm-only", "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).methods[0].verdict).toBe("blocked");
  });

  it("reads a saved dsregcmd output", () => {
    const r = spawnCli(["check", "--dsregcmd", deviceFixture("hybrid-joined.txt"), "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // A hybrid join is the device's; the user's work account comes from WorkplaceJoined alone.
    expect(out.state).toMatchObject({ joined: "hybrid", workAccount: false });
    expect(out.provenance.workAccount.detail).toMatch(/WorkplaceJoined : NO/);
  });

  it("reads what the collection script prints, and prints the script", () => {
    const state = fileURLToPath(new URL("../fixtures/collected-device.json", import.meta.url));
    const r = spawnCli(["check", "--state", state, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).provenance.joined.kind).toBe("dsregcmd");
    const script = spawnCli(["collect"]);
    expect(script.code).toBe(0);
    expect(script.stdout).toContain("dsregcmd.exe");
  });

  it("lists the releases", () => {
    const r = spawnCli(["releases", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).releases).toHaveLength(19);
  });

  it("explains a code, exit 1 for an unknown one", () => {
    const result = spawnCli(["explain", "0x8018000a"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("MENROLL_E_DEVICE_ALREADY_ENROLLED");
    expect(result.stdout).toContain("Workplace Join");
    expect(spawnCli(["explain", "0xDEADBEEF"]).code).toBe(1);
  });

  it("prints a completion script, exit 2 for an unknown shell", () => {
    const result = spawnCli(["completion", "pwsh"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Register-ArgumentCompleter");
    const bad = spawnCli(["completion", "ksh"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("reads an MDM diagnostic report inside a zip", () => {
    const xml = readFileSync(deviceFixture("MDMDiagReport.xml"), "utf8");
    writeFileSync(at("report.zip"), zipSync({ "MDMDiagReport.xml": strToU8(xml) }));
    const r = spawnCli(["report", at("report.zip")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Enrollments (2)");
  });

  it("refuses a batch output under a file with exit 2 and no stack trace", () => {
    writeFileSync(at("users.csv"), "email\nsomeone@example.com\n");
    const result = spawnCli([
      "link",
      "batch",
      at("users.csv"),
      "--mode",
      "mdm",
      "--output",
      join(at("users.csv"), "x.csv"),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: cannot write output .*is a file, not a folder\nhint: /);
    expect(result.stderr).not.toContain("ENOTDIR");
  });

  it("masks an access token in inspect output, and keeps a bad key to itself", () => {
    const payload = Buffer.from(JSON.stringify({ exp: 9_999_999_999 })).toString("base64url");
    const token = `eyJhbGciOiJIUzI1NiJ9.${payload}.U0VDUkVUU0lHTkFUVVJFMDEyMzQ1Ng`;
    const inspect = spawnCli([
      "--debug",
      "link",
      "inspect",
      `ms-device-enrollment:?mode=mdm&username=someone@example.com&accesstoken=${token}`,
    ]);
    expect(inspect.code).toBe(0);
    expect(inspect.stdout + inspect.stderr).not.toContain(payload);
    writeFileSync(at("users.csv"), "email\nsomeone@example.com\n");
    writeFileSync(
      at("old-garbage.pem"),
      "-----BEGIN EC PRIVATE KEY-----\nKEYMATERIALnotbase64KEYMATERIAL\n-----END EC PRIVATE KEY-----\n",
    );
    const bad = spawnCli([
      "--debug",
      "link",
      "batch",
      at("users.csv"),
      "--mode",
      "mdm",
      "--sign-tokens",
      "--token-key",
      at("old-garbage.pem"),
      "--output",
      at("signed.csv"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stdout + bad.stderr).not.toContain("KEYMATERIAL");
  });
});
