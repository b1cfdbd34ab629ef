import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("local search", () => {
  it("finds a page from words in its text, with no request leaving the site", async () => {
    const { page, errors } = await openPage(session.browser, `${session.site.url}/`);
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(session.site.url) && !r.url().startsWith("data:"))
        foreign.push(r.url());
    });
    const box = page.getByLabel("Search", { exact: true }).first();
    await box.click();
    await box.pressSequentially("deviceidentifier");
    const hit = page.getByRole("option").filter({ hasText: /deviceidentifier/i });
    await waitVisible(hit, 20_000);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("API reference", () => {
  it("documents core's exported functions, generated from the sources", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/docs/api/index/functions/buildEnrollmentLink`,
    );
    await waitVisible(page.getByRole("heading", { name: /buildEnrollmentLink/ }));
    await waitVisible(page.getByText("ms-device-enrollment:", { exact: false }));
    await page.context().close();
  });
});

describe("dark mode", () => {
  it("follows the reader's colour scheme and the toggle switches it", async () => {
    const context = await session.browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${session.site.url}/tools/link-builder`, { waitUntil: "networkidle" });
    const theme = () => page.getAttribute("html", "data-theme");
    const toggle = page
      .getByRole("button", { name: /switch between dark and light mode/i })
      .first();
    expect(await theme()).toBe("dark");
    // With the reader's scheme respected, the toggle goes system → light → dark → system.
    await toggle.click();
    await expect.poll(theme).toBe("light");
    await toggle.click();
    await expect.poll(theme).toBe("dark");
    await expect.poll(() => toggle.getAttribute("aria-label")).toContain("currently dark mode");
    await context.close();
  });
});
