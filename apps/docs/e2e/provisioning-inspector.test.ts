import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

// A real document: a root and a client certificate issued for a request core made, written by core's writer.
const DOCUMENT = readFileSync(
  new URL("./fixtures/provisioning-document.xml", import.meta.url),
  "utf8",
);
const RESPONSE = readFileSync(
  new URL("./fixtures/enrollment-response.xml", import.meta.url),
  "utf8",
);
// The document a demo server sent a real Windows 10 client (Fleet's capture; see packages/core/src/enrollment/fixtures).
const CAPTURED = readFileSync(
  new URL("./fixtures/windows-10-provisioning-document.xml", import.meta.url),
  "utf8",
);
const LABEL = "provisioning document or enrollment response";

async function open(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const { page, errors } = await openPage(
    session.browser,
    `${session.site.url}/tools/provisioning-inspector`,
  );
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return { page, errors, requests };
}

const codes = (page: Page) =>
  page.locator("[data-code]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-code")));

describe("provisioning document inspector", () => {
  it("reads a real document: stores, certificates decoded, w7 and DMClient settings, all in the browser", async () => {
    const { page, errors, requests } = await open();
    await page.getByLabel(LABEL, { exact: true }).fill(DOCUMENT);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Windows would accept this document.");
    await waitVisible(page.locator("tr[data-store='Root/System']"));
    const client = page.locator("tr[data-store='My/User']");
    expect(await client.textContent()).toContain("CN=B5B954E81FBCB94EB79BD08BE625F4EE");
    // The thumbprint is the one the document names the certificate by.
    const thumbprint = /My"><characteristic type="User"><characteristic type="([0-9A-F]{40})"/.exec(
      DOCUMENT,
    )![1]!;
    expect(await client.textContent()).toContain(thumbprint);
    await waitVisible(page.getByText("https://mdm.contoso.com/ManagementServer/MDM.svc"));
    await waitVisible(page.getByText("DMClient provider Contoso MDM"));
    await waitVisible(page.getByText("No problems found."));
    expect(requests.filter((u) => !u.startsWith(session.site.url))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("reads a whole enrollment response the same way", async () => {
    const { page } = await open();
    await page.getByLabel(LABEL, { exact: true }).fill(RESPONSE);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Windows would accept this document.");
    await waitVisible(page.locator("tr[data-store='My/User']"));
  });

  it("says what is wrong with a broken document", async () => {
    const { page } = await open();
    const broken = DOCUMENT.replace(
      "https://mdm.contoso.com/ManagementServer/MDM.svc",
      "http://mdm.contoso.com/ManagementServer/MDM.svc",
    )
      .replace('<characteristic type="PrivateKeyContainer"/>', "")
      .replace('<characteristic type="Contoso MDM">', '<characteristic type="Fabrikam">');
    await page.getByLabel(LABEL, { exact: true }).fill(broken);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Windows would not enroll with this.");
    await expect
      .poll(() => codes(page))
      .toEqual(
        expect.arrayContaining([
          "addr-not-https",
          "private-key-container-missing",
          "provider-id-mismatch",
        ]),
      );
    expect(await page.locator("tr[data-step='provisioning']").getAttribute("data-verdict")).toBe(
      "fail",
    );
  });

  it("points at the raw ampersand MS-MDE2's own sample has", async () => {
    const { page } = await open();
    await page.getByLabel(LABEL, { exact: true }).fill(DOCUMENT.replace("&amp;Stores", "&Stores"));
    await expect.poll(() => codes(page)).toEqual(["document-not-well-formed"]);
    await waitVisible(page.getByText("must be written &amp;", { exact: false }));
  });

  it("shows its result without a serious accessibility violation", async () => {
    const { page } = await open();
    await page.getByLabel(LABEL, { exact: true }).fill(DOCUMENT.replace("https://", "http://"));
    await expect.poll(() => codes(page)).toContain("addr-not-https");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa"])
      .analyze();
    const serious = results.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(serious.map((v) => v.id)).toEqual([]);
  });

  it("reads the document a server sent a real Windows client, and sees its certificate has expired since", async () => {
    const { page } = await open();
    await page.getByLabel(LABEL, { exact: true }).fill(CAPTURED);
    await expect.poll(() => codes(page)).toContain("certificate-not-valid-now");
    expect(await page.locator("tr[data-store='My/User']").textContent()).toContain(
      "8F2EBD13F3612D7C48C30E24CC73A88492613849",
    );
    await waitVisible(page.getByText("DMClient provider DEMO MDM"));
    await waitVisible(page.getByText("ServerList", { exact: true }));
  });
});
