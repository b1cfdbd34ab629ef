import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../packages/core/src/device/fixtures/${name}`, import.meta.url));

describe("check --dsregcmd", () => {
  it("reads join and tenant facts from dsregcmd, and says where each came from", async () => {
    const r = await run(["check", "--dsregcmd", fixture("entra-joined.txt"), "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.provenance.joined.detail).toMatch(/^Device State, line 5: AzureAdJoined : YES/);
    expect(out.provenance["tenant.autoEnrollment"].detail).toMatch(/MdmUrl : https:/);
    // dsregcmd cannot tell these: they stay unknown.
    for (const fact of ["edition", "account", "managedBy", "release"])
      expect(out.provenance[fact]).toBeUndefined();
  });

  it("--state wins over dsregcmd, and flags win over both", async () => {
    const r = await run(
      [
        "check",
        "--dsregcmd",
        fixture("none.txt"),
        "--state",
        "-",
        "--joined",
        "ad",
        "--edition",
        "pro",
      ],
      { stdin: JSON.stringify({ workAccount: true, account: "admin" }) },
    );
    expect(r.code).toBe(0);
    // People read labels, never property paths.
    expect(r.stdout).toMatch(/ {2}Joined to: user \(command-line flag\)/);
    expect(r.stdout).toMatch(/Work account added by this user: other \(--state -\)/);
    expect(r.stdout).toContain("Account: other (--state -)");
    expect(r.stdout).not.toMatch(/workAccount|tenant\./);
  });

  it("reads dsregcmd from standard input, pasted with CRLF", async () => {
    const text = readFileSync(fixture("registered.txt"), "utf8").replace(/\n/g, "\r\n");
    const r = await run(["check", "--dsregcmd", "-"], { stdin: text });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Work account added by this user: dsregcmd \(User State, line \d+: WorkplaceJoined : YES\)/,
    );
  });

  it("text that is not dsregcmd output is a usage error", async () => {
    const r = await run(["check", "--dsregcmd", "-"], { stdin: "hello" });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("No Device State section");
  });

  it("tells the user when dsregcmd was run without user facts", async () => {
    const r = await run(["check", "--dsregcmd", fixture("entra-joined-system.txt")]);
    expect(r.stderr).toMatch(/WorkplaceJoined \(User State\) was not read/);
  });
});
