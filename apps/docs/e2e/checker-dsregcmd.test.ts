import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();
const fixture = (name: string) =>
  readFileSync(
    new URL(`../../../packages/core/src/device/fixtures/${name}`, import.meta.url),
    "utf8",
  );

describe("enrollment checker with pasted dsregcmd output", () => {
  it("fills the form from an Entra-joined device's output, in the browser", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker`,
    );
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.getByText("Fill the form from dsregcmd /status output").click();
    await page.getByLabel("dsregcmd /status output").fill(fixture("entra-joined.txt"));
    await page.getByRole("button", { name: "Use these facts" }).click();
    await expect
      .poll(() => page.getByLabel("Joined to", { exact: true }).inputValue())
      .toBe("entra");
    // dsregcmd cannot tell the account kind: it stays unknown.
    expect(await page.getByLabel("Account", { exact: true }).inputValue()).toBe("");
    await waitVisible(page.locator("[data-method='entra-join'][data-verdict='blocked']"));
    expect(await page.evaluate(() => window.location.hash)).toContain("joined=entra");
    expect(requests.filter((url) => new URL(url).origin !== session.site.url)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("keeps a hybrid join apart from the user's work account, and says where each came from", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker`,
    );
    await page.getByText("Fill the form from dsregcmd /status output").click();
    await page.getByLabel("dsregcmd /status output").fill(fixture("hybrid-joined.txt"));
    await page.getByRole("button", { name: "Use these facts" }).click();
    const joined = page.getByLabel("Joined to", { exact: true });
    await expect.poll(() => joined.inputValue()).toBe("hybrid");
    expect(
      await page.getByLabel("Work account added by this user", { exact: true }).inputValue(),
    ).toBe("false");
    expect(await page.locator("[data-fact='joined'] small").textContent()).toMatch(
      /^from dsregcmd \(Device State, line \d+: AzureAdJoined : YES/,
    );
    // What a person sets wins over the pasted output, fact by fact.
    await joined.selectOption("none");
    expect(await page.locator("[data-fact='joined'] small").count()).toBe(0);
    expect(await page.evaluate(() => window.location.hash)).toContain("joined=none");
  });
});
