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
function fileFor(dir: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidates = [join(dir, clean), `${join(dir, clean)}.html`, join(dir, clean, "index.html")];
  return candidates.find((c) => c.startsWith(dir) && existsSync(c) && statSync(c).isFile());
}

export interface Site {
  /** Where the site's base URL is served, without the trailing slash: `${url}/tools/link-builder`. */
  readonly url: string;
  /** The server's origin alone (scheme, host and port). */
  readonly origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The built site's folder; the regular build by default. */
  readonly dir?: string;
  /** The path the site was built for (`baseUrl`); anything outside it is a 404, as on a shared host. */
  readonly baseUrl?: string;
}

/** Serves a built site on a free loopback port. */
export async function serveSite({
  dir = BUILD_DIR,
  baseUrl = "/",
}: ServeOptions = {}): Promise<Site> {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`no built site in ${dir}: run "pnpm build" first`);
  }
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = path.startsWith(baseUrl)
      ? fileFor(dir, `/${path.slice(baseUrl.length)}`)
      : undefined;
    if (!file) {
      response.writeHead(404, { "content-type": "text/html" });
      response.end(readFileSync(join(dir, "404.html")));
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${baseUrl.replace(/\/$/, "")}`,
    origin,
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
