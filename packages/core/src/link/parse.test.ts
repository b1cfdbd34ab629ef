import { describe, expect, it } from "vitest";
import { inspectEnrollmentLink } from "./inspect.js";
import { parseEnrollmentLink } from "./parse.js";

const GOOD = "ms-device-enrollment:?mode=mdm&username=someone@example.com";

describe("tolerant input", () => {
  const cases: [string, string, string][] = [
    ["surrounding white space", `  \n${GOOD}\t `, ""],
    ["double quotes", `"${GOOD}"`, "removed quotes around the link"],
    ["typographic quotes", `\u201C${GOOD}\u201D`, "removed quotes around the link"],
    [
      "a PowerShell Start-Process line",
      `Start-Process "${GOOD}"`,
      "took the link out of a command line",
    ],
    [
      "Start-Process through explorer.exe",
      `Start-Process explorer.exe -ArgumentList '${GOOD}'`,
      "took the link out of a command line",
    ],
    [
      "an unquoted PowerShell & quoted on its own",
      'Start-Process ms-device-enrollment:?mode=mdm"&"username=someone@example.com',
      'joined "&"',
    ],
    [
      "a link URL-encoded as a whole",
      encodeURIComponent(GOOD),
      "decoded a link that had been URL-encoded as a whole",
    ],
    ["a markdown link", `[Enroll](${GOOD})`, "took the link out of the text around it"],
    ["an HTML anchor", `<a href="${GOOD}">Enroll</a>`, "took the link out of the text around it"],
    ["a markdown autolink", `<${GOOD}>`, "removed angle brackets around the link"],
  ];
  for (const [what, input, note] of cases) {
    it(`reads ${what}`, () => {
      const result = inspectEnrollmentLink(input);
      expect(result.ok).toBe(true);
      expect(result.link).toBe(GOOD);
      expect(result.params).toEqual({ mode: "mdm", username: "someone@example.com" });
      if (note) expect(result.unwrapped.join("; ")).toContain(note);
    });
  }

  it("reads two links run together as the first, and says so", () => {
    const parsed = parseEnrollmentLink(`ms-device-enrollment:?mode=mdm${GOOD}`);
    expect(parsed.link).toBe("ms-device-enrollment:?mode=mdm");
    expect(parsed.otherLinks).toEqual([GOOD]);
  });

  it("keeps a + as it is rather than guessing a space", () => {
    expect(
      parseEnrollmentLink("ms-device-enrollment:?mode=mdm&username=a+b@example.com").pairs[1]!
        .value,
    ).toBe("a+b@example.com");
  });

  it("decodes percent-escapes in values", () => {
    expect(
      inspectEnrollmentLink("ms-device-enrollment:?mode=mdm&username=a%40example.com").params
        .username,
    ).toBe("a@example.com");
  });

  it("reports a link of another scheme without guessing", () => {
    const result = inspectEnrollmentLink("https://example.com/?mode=mdm");
    expect(result.ok).toBe(false);
    expect(result.link).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["scheme-invalid"]);
  });
});

describe("minimum Windows", () => {
  it("is 1607 for a bare mdm link", () => {
    expect(inspectEnrollmentLink("ms-device-enrollment:?mode=mdm").minWindows).toMatchObject({
      version: "1607",
      build: 14393,
    });
  });

  it("is 1709 for awa and aadj", () => {
    expect(inspectEnrollmentLink("ms-device-enrollment:?mode=aadj").minWindows?.version).toBe(
      "1709",
    );
  });

  it("reports both readings when the custom parameters are used", () => {
    const min = inspectEnrollmentLink(GOOD).minWindows;
    expect(min?.version).toBe("1703");
    expect(min?.disputed?.version).toBe("1709");
    expect(min?.disputed?.requirements[0]?.source).toContain("PR #342");
  });

  it("has nothing to dispute when the mode already needs 1709", () => {
    const min = inspectEnrollmentLink(
      "ms-device-enrollment:?mode=awa&username=someone@example.com",
    ).minWindows;
    expect(min?.version).toBe("1709");
    expect(min?.disputed).toBeUndefined();
  });
});
