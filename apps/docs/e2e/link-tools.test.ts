import { inspectEnrollmentLink, LINK_RULES } from "@winenroll/core";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

describe("link builder", () => {
  it("builds the link from what is typed, with mode first", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/link-builder`,
    );
    await page.getByLabel("username", { exact: true }).fill("someone@example.com");
    await page
      .getByLabel("servername", { exact: true })
      .fill("https://mdm.example.com/EnrollmentServer/Discovery.svc");
    await page.getByLabel("ownership", { exact: true }).fill("3");
    const output = page.getByLabel("Enrollment link", { exact: true });
    await expect
      .poll(() => output.textContent())
      .toBe(
        "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com/EnrollmentServer/Discovery.svc&ownership=3",
      );
    await page.getByLabel("mode", { exact: true }).selectOption("awa");
    await expect
      .poll(() => output.textContent())
      .toMatch(/^ms-device-enrollment:\?mode=awa&username=/);
    // ownership gives the Intune note; the minimum release follows the mode.
    await waitVisible(page.locator("[data-code='ownership-not-honoured']"));
    await waitVisible(page.getByText("Needs Windows 10, version 1709"));
    expect(errors).toEqual([]);
  });

  it("shows a diagnostic as the user types a bad value", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/link-builder`);
    await page.getByLabel("deviceidentifier", { exact: true }).fill("laptop-42");
    await waitVisible(page.locator("[data-code='deviceidentifier-not-guid']"));
    expect(await page.getByRole("button", { name: "Copy link" }).isDisabled()).toBe(true);
  });

  it("offers the link as a PowerShell line, single-quoted so that nothing in it is expanded", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/link-builder`);
    await page.getByLabel("username", { exact: true }).fill("o'neil$HOME@example.com");
    await page.getByText("HTML, markdown and PowerShell").click();
    await expect
      .poll(() => page.getByLabel("PowerShell line", { exact: true }).inputValue())
      .toBe("Start-Process 'ms-device-enrollment:?mode=mdm&username=o%27neil$HOME@example.com'");
  });

  it("is on the home page too", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/`);
    await expect
      .poll(() => page.getByLabel("Enrollment link", { exact: true }).textContent())
      .toBe("ms-device-enrollment:?mode=mdm");
  });
});

describe("link inspector", () => {
  it("lists the diagnostics of a bad link and offers the canonical one", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/link-inspector`,
    );
    await page
      .getByLabel("link", { exact: true })
      .fill("ms-device-enrollment://?UserName=someone@example.com&mode=mdm");
    await waitVisible(page.getByText("This link will not work as intended."));
    for (const code of ["scheme-invalid", "mode-not-first", "param-name-case"]) {
      await waitVisible(page.locator(`[data-code='${code}']`));
    }
    expect(await page.getByLabel("Canonical link").textContent()).toBe(
      "ms-device-enrollment:?mode=mdm&username=someone@example.com",
    );
    expect(errors).toEqual([]);
  });

  it("runs every check in the browser as in Node: each lint rule's example gives core's diagnostics", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/link-inspector`,
    );
    const input = page.getByLabel("link", { exact: true });
    const shown = () =>
      page
        .locator("[data-code]")
        .evaluateAll((items) => items.map((li) => [li.getAttribute("data-code"), li.textContent]));
    for (const rule of LINK_RULES) {
      const inNode = inspectEnrollmentLink(rule.example).diagnostics;
      expect(
        inNode.map((d) => d.code),
        rule.code,
      ).toContain(rule.code);
      await input.fill(rule.example);
      await expect
        .poll(async () => (await shown()).map(([code]) => code), { message: rule.code })
        .toEqual(inNode.map((d) => d.code));
      const texts = (await shown()).map(([, text]) => text ?? "");
      for (const [i, d] of inNode.entries()) expect(texts[i], rule.code).toContain(d.message);
    }
    expect(errors).toEqual([]);
  });

  it("reads the link from the #link= fragment and masks the token", async () => {
    const link = "ms-device-enrollment:?mode=mdm&accesstoken=supersecrettokenvalue1234";
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/link-inspector#link=${encodeURIComponent(link)}`,
    );
    await waitVisible(page.getByText("This link is valid."));
    // The pasted text stays as typed; the parameters and the canonical link mask the token.
    expect(await page.getByRole("cell", { name: "supersecrettokenvalue1234" }).count()).toBe(0);
    expect(await page.getByLabel("Canonical link").textContent()).not.toContain(
      "supersecrettokenvalue1234",
    );
    await page.getByLabel("show access token").check();
    await waitVisible(page.getByRole("cell", { name: "supersecrettokenvalue1234" }));
  });
});
