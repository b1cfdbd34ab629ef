import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreDir = new URL("../../packages/core/", import.meta.url);
const coreExports: Record<string, string | { default: string }> = JSON.parse(
  readFileSync(new URL("package.json", coreDir), "utf8"),
).exports;

// In-process tests read core from source, so a core change needs no rebuild to be tested here:
// each entry of core's exports map (dist/x.js) is pointed at its source (src/x.ts).
// The spawn tests run the built binary (dist/cli.js), which bundles built core, as users get it.
const alias = Object.entries(coreExports)
  .filter(([, target]) => typeof target === "object")
  .map(([entry, target]) => ({
    find: new RegExp(`^@winenroll/core${entry.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`),
    replacement: fileURLToPath(
      new URL(
        (target as { default: string }).default
          .replace(/^\.\/dist\//, "src/")
          .replace(/\.js$/, ".ts"),
        coreDir,
      ),
    ),
  }));

/**
 * Three kinds of test, told apart by folder so a new file needs no list:
 * - unit: everything else under src/ and test/, run in this process from source (no build);
 * - bin: test/bin/, the built binary (dist/cli.js) spawned as users run it — needs `build`;
 * - pwsh: test/pwsh/, scripts run by PowerShell — needs pwsh (PWSH_PATH).
 * `pnpm test:unit` runs the first, `pnpm test:e2e` the other two (see CONTRIBUTING.md).
 */
export const BIN_TESTS = "test/bin/**/*.test.ts";
export const PWSH_TESTS = "test/pwsh/**/*.test.ts";

export default defineConfig({
  resolve: { alias },
  test: {
    // A guard against a test that hangs, not a measure of speed (that is bench/'s): generous, so a
    // loaded machine (the 100,000-row batch tests take seconds alone) does not fail a test.
    testTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [BIN_TESTS, PWSH_TESTS],
          // support/cli.ts refuses to spawn the binary here: such a test belongs in test/bin/.
          env: { WINENROLL_TEST_PROJECT: "unit" },
        },
      },
      { extends: true, test: { name: "bin", include: [BIN_TESTS] } },
      { extends: true, test: { name: "pwsh", include: [PWSH_TESTS] } },
    ],
  },
});
