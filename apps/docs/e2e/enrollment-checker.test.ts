import { DEVICE_FACTS, factsRead } from "@winenroll/core";
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

  // Walks core's table: a fact left out of the form fails here.
  it("has a labelled control for every device fact, and each one sets its fact", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker`,
    );
    for (const path of factsRead().keys()) expect(DEVICE_FACTS.map((f) => f.path)).toContain(path);
    for (const fact of DEVICE_FACTS) {
      const control = page.getByLabel(fact.label, { exact: true });
      const value =
        fact.kind === "version" ? "1607" : fact.kind === "boolean" ? "false" : fact.values.at(-1)!;
      if (fact.kind === "version") await control.fill(value);
      else await control.selectOption(value);
      const hash = await page.evaluate(() => window.location.hash);
      expect(new URLSearchParams(hash.slice(1)).get(fact.path), fact.path).toBe(value);
    }
    expect(errors).toEqual([]);
  });

  it("says MDM-only is available when every fact is set and nothing is in the way", async () => {
    const facts = new URLSearchParams({
      edition: "pro",
      release: "22H2",
      formFactor: "desktop",
      account: "admin",
      joined: "none",
      workAccount: "false",
      managedBy: "none",
      mdmEnrollmentDisabledByPolicy: "false",
      allowManualMdmUnenrollment: "true",
      "tenant.userFound": "true",
      "tenant.autoEnrollment": "true",
      "tenant.signIn": "managed",
      discoveryFindsEndpoint: "true",
      browser: "edge",
      startsFrom: "settings",
    });
    expect([...facts.keys()].sort()).toEqual(DEVICE_FACTS.map((f) => f.path).sort());
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker#${facts}`,
    );
    const mdm = page.locator("[data-method='mdm-only']");
    await expect.poll(() => mdm.getAttribute("data-verdict")).toBe("available");
  });

  it("names the facts a verdict depends on by their labels, never by path", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/tools/enrollment-checker#edition=pro`,
    );
    const mdm = page.locator("[data-method='mdm-only'][data-verdict='depends']");
    await waitVisible(mdm);
    const text = (await mdm.textContent()) ?? "";
    expect(text).toContain(
      "Depends on: Joined to, Work account added by this user, Managed by, Account",
    );
    expect(text).toContain("Discovery finds a server");
    expect(text).not.toMatch(/tenant\.|discoveryFindsEndpoint|workAccount|managedBy/);
  });

  it("renders the device fact reference from core's table", async () => {
    const { page } = await openPage(
      session.browser,
      `${session.site.url}/docs/reference/device-facts`,
    );
    await waitVisible(page.locator("[data-fact='joined']"));
    expect(await page.locator("tr[data-fact]").count()).toBe(DEVICE_FACTS.length);
    expect(await page.locator("[data-fact='browser']").textContent()).toContain("--browser");
  });
});
