import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

const session = startSiteInBrowser();

/** A server's first answer, written here from MS-MDM: Statuses, then Get, Atomic and Final. */
const SERVER_MESSAGE = `<SyncML xmlns="SYNCML:SYNCML1.2">
  <SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID>
    <Target><LocURI>B5B954E81FBCB94EB79BD08BE625F4EE</LocURI></Target><Source><LocURI>https://mdm.example.com/omadm</LocURI></Source></SyncHdr>
  <SyncBody>
    <Status><CmdID>1</CmdID><MsgRef>1</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd><Data>200</Data></Status>
    <Get><CmdID>2</CmdID><Item><Target><LocURI>./DevDetail/SwV</LocURI></Target></Item></Get>
    <Atomic><CmdID>3</CmdID><Replace><CmdID>4</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI></Target><Data>0</Data></Item></Replace></Atomic>
    <Final/>
  </SyncBody>
</SyncML>`;

describe("SyncML inspector", () => {
  it("explains the header and every command of a pasted server message", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/syncml-inspector`,
    );
    await page.getByLabel("SyncML message", { exact: true }).fill(SERVER_MESSAGE);
    await waitVisible(page.getByText("This message follows the rules checked here."));
    await waitVisible(page.getByText("Written by the server", { exact: false }));
    const header = page.locator("table", { has: page.locator("caption", { hasText: "Header" }) });
    expect(await header.locator("tr", { hasText: "SessionID" }).locator("td").textContent()).toBe(
      "1",
    );
    const rows = page.locator("tr[data-command]");
    expect(
      await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-command"))),
    ).toEqual(["Status", "Get", "Atomic", "Replace"]);
    await waitVisible(page.getByText("answers SyncHdr of message 1: 200, the command succeeded"));
    await waitVisible(page.getByText("runs its commands all or nothing (1 inside)"));
    await waitVisible(page.getByText("No problems found."));
    expect(errors).toEqual([]);
  });

  it("lists the problems of a broken message", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/syncml-inspector`);
    const broken = SERVER_MESSAGE.replace(
      "<LocURI>./DevDetail/SwV</LocURI>",
      "<LocURI>/DevDetail/SwV</LocURI>",
    )
      .replace("<CmdID>4</CmdID>", "")
      .replace("<Final/>", "");
    await page.getByLabel("SyncML message", { exact: true }).fill(broken);
    await waitVisible(page.getByText("This message has problems Windows would trip over."));
    for (const code of ["locuri-invalid", "command-cmdid-invalid"]) {
      await waitVisible(page.locator(`[data-code='${code}']`));
    }
    await page.getByLabel("SyncML message", { exact: true }).fill("<SyncML><SyncHdr>");
    await waitVisible(page.locator("[data-code='syncml-unreadable']"));
  });

  it("masks a credential pasted with the message", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/syncml-inspector`);
    const withSecret = SERVER_MESSAGE.replace(
      "<Data>0</Data>",
      "<Data>0</Data></Item><Item><Target><LocURI>./Vendor/MSFT/Accounts/WiFiPassword</LocURI></Target><Data>correct-horse-battery</Data>",
    );
    await page.getByLabel("SyncML message", { exact: true }).fill(withSecret);
    await waitVisible(page.getByText("./Vendor/MSFT/Accounts/WiFiPassword", { exact: false }));
    expect(await page.locator("section").textContent()).not.toContain("correct-horse-battery");
  });
});

describe("the first management session guide", () => {
  it("draws the session as a sequence diagram and lists every check", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/docs/guides/first-management-session`,
    );
    await waitVisible(page.locator(".docusaurus-mermaid-container svg"));
    expect(await page.locator(".docusaurus-mermaid-container").textContent()).toContain(
      "Alert 1201",
    );
    await waitVisible(page.locator("tr#client-certificate-refused"));
    await waitVisible(page.locator("tr#session-not-ended"));
    expect(errors).toEqual([]);
  });
});
