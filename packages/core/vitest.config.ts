import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // Core is pure (no I/O, no mocks, no module state a test could leave behind), so the test files
    // can share one module graph: importing core once per worker instead of once per file halves
    // the CPU time of `pnpm test:unit`.
    isolate: false,
  },
});
