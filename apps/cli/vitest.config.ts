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

export default defineConfig({
  resolve: { alias },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
});
