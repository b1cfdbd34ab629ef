import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("guide: Send every employee their enrollment link", () => {
  it("renders the column and algorithm tables and the welcome mail from core's data", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/guides/batch-links`,
    );
    await waitVisible(
      page.getByRole("heading", { name: "Send every employee their enrollment link" }),
    );
    const columns = page.locator("table", {
      has: page.getByText("Headings read as it, best first"),
    });
    const usernameRow = columns.locator("tr", {
      has: page.locator("td code", { hasText: /^username$/ }),
    });
    expect(await usernameRow.locator("td").nth(1).textContent()).toBe(
      "username, upn, userprincipalname, email, emailaddress, mail, workemail",
    );
    const algorithms = page.locator("table", { has: page.getByText("Algorithm", { exact: true }) });
    expect(await algorithms.locator("tbody tr td:first-child").allTextContents()).toEqual([
      "HS256",
      "ES256",
      "RS256",
    ]);
    const checks = page.locator("table", { has: page.getByText("What it reports") });
    expect(await checks.locator("tr#batch-row-too-long td").nth(1).textContent()).toBe("error");
    expect(await checks.locator("tr#batch-duplicate-user td").nth(1).textContent()).toBe("warning");
    const mail = page.locator("pre", { hasText: "Connect this PC" });
    await waitVisible(mail);
    expect(await mail.textContent()).toContain('<a href="{{link}}"');
    expect(errors).toEqual([]);
  });
});
