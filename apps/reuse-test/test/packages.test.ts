// The publishable packages as users receive them: packed with pnpm, then each tarball checked by
// scripts/check-packages.mjs (contents, publint, Are the Types Wrong, the CLI bundle) and core
// loaded from it by import and require. Needs the packages built (turbo builds them first).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkCoreLoads,
  checkPackage,
  PACKAGES,
  packAll,
} from "../../../scripts/check-packages.mjs";

const dest = mkdtempSync(join(tmpdir(), "winenroll-pack-"));
const tarballs = packAll(dest);
afterAll(() => rmSync(dest, { recursive: true, force: true }));

describe("the packed packages", () => {
  it.each(PACKAGES.map((p) => p.name))(
    "%s: ships what it should, passes publint and attw",
    async (name) => {
      expect(await checkPackage(name, tarballs[name]!)).toEqual([]);
    },
  );

  it("@winenroll/core loads from its tarball by import and by require", () => {
    expect(checkCoreLoads(tarballs["@winenroll/core"]!)).toEqual([]);
  });
});
