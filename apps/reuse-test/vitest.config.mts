import { defineConfig } from "vitest/config";

// One slow setup (pack, install, Docusaurus build) shared by a few quick browser checks.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
