import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeDsregcmdKey, parseDsregcmd } from "./dsregcmd.js";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

describe("parseDsregcmd: join states, as Microsoft's table derives them", () => {
  it.each([
    ["entra-joined.txt", "entra-joined"],
    ["hybrid-joined.txt", "hybrid-joined"],
    ["domain-joined-precheck.txt", "domain-joined"],
    ["drs-joined.txt", "drs-joined"],
    ["registered.txt", "registered"],
    ["none.txt", "none"],
    ["ticket-paste.md", "entra-joined"],
    ["line-numbered.txt", "registered"],
    ["console-wrapped.txt", "domain-joined"],
  ])("%s is %s", (file, type) => {
    const status = parseDsregcmd(fixture(file));
    expect(status.ok).toBe(true);
    expect(status.join.type).toBe(type);
    expect(status.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("a domain joined device whose user registered it stays domain joined, with WorkplaceJoined read", () => {
    const status = parseDsregcmd(fixture("console-wrapped.txt"));
    expect(status.join.workplaceJoined?.value).toBe(true);
    expect(status.workAccounts).toHaveLength(1);
  });

  it("an Entra joined device read as SYSTEM has no user facts, and says so", () => {
    const status = parseDsregcmd(fixture("entra-joined-system.txt"));
    expect(status.join.type).toBe("entra-joined");
    expect(status.join.workplaceJoined).toBeUndefined();
    expect(status.prt.azureAd).toBeUndefined();
    expect(status.diagnostics.map((d) => d.code)).toContain("dsregcmd-user-state-missing");
  });

  it("a workgroup device without User State is not called 'none'", () => {
    const text = fixture("none.txt").split("| User State")[0]!;
    const status = parseDsregcmd(text);
    expect(status.join.type).toBe("unknown");
    expect(status.join.reason).toMatch(/WorkplaceJoined was not read/);
  });

  it("AzureAdJoined and EnterpriseJoined both YES fits no row and is reported", () => {
    const text = fixture("hybrid-joined.txt").replace(
      "EnterpriseJoined : NO",
      "EnterpriseJoined : YES",
    );
    const status = parseDsregcmd(text);
    expect(status.join.type).toBe("unknown");
    expect(status.diagnostics.map((d) => d.code)).toContain("dsregcmd-join-unusual");
  });
});

describe("parseDsregcmd: facts and where they came from", () => {
  const status = parseDsregcmd(fixture("entra-joined.txt"));

  it("reads device, tenant, MDM URLs and PRT with section and line", () => {
    expect(status.deviceName?.value).toBe("FAB-LT-0142");
    expect(status.tenantName?.value).toBe("Fabrikam Outdoor Gear");
    expect(status.tenantId?.value).toBe("5b3e8d2a-1c4f-4e8b-9a61-0d7c2f9e4a10");
    expect(status.mdm.url?.value).toBe(
      "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
    );
    expect(status.mdm.url?.from.section).toBe("Tenant Details");
    expect(status.prt.azureAd?.value).toBe(true);
    expect(status.userInEntra?.value).toBe(true);
    const line = fixture("entra-joined.txt").split("\n")[status.join.azureAdJoined!.from.line - 1];
    expect(line).toBe("             AzureAdJoined : YES");
  });

  it("keeps an empty value as empty, and leaves empty MDM URLs out", () => {
    const system = parseDsregcmd(fixture("entra-joined-system.txt"));
    expect(system.tenantName?.value).toBe("");
    expect(system.mdm.url).toBeUndefined();
    expect(system.sections.flatMap((s) => s.fields).find((f) => f.key === "MdmUrl")?.value).toBe(
      "",
    );
  });

  it("reads the domain name only where printed", () => {
    expect(parseDsregcmd(fixture("hybrid-joined.txt")).domainName?.value).toBe("CORP");
    expect(status.domainName).toBeUndefined();
  });

  it("finds a hybrid pre-check error code and explains it through the catalog", () => {
    const precheck = parseDsregcmd(fixture("domain-joined-precheck.txt"));
    const codes = precheck.errors.map((e) => [e.code, e.from.key]);
    expect(codes).toEqual([
      ["0x801c001d", "AD Configuration Test"],
      ["0x801c001d", "Client ErrorCode"],
    ]);
    expect(precheck.errors[0]!.explanation.decoded).toMatchObject({
      hex: "0x801C001D",
      facility: 0x1c,
      code: 0x1d,
    });
    expect(precheck.userContext?.value).toBe("UN-ELEVATED User");
  });

  it("reads each work account with its tenant and MDM URL", () => {
    const reg = parseDsregcmd(fixture("registered.txt"));
    expect(reg.workAccounts).toEqual([
      expect.objectContaining({
        section: "Work Account 1",
        tenantName: "Fabrikam Outdoor Gear",
        mdmUrl: "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
      }),
    ]);
  });
});

describe("parseDsregcmd: mangled pastes", () => {
  it("CRLF line endings read the same as LF", () => {
    const lf = parseDsregcmd(fixture("entra-joined.txt"));
    const crlf = parseDsregcmd(fixture("entra-joined.txt").replace(/\n/g, "\r\n"));
    expect(crlf.join).toEqual(lf.join);
    expect(crlf.tenantId).toEqual(lf.tenantId);
    expect(crlf.repairs).toContain("line endings normalised");
  });

  it("a ticket paste: banner, prompt, fences, stripped indentation, key variants", () => {
    const status = parseDsregcmd(fixture("ticket-paste.md"));
    expect(status.repairs).toEqual(
      expect.arrayContaining([
        "markdown fences removed",
        "shell prompt lines skipped",
        "indentation was stripped; keys read by name",
      ]),
    );
    expect(status.deviceName?.value).toBe("FAB-LT-0199");
    expect(status.join.workplaceJoined?.value).toBe(false); // "workplacejoined" in lower case
    expect(status.mdm.termsOfUseUrl).toBeUndefined(); // printed empty
    expect(status.mdm.complianceUrl?.value).toMatch(/portalAction=Compliance$/);
    const fields = status.sections.flatMap((s) => s.fields);
    expect(fields.find((f) => f.name === "aadrecoveryenabled")?.value).toBe("NO");
    expect(fields.find((f) => f.name === "httpstatus")?.value).toBe("400");
    // The banner is before any section: kept as unread, never as a fact.
    expect(status.unread.every((u) => u.where === "before")).toBe(true);
    expect(status.unread.map((u) => u.text)).toContain("Windows PowerShell");
    expect(status.errors.map((e) => e.code)).toEqual(["0xc000006d"]);
  });

  it("line numbers and collapsed whitespace are undone", () => {
    const status = parseDsregcmd(fixture("line-numbered.txt"));
    expect(status.repairs).toContain("line numbers removed");
    expect(status.workAccounts[0]?.tenantId).toBe("5b3e8d2a-1c4f-4e8b-9a61-0d7c2f9e4a10");
    expect(status.unread).toEqual([]);
  });

  it("console wraps are joined back to their field", () => {
    const status = parseDsregcmd(fixture("console-wrapped.txt"));
    expect(status.workAccounts[0]?.mdmUrl).toBe(
      "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
    );
    const pac = status.sections
      .flatMap((s) => s.fields)
      .find((f) => f.name === "autodetectpacstatus");
    expect(pac?.wrapped).toBe(true);
    expect(pac?.value).toMatch(/script using WPAD\. code: 0x80072f94$/);
    expect(status.errors.map((e) => e.code)).toEqual(["0x801c0021", "0x801c0021", "0x80072f94"]);
    expect(status.unread.filter((u) => u.where !== "before")).toEqual([]);
  });

  it("a value that is not YES or NO is reported, not guessed", () => {
    const text = fixture("none.txt").replace("AzureAdJoined : NO", "AzureAdJoined : N0");
    const status = parseDsregcmd(text);
    expect(status.join.azureAdJoined).toBeUndefined();
    expect(status.join.type).toBe("unknown");
    expect(status.diagnostics.map((d) => d.code)).toContain("dsregcmd-value-unreadable");
  });

  it("text that is not dsregcmd output is an error, not an empty device", () => {
    const status = parseDsregcmd("Hello,\nthe laptop will not enroll. Thanks, Alex");
    expect(status.ok).toBe(false);
    expect(status.join.type).toBe("unknown");
    expect(status.diagnostics[0]?.code).toBe("dsregcmd-not-found");
  });

  it("a bare section name (no box) still opens a section", () => {
    const status = parseDsregcmd(
      "Device State\nAzureAdJoined : NO\nEnterpriseJoined : NO\nDomainJoined : YES\nDomainName : CORP",
    );
    expect(status.join.type).toBe("domain-joined");
  });
});

describe("normalizeDsregcmdKey", () => {
  it("makes the documented spelling variants equal", () => {
    expect(normalizeDsregcmdKey("HTTP status")).toBe(normalizeDsregcmdKey("HTTP Status"));
    expect(normalizeDsregcmdKey("Request Id")).toBe(normalizeDsregcmdKey("Request ID"));
  });
});
