// The site built for a sub-path (WINENROLL_DOCS_BASE_URL=/winenroll/), served only under that path as
// a shared host would: pages, assets, links, search and the live tools must all stay under it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, BASE_URL_BUILD_DIR, buildUnderBaseUrl } from "./support/base-url-build";
import { openPage, startSiteInBrowser, waitVisible } from "./support/site";

// Registered before the server's hook, so it runs first; a cold build takes minutes on a busy machine.
beforeAll(() => {
  buildUnderBaseUrl();
}, 20 * 60_000);

const session = startSiteInBrowser({ dir: BASE_URL_BUILD_DIR, baseUrl: BASE_URL });

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

/** What went wrong while a page loaded and settled: failed responses, requests off the prefix, CSP. */
async function loadProblems(path: string): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const context = await session.browser.newContext();
  const page = await context.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === session.site.origin && !url.pathname.startsWith(BASE_URL))
      problems.push(`outside ${BASE_URL}: ${url.pathname}`);
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  await page.goto(`${session.site.url}${path}`, { waitUntil: "networkidle" });
  return { page, problems };
}

describe(`the site built for ${BASE_URL}`, () => {
  it("is served only under the prefix by this test's server (so a root-absolute URL would fail)", async () => {
    const outside = await fetch(`${session.site.origin}/tools/link-builder`);
    expect(outside.status).toBe(404);
    const inside = await fetch(`${session.site.url}/tools/link-builder`);
    expect(inside.status).toBe(200);
  });

  it("writes every root-absolute href and src in every page with the prefix", () => {
    const offPrefix: string[] = [];
    let pages = 0;
    for (const file of htmlFiles(BASE_URL_BUILD_DIR)) {
      pages++;
      const html = readFileSync(file, "utf8");
      for (const [, attr, value] of html.matchAll(/\s(href|src|content)="(\/[^"]*)"/g)) {
        if (value.startsWith("//") || value.startsWith(BASE_URL)) continue;
        offPrefix.push(`${relative(BASE_URL_BUILD_DIR, file)}: ${attr}="${value}"`);
      }
    }
    expect(pages).toBeGreaterThan(50);
    expect(offPrefix.slice(0, 20)).toEqual([]);
  });

  it("keeps the CSP postbuild's policy on every page", () => {
    const without = [...htmlFiles(BASE_URL_BUILD_DIR)].filter(
      (file) => !readFileSync(file, "utf8").includes('http-equiv="Content-Security-Policy"'),
    );
    expect(without).toEqual([]);
  });

  for (const path of ["/", "/tools/link-builder", "/docs/cli", "/docs/reference/rules"]) {
    it(`${path} loads every script, style and chunk under the prefix, within its CSP`, async () => {
      const { page, problems } = await loadProblems(path);
      await waitVisible(page.locator("main h1, article h1"));
      expect(await page.title()).not.toMatch(/not found/i);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it("renders every internal link of a page with the prefix, after hydration", async () => {
    const { page, problems } = await loadProblems("/docs/cli");
    const paths = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>("a[href]"))
        .filter((a) => a.origin === window.location.origin)
        .map((a) => a.pathname),
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((p) => !p.startsWith(BASE_URL))).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("builds a link in the link builder", async () => {
    const { page, errors } = await openPage(
      session.browser,
      `${session.site.url}/tools/link-builder`,
    );
    await page.getByLabel("username", { exact: true }).fill("someone@example.com");
    await expect
      .poll(() => page.getByLabel("Enrollment link", { exact: true }).textContent())
      .toBe("ms-device-enrollment:?mode=mdm&username=someone@example.com");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("navigates client-side from the navbar and stays under the prefix", async () => {
    const { page, problems } = await loadProblems("/");
    await page.getByRole("navigation").getByRole("link", { name: "Docs", exact: true }).click();
    await page.waitForURL((url) => url.pathname !== BASE_URL);
    expect(new URL(page.url()).pathname.startsWith(`${BASE_URL}docs`)).toBe(true);
    await waitVisible(page.locator("article h1"));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("searches with the index served under the prefix", async () => {
    const { page, problems } = await loadProblems("/docs/cli");
    await page.getByLabel("Search", { exact: true }).click();
    // The box loads its index on focus and is live once autocomplete.js has wrapped it in a <span>.
    await page.waitForFunction(
      () => document.querySelector(".navbar__search-input")?.parentElement?.tagName === "SPAN",
    );
    await page.keyboard.type("dsregcmd");
    await waitVisible(page.getByRole("option"));
    // The first result is selected; Enter opens it through the router, at the URL the index holds.
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname !== `${BASE_URL}docs/cli`);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${BASE_URL}docs/`));
    await waitVisible(page.locator("article h1"));
    expect(await page.title()).not.toMatch(/not found/i);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
