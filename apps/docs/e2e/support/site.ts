import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { type StaticHost, serveStatic } from "../../scripts/static-host.mjs";

const BUILD_DIR = fileURLToPath(new URL("../../build", import.meta.url));
export type Site = StaticHost;

export interface ServeOptions {
  /** The built site's folder; the regular build by default. */
  readonly dir?: string;
  /** The path the site was built for (`baseUrl`); anything outside it is a 404, as on a shared host. */
  readonly baseUrl?: string;
}

/** Serves a built site on a free loopback port (the regular build unless told otherwise). */
export function serveSite({ dir = BUILD_DIR, baseUrl = "/" }: ServeOptions = {}): Promise<Site> {
  return serveStatic({ dir, baseUrl });
}

/** Debian's Chromium, as the toolchain notes prescribe; Playwright's own download cannot work here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh page that fails the test on any uncaught script error. */
export async function openPage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url, { waitUntil: "networkidle" });
  return { page, errors };
}

/**
 * Waits until the element is visible; throws (failing the test) when it does not appear in time.
 * vitest's `expect` has no Playwright matchers, so browser tests use these and `expect.poll`.
 */
export async function waitVisible(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout });
}

export interface SiteSession {
  readonly site: Site;
  readonly browser: Browser;
}

/**
 * Serves the built site and starts Chromium once for a test file (vitest `beforeAll`/`afterAll`), and
 * closes both at the end. Read `session.site` and `session.browser` inside tests.
 */
export function startSiteInBrowser(options?: ServeOptions): SiteSession {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      if (!site) throw new Error("the site is not served yet: use it inside a test");
      return site;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not started yet: use it inside a test");
      return browser;
    },
  };
}
