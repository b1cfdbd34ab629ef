import { describe, expect, it } from "vitest";
import { cite, SOURCES } from "./sources.js";

describe("SOURCES", () => {
  it("points the 2017 article at a copy of that revision, not at today's rewritten page (issue 13, item 8)", () => {
    const seed = SOURCES["mdm-enrollment-2017"];
    expect(seed.url).toMatch(
      /^https:\/\/github\.com\/MicrosoftDocs\/windows-itpro-docs\/blob\/[0-9a-f]{40}\/windows\/client-management\/mdm\/mdm-enrollment-of-windows-devices\.md$/,
    );
    expect(seed.url).not.toBe(SOURCES["mdm-enrollment-2024"].url);
    expect(cite("mdm-enrollment-2017")).toContain("2017-11-15");
  });
});
