import { readFileSync } from "node:fs";
import { DSREGCMD_FIELDS, factLabel } from "@winenroll/core";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();
const fixture = (name: string) =>
  readFileSync(
    new URL(`../../../packages/core/src/device/fixtures/${name}`, import.meta.url),
    "utf8",
  );

describe("guide: What dsregcmd says about enrollment", () => {
  it("parses a mangled ticket paste in the browser, sending nothing", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/guides/dsregcmd`,
    );
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    const box = page.getByLabel("dsregcmd /status output");
    await box.fill(fixture("ticket-paste.md"));
    const status = page.getByRole("status").filter({ hasText: "Join state" });
    await waitVisible(status);
    expect(await status.textContent()).toBe("Join state: Microsoft Entra joined");
    const facts = page.locator("table", { has: page.getByText("Facts for the enrollment rules") });
    // People read the fact's label and its value, never the property path.
    const joined = facts.locator("tr[data-fact='joined']");
    expect(await joined.locator("th").textContent()).toBe("Joined to");
    expect(await joined.locator("td").first().textContent()).toBe("entra");
    expect(await joined.locator("td").nth(1).textContent()).toMatch(
      /^Device State, line \d+: AzureAdJoined : YES/,
    );
    expect(await page.getByText("Cleaned up:").textContent()).toContain("markdown fences removed");
    expect(await page.getByText("dsregcmd cannot say:").textContent()).toContain("Edition");
    expect(requests.filter((u) => !u.startsWith(session.site.url))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("explains a hybrid pre-check error code and says when text is not dsregcmd", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/guides/dsregcmd`,
    );
    const box = page.getByLabel("dsregcmd /status output");
    await box.fill(fixture("domain-joined-precheck.txt").replace(/\n/g, "\r\n"));
    const codes = page.getByRole("list", { name: "Error codes found" });
    await waitVisible(codes);
    expect(await codes.locator("li").first().textContent()).toMatch(
      /^0x801c001d \(AD Configuration Test, line \d+\)/,
    );
    await box.fill("the laptop does not enroll, please help");
    await waitVisible(page.getByText("This does not look like dsregcmd /status output."));
    expect(errors).toEqual([]);
  });

  it("renders the join table and the fields table from core's data", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/docs/guides/dsregcmd`);
    const join = page.locator("table", { has: page.getByText("How the join type is read") });
    await waitVisible(join);
    expect(await join.locator("tbody tr").count()).toBe(6);
    expect(await join.locator("tr#join-hybrid-joined td").nth(4).textContent()).toBe(
      "Microsoft Entra hybrid joined",
    );
    const fields = page.locator("table", { has: page.getByText("Fields winenroll reads") });
    const mdm = fields.locator("tr", { has: page.locator("td code", { hasText: /^MdmUrl$/ }) });
    // People read the fact's label, never its property path.
    expect(await mdm.locator("td").nth(4).textContent()).toBe(factLabel("tenant.autoEnrollment"));
    // One row per entry of DSREGCMD_FIELDS, and the scan for error codes.
    expect(await fields.locator("tbody tr").count()).toBe(DSREGCMD_FIELDS.length + 1);
  });
});
