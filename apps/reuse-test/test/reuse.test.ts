// Issue 6, proof of reuse: a Docusaurus site outside the workspace installs @winenroll/core and the plugin
// from the tarballs `pnpm pack` makes (what npm would serve), builds, and its page builds in Chromium the
// same link core builds from the same inputs.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildEnrollmentLink, type EnrollmentLinkParams } from "@winenroll/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packAll } from "../../../scripts/check-packages.mjs";
import { launchBrowser, openPage, type Site, serveSite } from "../../docs/e2e/support/site";
import { type SitePresets, writeSite } from "./support/throwaway-site";

const WORKSPACE = realpathSync(fileURLToPath(new URL("../../..", import.meta.url)));

// Defaults of the site's own, none of them the builder's: the page's mode and servername, the
// tenant from the plugin options.
const PRESETS: SitePresets = {
  pluginDefaults: { tenantidentifier: "contoso.test" },
  pageDefaults: {
    mode: "awa",
    servername: "https://mdm.contoso.test/EnrollmentServer/Discovery.svc",
  },
};
// `+` must be escaped in a link value, so the page and core have to agree on encoding too.
const USERNAME = "dana+it@contoso.test";

const expectedLink = (extra: Record<string, string> = {}) =>
  buildEnrollmentLink({
    ...PRESETS.pluginDefaults,
    ...PRESETS.pageDefaults,
    ...extra,
  } as EnrollmentLinkParams);

/** Runs a command to the end; on failure throws with the tail of its output. */
function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    const tail = `${result.stdout}${result.stderr}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(
      `${command} ${args.join(" ")} failed (${result.status ?? result.signal}):\n${tail}`,
    );
  }
}

let workDir = "";
let siteDir = "";
let site: Site | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "winenroll-reuse-"));
  siteDir = join(workDir, "site");
  const packDir = join(workDir, "packs");
  mkdirSync(packDir);
  const tarballs = packAll(packDir, ["@winenroll/core", "@winenroll/docusaurus-plugin"]);
  writeSite(
    siteDir,
    { core: tarballs["@winenroll/core"]!, plugin: tarballs["@winenroll/docusaurus-plugin"]! },
    PRESETS,
  );
  // The shared pnpm store already holds what the workspace installed, so this mostly links. There is no
  // lockfile to freeze (pnpm freezes by default under CI=true).
  run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], siteDir);
  // Minifying proves nothing here and costs a third of the build.
  run("pnpm", ["exec", "docusaurus", "build", "--no-minify"], siteDir);
  site = await serveSite({ dir: join(siteDir, "build") });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("a separate Docusaurus site using the packed plugin", () => {
  it("gets core and the plugin from the tarballs, not from the workspace", () => {
    const fromSite = createRequire(join(siteDir, "package.json"));
    const plugin = realpathSync(fromSite.resolve("@winenroll/docusaurus-plugin/package.json"));
    const fromPlugin = createRequire(plugin);
    const core = realpathSync(fromPlugin.resolve("@winenroll/core/package.json"));
    for (const path of [plugin, core]) expect(path.startsWith(`${WORKSPACE}/`)).toBe(false);
  });

  it("shows the site's defaults and the link they make", async () => {
    const { page, errors } = await openPage(requireBrowser(), `${requireSite().url}/`);
    expect(await page.getByLabel("mode", { exact: true }).inputValue()).toBe("awa");
    expect(await page.getByLabel("servername", { exact: true }).inputValue()).toBe(
      PRESETS.pageDefaults.servername,
    );
    expect(await page.getByLabel("tenantidentifier", { exact: true }).inputValue()).toBe(
      PRESETS.pluginDefaults.tenantidentifier,
    );
    await expect
      .poll(() => page.getByLabel("Enrollment link", { exact: true }).textContent())
      .toBe(expectedLink());
    expect(errors).toEqual([]);
  });

  it("builds the link core builds once a username is typed", async () => {
    const { page, errors } = await openPage(requireBrowser(), `${requireSite().url}/`);
    await page.getByLabel("username", { exact: true }).fill(USERNAME);
    const link = expectedLink({ username: USERNAME });
    expect(link).toContain("username=dana%2Bit@contoso.test");
    await expect
      .poll(() => page.getByLabel("Enrollment link", { exact: true }).textContent())
      .toBe(link);
    expect(errors).toEqual([]);
  });
});

function requireSite(): Site {
  if (!site) throw new Error("the site is not served: the setup failed");
  return site;
}

function requireBrowser(): Browser {
  if (!browser) throw new Error("Chromium is not started: the setup failed");
  return browser;
}
