import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

async function lookup(page: Page, text: string): Promise<void> {
  await page.getByLabel("error code or message", { exact: true }).fill(text);
}

const entries = (page: Page) =>
  page
    .locator("[data-entry]")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-entry")));

describe("error lookup", () => {
  it("explains a code typed in hex, with causes, actions and the decoding", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/error-lookup`,
    );
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await lookup(page, "0x80180014");
    await waitVisible(page.locator("[data-entry='menroll-e-devicenotsupported']"));
    await waitVisible(
      page.getByText("Your organization does not support this version of Windows."),
    );
    await waitVisible(page.getByText("Likely causes"));
    await waitVisible(page.getByText("DEVICE_ENROLLER_FACILITY_CODE", { exact: false }));
    expect(await page.getByRole("status").textContent()).toBe("Found it.");
    // What is typed stays in the browser: no request leaves for anywhere, the site included.
    expect(requests.filter((u) => !u.startsWith(session.site.url))).toEqual([]);
    expect(await page.evaluate(() => window.location.hash)).toBe("#q=0x80180014");
    expect(errors).toEqual([]);
  });

  it("shows every reading where sources disagree", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "MENROLL_E_MDM_NOT_CONFIGURED");
    await expect
      .poll(() => entries(page))
      .toEqual(["menroll-e-mdm-not-configured-header", "menroll-e-mdm-not-configured-metadata"]);
    expect(await page.getByText("Sources disagree.").count()).toBe(2);
    await lookup(page, "8018000a");
    await expect
      .poll(() => entries(page))
      .toEqual(["menroll-e-device-already-enrolled", "wpj-0x8018000a"]);
  });

  it("finds the message Windows shows, typed loosely", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "we couldn’t auto-discover a management endpoint");
    // The catalog entry, then the enrollment rule that quotes the same message.
    await expect
      .poll(() => entries(page))
      .toEqual(["discovery-endpoint-not-found", "byod-no-discovery"]);
    await waitVisible(page.getByText("Enrollment rule"));
  });

  it("finds every code behind a screen message, the typed code first, each with its text (issue 13)", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(
      page,
      "There was a certificate error. You can try to do this again or contact your system administrator with the error code 0x80180012.",
    );
    await expect
      .poll(() => entries(page))
      .toEqual([
        "menroll-e-invalidsslcert",
        "menroll-e-device-certificaterequest-error",
        "menroll-e-discovery-sec-cert-date-invalid",
      ]);
    await waitVisible(
      page.locator(
        "[data-entry='menroll-e-invalidsslcert'] [data-string-id='idErrorMDMCertificateError']",
      ),
    );
  });

  it("says a rule's situation is not text on screen (issue 13)", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "you are logged in as a standard user");
    await waitVisible(page.locator("[data-kind='situation']").first());
    expect(await page.locator("[data-kind='on-screen']").count()).toBe(0);
  });

  it("decodes HTTP statuses and WinHTTP errors in facility 25", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "0x80190190");
    await expect
      .poll(() => page.getByTestId("interpretation").textContent())
      .toMatch(/^400 Bad Request/);
    await lookup(page, "-2145833246");
    await expect
      .poll(() => page.getByTestId("interpretation").textContent())
      .toMatch(/^12002 ERROR_WINHTTP_TIMEOUT/);
  });

  it("says when nothing matches and offers the closest codes", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "MENROLL_E_DEVICECAPREACH");
    await expect.poll(() => page.getByRole("status").textContent()).toBe("No explanation matches.");
    const html = await page
      .getByRole("list", { name: "Closest matches" })
      .innerHTML({ timeout: 5000 });
    expect(html).toContain("MENROLL_E_DEVICECAPREACHED");
    await page
      .getByRole("button", { name: "MENROLL_E_DEVICECAPREACHED", exact: true })
      .click({ timeout: 5000 });
    await expect.poll(() => entries(page)).toEqual(["menroll-e-devicecapreached"]);
  });

  it("suggests the closest Windows message for text that matches none", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/error-lookup`);
    await lookup(page, "this version of windows is not supported by the organization");
    await page
      .getByRole("button", { name: "Your organization does not support this version of Windows." })
      .click({ timeout: 5000 });
    await expect.poll(() => entries(page)).toEqual(["menroll-e-devicenotsupported"]);
  });

  it("reads the query from the page's fragment", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/error-lookup#q=DeviceCapReached`,
    );
    await expect.poll(() => entries(page)).toEqual(["menroll-e-devicecapreached"]);
  });
});

describe("error code reference", () => {
  it("renders the catalog from core's data", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/reference/error-codes`,
    );
    await waitVisible(page.locator("tr#menroll-e-devicenotsupported"));
    await waitVisible(page.locator("tr#wpj-0x8018000a"));
    expect(await page.locator("caption").nth(1).textContent()).toMatch(/^\d+ entries$/);
    // Windows' on-screen messages come first, each with every code that shows it.
    const screen = page.locator("tr[data-string-id='idErrorAuthenticationFailure']");
    await waitVisible(screen);
    expect(await screen.locator("code").allTextContents()).toContain("0x801C0014");
    expect(await page.getByText("ERROR_WINHTTP_TIMEOUT", { exact: true }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("has the troubleshooting guides, which point at the CLI", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/docs/troubleshooting/discovery-setup`,
    );
    await waitVisible(page.getByRole("heading", { name: "Setting up discovery", level: 1 }));
    await waitVisible(page.getByText("winenroll discover someone@contoso.com", { exact: false }));
  });
});
