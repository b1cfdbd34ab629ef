import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("enrollment checker", () => {
  it("shows the privilege message for MDM-only when set to a standard user", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker`,
    );
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.getByLabel("Account", { exact: true }).selectOption("standard");
    const mdm = page.locator("[data-method='mdm-only']");
    await waitVisible(mdm.locator("[data-rule='byod-standard-user']"));
    expect(await mdm.getAttribute("data-verdict")).toBe("blocked");
    expect(await mdm.textContent()).toContain(
      "You don’t have the right privileges to perform this operation. Please talk to your admin.",
    );
    expect(await page.evaluate(() => window.location.hash)).toBe("#account=standard");
    expect(requests.filter((u) => !u.startsWith(session.site.url))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("restores the facts from the URL fragment", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker#edition=home`,
    );
    const ad = page.locator("[data-method='ad-join']");
    await waitVisible(ad.locator("[data-rule='ad-home-edition']"));
    expect(await page.getByLabel("Edition", { exact: true }).inputValue()).toBe("home");
  });

  it("renders the rule reference and the decision diagram from core", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/docs/reference/rules`);
    await waitVisible(page.locator("[data-rule='byod-no-discovery']").first());
    await waitVisible(page.locator("figure svg").first());
    const diagram = (await page.locator("figure svg").first().textContent()) ?? "";
    expect(diagram).not.toMatch(/syntax error/i);
    expect(diagram).toContain("account is standard?");
  });

  it("shows each guide's checker preset for its method", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/docs/connect/mdm-only`);
    await waitVisible(page.locator("[data-method='mdm-only']"));
    expect(await page.locator("[data-method]").count()).toBe(1);
    expect(await page.getByLabel("Account", { exact: true }).inputValue()).toBe("admin");
  });
});
