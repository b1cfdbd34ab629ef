import { defineConfig } from "vitest/config";

// Browser tests against the built site (build/): Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
