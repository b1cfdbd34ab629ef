import { DISCOVERY_CHECKS } from "@winenroll/core/discovery";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("reference: Discovery checks", () => {
  it("lists every discovery check from core's table, with what Windows reports", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/reference/discovery-checks`,
    );
    const table = page.locator("table", { has: page.getByText("What Windows reports") });
    await waitVisible(table);
    expect(await table.locator("tbody tr").count()).toBe(DISCOVERY_CHECKS.length);
    const expired = table.locator("tr#tls-certificate-expired td");
    expect(await expired.nth(4).textContent()).toBe(
      "0x8018000D MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID",
    );
    expect(errors).toEqual([]);
  });
});
