import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtCli, spawnCli } from "../support/cli.js";

/**
 * Runs `<input> | winenroll <args> | head -c 10` in bash and returns the binary's own exit status and
 * what it wrote to stderr.
 */
function intoShortReader(args: string, input = "true"): { status: number; stderr: string } {
  const script = `${input} | node ${JSON.stringify(builtCli())} ${args} 2>"$ERR" | head -c 10 >/dev/null; exit \${PIPESTATUS[1]}`;
  const errFile = join(mkdtempSync(join(tmpdir(), "winenroll-epipe-")), "stderr");
  const result = spawnSync("bash", ["-c", script], { env: { ...process.env, ERR: errFile } });
  return { status: result.status ?? -1, stderr: readFileSync(errFile, "utf8") };
}

describe("standard output", () => {
  it("carries a text larger than a pipe holds (64 kB) whole, with the diagnostics on stderr", () => {
    const username = `${"a".repeat(100_000)}@example.com`;
    const result = spawnCli(["link", "build", "--mode", "mdm", "--username", username]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`ms-device-enrollment:?mode=mdm&username=${username}\n`);
    expect(result.stderr).toContain("link-too-long");
  });

  it("stops quietly when the reader goes away (| head): no EPIPE, no stack trace, exit 0", () => {
    const username = `${"a".repeat(100_000)}@example.com`;
    const { status, stderr } = intoShortReader(`link build --mode mdm --username ${username}`);
    expect(stderr).not.toMatch(/EPIPE|Error:|at .*\.js:\d+/);
    expect(status).toBe(0);
  });

  it("says in one line that a batch was cut short when its reader goes away, exit 1", () => {
    const users = "(echo username; seq -f 'u%g@example.com' 50000)";
    const { status, stderr } = intoShortReader("link batch - --mode mdm", users);
    expect(stderr).toMatch(/^error: standard output was closed after [\d,]+ rows; stopped\nhint: /);
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(status).toBe(1);
  });

  it("becomes the stream where a command needs one (link batch streams its rows to stdout)", () => {
    const result = spawnCli(["link", "batch", "-", "--mode", "mdm"], {
      stdin: "username\na@example.com\nb@example.com\n",
    });
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n").filter(Boolean)).toEqual([
      "username,link",
      "a@example.com,ms-device-enrollment:?mode=mdm&username=a@example.com",
      "b@example.com,ms-device-enrollment:?mode=mdm&username=b@example.com",
    ]);
  });
});
