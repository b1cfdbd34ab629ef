import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectScript } from "../src/collect/script.js";
import { COLLECTED_READINGS } from "../src/commands/collect.js";
import { run } from "./support/cli.js";
import { COLLECT_READ_ONLY_COMMANDS } from "./support/collect-commands.js";

const script = collectScript();
/** The script without its comments: what PowerShell would run. */
const code = script
  .split("\n")
  .filter((l) => !l.trimStart().startsWith("#"))
  .join("\n");

describe("the collection script", () => {
  it.each(COLLECTED_READINGS.filter((r) => r !== "dsregcmd /status"))(
    "reads %s into the readings",
    (name) => {
      expect(code).toMatch(new RegExp(`\\$readings\\.${name} = `));
    },
  );

  it.each([
    ["EditionID", /Read-Value \$cv 'EditionID'/],
    ["OperatingSystemSKU", /Win32_OperatingSystem\)\.OperatingSystemSKU/],
    ["UBR", /Read-Value \$cv 'UBR'/],
    ["DisplayVersion", /Read-Value \$cv 'DisplayVersion'/],
    [
      "administrator membership",
      /whoami \/groups \/fo csv \| Select-String -SimpleMatch 'S-1-5-32-544'/,
    ],
    ["elevation", /IsInRole\(\[Security\.Principal\.WindowsBuiltInRole\]::Administrator\)/],
    ["the built-in Administrator", /-match '\^S-1-5-21-\.\*-500\$'/],
    ["dsregcmd /status", /dsregcmd\.exe" \/status/],
    ["the Enrollments key", /HKLM:\\SOFTWARE\\Microsoft\\Enrollments/],
    ["the Configuration Manager client", /Get-Service -Name 'CcmExec'/],
    ["DisableRegistration", /\$mdmPolicy 'DisableRegistration'/],
    ["AutoEnrollMDM", /\$mdmPolicy 'AutoEnrollMDM'/],
    ["AllowManualMDMUnenrollment", /Experience' 'AllowManualMDMUnenrollment'/],
  ])("reads %s", (_, pattern) => {
    expect(code).toMatch(pattern);
  });

  it.each([
    ["the edition names", "Get-WindowsEdition"],
    ["the administrator SIDs", "Well-known SIDs"],
    ["the Configuration Manager service", "CCMEXEC"],
    ["the policy registry mirror", "PolicyManager\\current\\device"],
  ])("names the source of %s in the script", (_, text) => {
    const sources = script.split("\n").filter((l) => l.startsWith("# Source: "));
    expect(sources.some((l) => l.includes(text))).toBe(true);
  });

  it("leaves no source marker unfilled", () => {
    expect(script).not.toMatch(/__SOURCES_\w+__/);
  });

  it("says the Enrollments entries can be forged", () => {
    expect(script).toMatch(/can be forged/);
  });

  it("uses only commands that read", () => {
    const READ_ONLY = new Set(COLLECT_READ_ONLY_COMMANDS);
    const commands = new Set(code.match(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/g));
    for (const command of commands) expect(READ_ONLY, command).toContain(command);
    expect([...commands]).toContain("Get-ItemProperty");
  });

  it("contains nothing that writes or connects", () => {
    const forbidden = [
      /\b(Set|New-Item|Remove|Rename|Move|Copy|Clear|Add|Out-File|Export|Invoke|Start|Stop|Restart|Enable|Disable|Register|Install)-[A-Z]/,
      /\breg(\.exe)?\s+(add|delete|import|copy)/i,
      /\b(curl|wget|iwr|irm|iex|bitsadmin|certutil|deviceenroller|nslookup|ping)\b/i,
      /Net\.WebClient|Net\.Http|Sockets|WebRequest|DownloadString/i,
      /https?:\/\//i,
      /(^|[^-])>{1,2}\s*[\w$"']/m, // redirection into a file
      /\/(join|leave|debug|cleanupaccounts|forcerecovery)\b/i, // dsregcmd switches that change the device
    ];
    for (const pattern of forbidden) expect(code, String(pattern)).not.toMatch(pattern);
  });

  it("maps every EditionID from core's table, so script and rules agree", () => {
    expect(code).toMatch(/'Professional' = 'pro'/);
    expect(code).toMatch(/'CloudEdition' = 'se'/);
    expect(code).not.toContain("__EDITIONS__");
    expect(code).toContain("format = 'winenroll-device-state/1'");
  });

  it("is short and commented", () => {
    expect(script.split("\n").length).toBeLessThan(150);
    expect(script.split("\n").filter((l) => l.trimStart().startsWith("#")).length).toBeGreaterThan(
      10,
    );
  });
});

describe("winenroll collect", () => {
  it("prints the script on stdout and how to run it on stderr", async () => {
    const r = await run(["collect"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).toBe(script.trimEnd());
    expect(r.stderr).toMatch(/check --state device\.json/);
  });

  it("--json prints one object with the script and what it reads", async () => {
    const r = await run(["collect", "--json"]);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe("winenroll-device-state/1");
    expect(out.reads).toContain("AllowManualMDMUnenrollment");
    expect(out.script).toBe(script);
  });

  it("rejects an unknown flag with exit 2", async () => {
    expect((await run(["collect", "--out", "x"])).code).toBe(2);
  });
});

const FIXTURE = fileURLToPath(new URL("./fixtures/collected-device.json", import.meta.url));

describe("check --state reads what the script prints", () => {
  it("accepts a document of the script's exact shape, dsregcmd included", async () => {
    const r = await run(["check", "--state", FIXTURE, "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.methods).toHaveLength(4);
    // Script facts and dsregcmd facts (hybrid joined) together, each with its origin.
    expect(out.provenance.edition).toMatchObject({ kind: "registry" });
    expect(out.provenance.joined).toMatchObject({ kind: "dsregcmd" });
    expect(out.provenance.joined.detail).toMatch(/Device State, line \d+: AzureAdJoined : YES/);
    expect(out.provenance.managedBy.detail).toMatch(/CcmExec/);
  });

  it("reads a UTF-16 file, as Windows PowerShell's > writes it", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "winenroll-collect-")), "device.json");
    const text = readFileSync(FIXTURE, "utf8");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const r = await run(["check", "--state", file, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).provenance.release.detail).toMatch(/UBR = 4460/);
  });

  it("a flag overrides the collected fact, and says so", async () => {
    const r = await run(["check", "--state", FIXTURE, "--account", "standard"]);
    expect(r.stdout).toMatch(/ {2}Account: user \(command-line flag\)/);
    expect(r.stdout).toMatch(/ {2}Edition: registry \(EditionID = Enterprise/);
  });
});
