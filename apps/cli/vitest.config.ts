import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const coreSrc = (path: string) =>
  fileURLToPath(new URL(`../../packages/core/src/${path}`, import.meta.url));

// In-process tests read core from source, so a core change needs no rebuild to be tested here.
// The spawn tests run the built binary (dist/cli.js) against built core, as users do.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@winenroll\/core\/node$/, replacement: coreSrc("node/index.ts") },
      { find: /^@winenroll\/core$/, replacement: coreSrc("index.ts") },
    ],
  },
  test: { include: ["src/**/*.test.ts", "test/**/*.test.ts"], testTimeout: 30_000 },
});
