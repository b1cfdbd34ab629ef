import { describe, expect, it } from "vitest";
import { formatLinkCitation } from "../sources/link-sources.js";
import { inspectEnrollmentLink } from "./inspect.js";
import { LINK_RULES } from "./lint-reference.js";

const NOW = new Date("2026-11-28T12:00:00Z");
const codes = (link: string) =>
  inspectEnrollmentLink(link, { now: NOW }).diagnostics.map((d) => d.code);

/** A link that uses every parameter correctly; no rule but the ownership note may fire on it. */
const CLEAN =
  "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com/EnrollmentServer/Discovery.svc&accesstoken=abc123&deviceidentifier=3f2504e0-4f89-11d3-9a0c-0305e82c3301&tenantidentifier=contoso&ownership=2";

// Each code: a link that triggers it (written here, independently of the rule's own example).
const TRIGGERS: Record<string, string> = {
  "scheme-invalid": "ms-device-enrollment://?mode=mdm",
  "mode-missing": "ms-device-enrollment:?servername=https://mdm.example.com",
  "mode-not-first": "ms-device-enrollment:?servername=https://mdm.example.com&mode=mdm",
  "mode-invalid": "ms-device-enrollment:?mode=intune",
  "mode-name-case": "ms-device-enrollment:?Mode=awa",
  "mode-value-suffix": "ms-device-enrollment:?mode=mdmx",
  "param-name-case": "ms-device-enrollment:?mode=mdm&ServerName=https://mdm.example.com",
  "param-duplicate": "ms-device-enrollment:?mode=mdm&ownership=2&ownership=3",
  "value-angle-brackets": "ms-device-enrollment:?mode=mdm&username=<someone@example.com>",
  "deviceidentifier-not-guid": "ms-device-enrollment:?mode=mdm&deviceidentifier=12345",
  "ownership-invalid": "ms-device-enrollment:?mode=mdm&ownership=4",
  "link-concatenated":
    "ms-device-enrollment:?mode=mdm&username=a@example.com ms-device-enrollment:?mode=awa",
  "servername-intune-missing-svc":
    "ms-device-enrollment:?mode=mdm&servername=https://enrollment.manage.microsoft.com/EnrollmentServer/Discovery",
  "param-unknown": "ms-device-enrollment:?mode=mdm&usernme=someone@example.com",
  "mode-case": "ms-device-enrollment:?mode=Awa",
  "servername-no-scheme":
    "ms-device-enrollment:?mode=mdm&servername=enterpriseenrollment.example.com",
  "servername-not-https": "ms-device-enrollment:?mode=mdm&servername=http://mdm.example.com",
  "username-invalid": "ms-device-enrollment:?mode=mdm&username=someone",
  "value-plus-ambiguous": "ms-device-enrollment:?mode=mdm&tenantidentifier=a+b",
  "value-percent-invalid": "ms-device-enrollment:?mode=mdm&tenantidentifier=%zz",
  "value-empty": "ms-device-enrollment:?mode=mdm&servername",
  "link-too-long": `ms-device-enrollment:?mode=mdm&tenantidentifier=${"t".repeat(2060)}`,
  // exp 2026-11-01T00:00:00Z, before NOW
  "accesstoken-expired": `ms-device-enrollment:?mode=mdm&accesstoken=${jwt({ exp: 1793491200 })}`,
  // exp 2027-06-01, months after NOW
  "accesstoken-long-lived": `ms-device-enrollment:?mode=mdm&accesstoken=${jwt({ exp: 1811808000 })}`,
  "ownership-not-honoured": "ms-device-enrollment:?mode=awa&ownership=3",
};

function jwt(claims: object): string {
  const b64 = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
  return `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.c2lnbmF0dXJl`;
}

describe("every lint rule", () => {
  it("has a trigger in this test", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(LINK_RULES.map((r) => r.code).sort());
  });

  for (const rule of LINK_RULES) {
    it(`${rule.code} fires on a link that breaks it`, () => {
      const found = inspectEnrollmentLink(TRIGGERS[rule.code]!, { now: NOW }).diagnostics.filter(
        (d) => d.code === rule.code,
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.severity).toBe(rule.severity);
      expect(found[0]!.source).toBe(formatLinkCitation(rule.source));
      expect(found[0]!.source).toMatch(/\S/);
      expect(found[0]!.message).toMatch(/\S/);
    });

    it(`${rule.code} fires on its documented example`, () => {
      expect(codes(rule.example)).toContain(rule.code);
    });

    it(`${rule.code} stays silent on a correct link`, () => {
      const silentOn =
        rule.code === "ownership-not-honoured" ? "ms-device-enrollment:?mode=mdm" : CLEAN;
      expect(codes(silentOn)).not.toContain(rule.code);
    });
  }
});

describe("severity decides ok", () => {
  it("a link with only warnings and notes is ok", () => {
    const result = inspectEnrollmentLink(
      "ms-device-enrollment:?mode=mdm&servername=mdm.example.com&ownership=1",
    );
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.severity)).toEqual(["warning", "info"]);
  });

  it("an error makes it not ok, and errors come first", () => {
    const result = inspectEnrollmentLink("ms-device-enrollment:?ownership=1&mode=mdm");
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]!.severity).toBe("error");
  });
});

describe("severities follow their evidence (issue 13, item 5)", () => {
  it("MODE=mdm routes (the handler lower-cases the link), so it is not an error", () => {
    const result = inspectEnrollmentLink("ms-device-enrollment:?MODE=mdm&username=a@example.com");
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["mode-name-case", "warning"],
    ]);
  });

  it("other capitalised names stay errors (PR #306)", () => {
    const result = inspectEnrollmentLink("ms-device-enrollment:?mode=mdm&UserName=a@example.com");
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["param-name-case"]);
  });

  it("a repeated parameter is a warning: which value Windows reads is not documented", () => {
    const result = inspectEnrollmentLink("ms-device-enrollment:?mode=mdm&ownership=2&ownership=3");
    expect(result.ok).toBe(true);
  });

  it("lists every error before every warning and every warning before every note", () => {
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ranks = LINK_RULES.map((r) => rank[r.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("hints", () => {
  it("suggests the parameter a known mistake meant", () => {
    const d = inspectEnrollmentLink(
      "ms-device-enrollment:?mode=mdm&enrollmenturl=https://x.example.com",
    ).diagnostics;
    expect(d.find((x) => x.code === "param-unknown")?.hint).toBe("Did you mean servername?");
  });

  it("suggests the closest name for a typo", () => {
    const d = inspectEnrollmentLink("ms-device-enrollment:?mode=mdm&tenantidentifer=x").diagnostics;
    expect(d.find((x) => x.code === "param-unknown")?.hint).toBe("Did you mean tenantidentifier?");
  });

  it("says a prefix-matching mode would route anyway, as a warning", () => {
    const result = inspectEnrollmentLink("ms-device-enrollment:?mode=aadjoin");
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["mode-value-suffix"]);
    expect(result.diagnostics[0]?.message).toContain("opens the aadj flow");
  });

  it("never puts the access token into a diagnostic", () => {
    const token = jwt({ exp: 1, secret: "x" });
    const result = inspectEnrollmentLink(`ms-device-enrollment:?accesstoken=${token}&mode=mdm`, {
      now: NOW,
    });
    for (const d of result.diagnostics) expect(JSON.stringify(d)).not.toContain(token);
  });
});
