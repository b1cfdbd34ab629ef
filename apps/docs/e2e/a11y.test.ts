import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openPage, startSiteInBrowser } from "./support/site";

const session = startSiteInBrowser();

/** The tool pages, found from the source folder so a new tool is checked without being listed here. */
const TOOL_PAGES = readdirSync(fileURLToPath(new URL("../src/pages/tools", import.meta.url)))
  .filter((f) => /\.(tsx|jsx|mdx?)$/.test(f))
  .map((f) => `/tools/${f.replace(/\.[^.]+$/, "")}`)
  .sort();
const PAGES = ["/", ...TOOL_PAGES];

interface Finding {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly targets: string[];
}

async function seriousViolations(page: Page): Promise<Finding[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

describe("accessibility (axe-core)", () => {
  it("finds the tool pages to check", () => {
    expect(TOOL_PAGES).toContain("/tools/link-builder");
  });

  for (const path of PAGES) {
    for (const theme of ["light", "dark"] as const) {
      it(`${path} has no serious or critical violation in ${theme} mode`, async () => {
        const { page, errors } = await openPage(session.browser, `${session.site.url}${path}`);
        await page.evaluate((t) => {
          document.documentElement.setAttribute("data-theme", t);
        }, theme);
        expect(await page.getAttribute("html", "data-theme")).toBe(theme);
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});

/** Presses Tab until the focused element satisfies `want`, or fails after `limit` presses. */
async function tabTo(page: Page, describeFocus: string, limit = 80): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return "";
      return (
        el.labels?.[0]?.textContent ??
        el.getAttribute("aria-label") ??
        el.textContent ??
        ""
      ).trim();
    });
    if (label === describeFocus) return;
    seen.push(label);
  }
  throw new Error(
    `Tab never reached "${describeFocus}"; focus went to: ${seen.slice(0, 20).join(" | ")}`,
  );
}

describe("keyboard only", () => {
  for (const path of TOOL_PAGES) {
    it(`${path}: Tab reaches every form control in the tool`, async () => {
      const { page } = await openPage(session.browser, `${session.site.url}${path}`);
      const controls = await page.evaluate(() => {
        const all = Array.from(
          document.querySelectorAll<HTMLElement>(
            "main input, main select, main textarea, main button",
          ),
        ).filter((el) => !(el as HTMLInputElement).disabled && el.checkVisibility());
        for (const [i, el] of all.entries()) el.setAttribute("data-kbd", String(i));
        return all.map(
          (el) =>
            `${el.tagName.toLowerCase()} "${(el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? ""}"`,
        );
      });
      expect(controls.length).toBeGreaterThan(0);
      const reached = new Set<string>();
      for (let i = 0; i < controls.length + 200 && reached.size < controls.length; i++) {
        await page.keyboard.press("Tab");
        const id = await page.evaluate(
          () => document.activeElement?.getAttribute("data-kbd") ?? null,
        );
        if (id !== null) reached.add(id);
      }
      expect(controls.filter((_, i) => !reached.has(String(i)))).toEqual([]);
      await page.context().close();
    });
  }

  // Skipped, with a known bug: while typing into the builder, focus jumps to the search box after a
  // few characters (the search plugin reacts to typed keys). Issue 6 stays open until this passes.
  it.skip("/tools/link-builder builds a link typed with the keyboard alone", async () => {
    const { page } = await openPage(session.browser, `${session.site.url}/tools/link-builder`);
    await tabTo(page, "username");
    await page.keyboard.type("someone@example.com");
    await tabTo(page, "servername");
    await page.keyboard.type("https://mdm.example.com");
    const output = page.getByLabel("Enrollment link", { exact: true });
    await expect
      .poll(() => output.textContent())
      .toBe(
        "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com",
      );
    await page.context().close();
  });
});
