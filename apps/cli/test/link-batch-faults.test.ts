import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

/** Issue 8, batch under faults: each a clear error or a complete rejected file, and the counts add up. */

let dir: string;
const at = (...names: string[]) => join(dir, ...names);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "winenroll-batch-faults-"));
  writeFileSync(at("users.csv"), "email\nsomeone@example.com\n");
  mkdirSync(at("a-folder"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const batch = (input: string, extra: string[]) =>
  run(["link", "batch", input, "--mode", "mdm", ...extra]);

/** Nothing but the input files and folders the test made: no output, no temporary leftovers. */
function expectNothingWritten(before: string[]): void {
  expect(readdirSync(dir).sort()).toEqual(before);
}

describe("input that cannot be read", () => {
  it.each([
    ["a missing file", () => at("missing.csv"), /cannot read .*missing\.csv: no such file/],
    ["a folder", () => at("a-folder"), /a-folder is a directory/],
  ])("%s: exit 2 with what went wrong and a hint, nothing written", async (_name, input, says) => {
    const before = readdirSync(dir).sort();
    const result = await batch(input(), ["--output", at("out.csv"), "--input-format", "csv"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).toMatch(/\nhint: /);
    expectNothingWritten(before);
  });
});

describe("output that cannot be written", () => {
  it.each([
    ["--output in a missing folder", ["--output", "nowhere/out.csv"], /its folder does not exist/],
    [
      "--output under a file",
      ["--output", "users.csv/out.csv"],
      /users\.csv is a file, not a folder/,
    ],
    ["--output onto a folder", ["--output", "a-folder", "--force"], /a-folder: it is a folder/],
    [
      "--rejected in a missing folder",
      ["--output", "out.csv", "--rejected", "nowhere/r.jsonl"],
      /its folder does not exist/,
    ],
    ["--out-dir under a file", ["--out-dir", "users.csv/mails"], /is a file, not a folder/],
    [
      "--out-dir onto a file",
      ["--out-dir", "plain-file", "--force"],
      /plain-file: it is a file, not a folder/,
    ],
  ])("%s: exit 2 before any row is read, nothing written", async (_name, flags, says) => {
    writeFileSync(at("plain-file"), "x");
    const before = readdirSync(dir).sort();
    const args = flags.map((f, i) =>
      i % 2 === 1 || !f.startsWith("--") ? (f.startsWith("--") ? f : at(f)) : f,
    );
    const result = await batch(at("users.csv"), args);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(says);
    expect(result.stderr).toMatch(/\nhint: /);
    expectNothingWritten(before);
    rmSync(at("plain-file"));
  });
});

describe("hostile input files", () => {
  it("100,000 bad rows: a complete rejected file, and the counts add up", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `user${i}@example.com,9`);
    writeFileSync(at("bad.csv"), `email,ownership\n${rows.join("\n")}\n`);
    const result = await batch(at("bad.csv"), [
      "--output",
      at("bad-out.csv"),
      "--rejected",
      at("bad-rejected.jsonl"),
      "--json",
    ]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      rowsRead: 100_000,
      linked: 0,
      rejected: 100_000,
      complete: true,
    });
    expect(summary.linked + summary.rejected).toBe(summary.rowsRead);
    expect(summary.errors).toEqual({ "ownership-invalid": 100_000 });
    const rejected = readFileSync(at("bad-rejected.jsonl"), "utf8").trimEnd().split("\n");
    expect(rejected).toHaveLength(100_000);
    expect(JSON.parse(rejected[0]!).line).toBe(2);
    expect(JSON.parse(rejected.at(-1)!).line).toBe(100_001);
    expect(readdirSync(dir).filter((n) => n.includes(".partial"))).toEqual([]);
  }, 30_000);

  it("a 10 MB field: the row is handled whole, the next row too, and the counts add up", async () => {
    const huge = `${"a".repeat(10 * 1024 * 1024)}@example.com`;
    writeFileSync(at("huge.csv"), `email\n${huge}\nsomeone@example.com\n`);
    const result = await batch(at("huge.csv"), [
      "--output",
      at("huge-out.jsonl"),
      "--rejected",
      at("huge-rejected.jsonl"),
      "--json",
    ]);
    const summary = JSON.parse(result.stdout);
    expect(summary.rowsRead).toBe(2);
    expect(summary.linked + summary.rejected).toBe(2);
    // Windows cannot take a link this long: the row is flagged, never silently cut.
    expect({ ...summary.errors, ...summary.warnings }).toHaveProperty("link-too-long");
    const written = readFileSync(at("huge-out.jsonl"), "utf8").trimEnd().split("\n");
    const rejected = readFileSync(at("huge-rejected.jsonl"), "utf8")
      .trimEnd()
      .split("\n")
      .filter(Boolean);
    expect(written.length + rejected.length).toBe(2);
    expect(`${written.join("")}${rejected.join("")}`).toContain(huge);
  }, 30_000);

  it("a 10 MB quoted field that never closes: a clear error naming the line, nothing written", async () => {
    writeFileSync(at("open.csv"), `email\n"${"a".repeat(10 * 1024 * 1024)}\nsomeone@example.com\n`);
    const result = await batch(at("open.csv"), ["--output", at("open-out.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/quoted field is still open.*line/);
    expect(existsSync(at("open-out.csv"))).toBe(false);
  });
});
