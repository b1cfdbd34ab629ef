import { SEED_STATEMENTS, sourceConflicts } from "@winenroll/core/coverage";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("Sources and coverage", () => {
  it("shows every seed statement with what encodes it, every source and every conflict", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/reference/sources-and-coverage`,
    );
    await waitVisible(page.getByRole("heading", { name: "Sources and coverage", level: 1 }));
    expect(await page.locator("[data-statement]").count()).toBe(SEED_STATEMENTS.length);
    const oobe = page.locator("[data-statement='ad-not-in-oobe']");
    await waitVisible(oobe.locator("[data-counterpart='rule:ad-join-not-in-oobe']"));
    expect(await oobe.textContent()).toContain("evaluate.test.ts");
    expect(await page.getByText("(not found)").count()).toBe(0);
    await waitVisible(page.locator("[data-source='wid-mdm-enrollment-error-codes']"));
    expect(await page.locator("[data-conflict]").count()).toBe(sourceConflicts().length);
    expect(errors).toEqual([]);
  });
});
