import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { startSiteInBrowser } from "./support/site";

// Every tool page; each of its text fields gets every payload.
const TOOL_PAGES = [
  "/",
  "/tools/link-builder",
  "/tools/link-inspector",
  "/tools/enrollment-checker",
  "/tools/error-lookup",
  "/tools/syncml-inspector",
];

const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=1">',
  '\'"><iframe src="javascript:window.__xss=1"></iframe>',
  "javascript:window.__xss=1",
  "data:text/html,<script>window.__xss=1</script>",
  "ms-device-enrollment:?mode=mdm&servername=javascript:window.__xss=1",
  'ms-device-enrollment:?mode=mdm&username="><img src=x onerror=window.__xss=1>',
];

const session = startSiteInBrowser();

interface Watched {
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly cspViolations: string[];
}

async function watchedPage(path: string): Promise<Watched> {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  await page.goto(`${session.site.url}${path}`, { waitUntil: "networkidle" });
  return { page, requests, dialogs, cspViolations };
}

/** Text fields a person can type into, including ones revealed by <details>. */
async function textFields(page: Page) {
  for (const summary of await page.locator("main details:not([open]) > summary").all())
    await summary.click();
  const fields = page.locator(
    "main input:not([type]), main input[type=text], main input[type=password], main input[type=search], main textarea",
  );
  const usable = [];
  for (const field of await fields.all()) {
    if ((await field.isVisible()) && (await field.isEditable())) usable.push(field);
  }
  return usable;
}

async function dangerousUrls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll("[href], [src], [action], [formaction]"))
      .flatMap((el) => ["href", "src", "action", "formaction"].map((a) => el.getAttribute(a) ?? ""))
      .filter((url) => /^\s*(javascript|data|vbscript):/i.test(url)),
  );
}

describe.each(TOOL_PAGES)("%s", (path) => {
  it("runs nothing a person types, and links to no script URL", async () => {
    const { page, dialogs } = await watchedPage(path);
    const fields = await textFields(page);
    // The checker is mostly choices; the other tools must offer text fields to attack.
    if (path !== "/tools/enrollment-checker") expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) {
      for (const payload of PAYLOADS) {
        await field.fill(payload);
        await page.waitForTimeout(20);
      }
    }
    await page.waitForTimeout(200);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await dangerousUrls(page)).toEqual([]);
  });

  it("fetches only the site's own files and breaks no security policy", async () => {
    const { page, requests, cspViolations } = await watchedPage(path);
    for (const field of await textFields(page)) {
      await field.fill("someone@example.com");
      await field.fill("ms-device-enrollment:?mode=mdm&servername=https://mdm.example.com");
    }
    await page.waitForTimeout(300);
    const foreign = requests.filter((url) => new URL(url).origin !== session.site.url);
    expect(foreign).toEqual([]);
    expect(cspViolations).toEqual([]);
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
  });
});
