import { existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const BUILD_DIR = fileURLToPath(new URL("../../build", import.meta.url));
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".woff2": "font/woff2",
};

/** Resolves a URL path the way a static host serves Docusaurus output (`/a/b` → `a/b.html`). */
function fileFor(urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidates = [
    join(BUILD_DIR, clean),
    `${join(BUILD_DIR, clean)}.html`,
    join(BUILD_DIR, clean, "index.html"),
  ];
  return candidates.find((c) => c.startsWith(BUILD_DIR) && existsSync(c) && statSync(c).isFile());
}

export interface Site {
  readonly url: string;
  /** Every URL the page asked for, in order. */
  close(): Promise<void>;
}

/** Serves the built site on a free loopback port. */
export async function serveSite(): Promise<Site> {
  if (!existsSync(join(BUILD_DIR, "index.html"))) {
    throw new Error(`no built site in ${BUILD_DIR}: run "pnpm build" first`);
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = fileFor(path);
    if (!file) {
      response.writeHead(404, { "content-type": "text/html" });
      response.end(readFileSync(join(BUILD_DIR, "404.html")));
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
export function startSiteInBrowser(): SiteSession {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite();
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
