import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

const CLEAN = [
  "--edition",
  "pro",
  "--release",
  "22H2",
  "--account",
  "admin",
  "--joined",
  "none",
  "--no-work-account",
  "--managed",
  "none",
  "--auto-enrollment",
];

describe("check", () => {
  it("prints the four methods with their verdicts", async () => {
    const r = await run(["check", ...CLEAN]);
    expect(r.code).toBe(0);
    for (const name of [
      "Join Active Directory",
      "Join Microsoft Entra ID",
      "Add a work or school account",
      "Enroll only in device management",
    ]) {
      expect(r.stdout).toContain(name);
    }
    expect(r.stdout).toContain("Join Microsoft Entra ID (entra-join): available");
  });

  it("shows Windows' message and the remedy for a standard user", async () => {
    const r = await run(["check", ...CLEAN, "--account", "standard", "--method", "mdm-only"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Windows shows: "You don’t have the right privileges to perform this operation. Please talk to your admin."',
    );
    expect(r.stdout).toContain("Remedy: Sign in with an administrator account");
    expect(r.stdout).not.toContain("Join Active Directory");
  });

  it("labels a situation as the source's description, never as Windows' words (issue 13, item 2)", async () => {
    const r = await run(["check", ...CLEAN, "--account", "standard", "--method", "ad-join"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'Situation the source describes (not text on screen): "You are logged in as a standard user."',
    );
    expect(r.stdout).not.toContain('Windows shows: "You are logged in as a standard user."');
  });

  it("refuses Active Directory join from OOBE and sends the person to Settings (issue 13, item 1)", async () => {
    const r = await run(["check", ...CLEAN, "--from", "oobe", "--method", "ad-join"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Join Active Directory (ad-join): blocked");
    expect(r.stdout).toMatch(/Remedy: .*local account.*Settings/);
  });

  it("lets 1511 enroll in MDM from Settings; the 14393.82 gate is 1607's (issue 13, item 3)", async () => {
    const facts = CLEAN.map((a) => (a === "22H2" ? "1511" : a));
    const r = await run(["check", ...facts, "--from", "settings", "--method", "mdm-only"]);
    expect(r.stdout).not.toContain("(mdm-only): blocked");
    expect(r.stdout).toContain("Ways in: settings available");
    const early = CLEAN.map((a) => (a === "22H2" ? "14393.10" : a));
    const blocked = await run(["check", ...early, "--from", "settings", "--method", "mdm-only"]);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain("Enroll only in device management (mdm-only): blocked");
    expect(blocked.stdout).toMatch(/Ways in: settings blocked, deep-link (available|depends)/);
  });

  it("exits 0 for an available method and 1 when it depends", async () => {
    expect((await run(["check", ...CLEAN, "--method", "ad-join"])).code).toBe(0);
    expect((await run(["check", ...CLEAN, "--method", "awa"])).stdout).toContain(
      "Depends on User found in the tenant (--user-found): no blocks it (byod-user-not-found)",
    );
    const depends = await run(["check", "--edition", "pro", "--method", "mdm"]);
    expect(depends.code).toBe(1);
    expect(depends.stdout).toContain("depends");
    expect(depends.stdout).toContain(
      "Depends on Account (--account): standard blocks it (byod-standard-user)",
    );
  });

  it("prints core's result with --json", async () => {
    const r = await run(["check", "--edition", "home", "--json"]);
    const json = JSON.parse(r.stdout);
    expect(json.state).toEqual({ edition: "home" });
    const ad = json.methods.find((m: { method: string }) => m.method === "ad-join");
    expect(ad.verdict).toBe("blocked");
    expect(ad.blockedBy[0].situation).toBe("Your device is running Windows 10 Home.");
    expect(ad.blockedBy[0].message).toBeUndefined();
    const mdm = json.methods.find((m: { method: string }) => m.method === "mdm-only");
    expect(mdm.caveats[0].conflicts[0].source.doc).toBe("intune-user-not-authorized");
  });

  it("reads --state from a file and from stdin, flags overriding", async () => {
    const dir = mkdtempSync(join(tmpdir(), "winenroll-check-"));
    const file = join(dir, "state.json");
    writeFileSync(
      file,
      JSON.stringify({ edition: "pro", account: "standard", tenant: { userFound: false } }),
    );
    const fromFile = JSON.parse((await run(["check", "--state", file, "--json"])).stdout);
    expect(fromFile.state.account).toBe("standard");
    const fromStdin = await run(["check", "--state", "-", "--account", "admin", "--json"], {
      stdin: '{"joined":"entra"}',
    });
    expect(JSON.parse(fromStdin.stdout).state).toEqual({ joined: "entra", account: "admin" });
  });

  it.each([
    [["--edition", "ultimate"], "Allowed choices are home, pro"],
    [["--account", "root"], "Allowed choices are admin, standard, builtin-admin"],
    [["--joined", "workgroup"], "Allowed choices are none, ad, hybrid, entra"],
    [["--browser", "firefox"], "Allowed choices are edge, internet-explorer, other"],
    [["--sign-in", "saml"], "Allowed choices are managed, federated"],
    [["--form-factor", "tablet"], "Allowed choices are desktop, mobile"],
    [["--release", "22H2", "--build", "19045"], "cannot be used with option"],
    [["--managed", "gpo"], "Allowed choices are none, mdm, configmgr"],
    [["--from", "email"], "Allowed choices are oobe, settings, deep-link, app"],
    [["--method", "byod"], "Allowed choices are ad-join"],
    [["--release", "XP"], "use a version name (1709, 22H2)"],
    [["--build", "abc"], "use a version name"],
  ])("rejects %j with one line saying what is accepted, exit 2", async (args, accepted) => {
    const r = await run(["check", ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(accepted);
    expect(r.stdout).toBe("");
  });

  it("rejects a bad --state with what is accepted", async () => {
    const r = await run(["check", "--state", "-"], { stdin: '{"account":"root"}' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'account: "root" is not accepted; use admin, standard, builtin-admin.',
    );
  });

  it("starts its help with examples", async () => {
    const r = await run(["check", "--help"]);
    expect(r.stdout.trimStart()).toMatch(/^Examples:|^Usage/);
    expect(r.stdout).toContain("winenroll check --account standard --method mdm-only");
  });
});

describe("releases", () => {
  it("lists releases with what each lacks", async () => {
    const r = await run(["releases"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Windows 10, version 1607\s+14393\s+.*deep-link-awa-aadj-before-1709/);
    expect(r.stdout).toContain("Windows 11, version 25H2 *");
  });
  it("prints JSON", async () => {
    const json = JSON.parse((await run(["releases", "--json"])).stdout);
    const r1511 = json.releases.find(
      (r: { release: { version: string } }) => r.release.version === "1511",
    );
    expect(r1511.lacks.map((l: { rule: string }) => l.rule)).toContain("deep-link-before-1607");
  });
});
