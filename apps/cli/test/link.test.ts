import { describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

const LINK =
  "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com";

describe("link build", () => {
  it("prints the link alone on stdout", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--servername",
      "https://mdm.example.com",
      "--username",
      "someone@example.com",
    ]);
    expect(result).toEqual({ code: 0, stdout: `${LINK}\n`, stderr: "" });
  });

  it("writes warnings to stderr and still prints the link", async () => {
    const result = await run(["link", "build", "--mode", "mdm", "--servername", "mdm.example.com"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("ms-device-enrollment:?mode=mdm&servername=mdm.example.com\n");
    expect(result.stderr).toContain("servername-no-scheme");
  });

  it("refuses to print a link with an error, exit 1", async () => {
    const result = await run(["link", "build", "--mode", "mdm", "--deviceidentifier", "laptop-42"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("deviceidentifier-not-guid");
    expect(result.stderr).toContain("No link written");
  });

  it("prints an escaped HTML anchor", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--username",
      "a@example.com",
      "--format",
      "html",
      "--text",
      "Enroll <now>",
    ]);
    expect(result.stdout).toBe(
      '<a href="ms-device-enrollment:?mode=mdm&amp;username=a@example.com">Enroll &lt;now&gt;</a>\n',
    );
  });

  it("prints a markdown link whose destination cannot end early", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--tenantidentifier",
      "a(b)",
      "--format",
      "markdown",
      "--text",
      "Enroll [here]",
    ]);
    expect(result.stdout).toBe(
      "[Enroll \\[here\\]](ms-device-enrollment:?mode=mdm&tenantidentifier=a%28b%29)\n",
    );
  });

  it("encodes strictly on request", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--username",
      "a@example.com",
      "--encoding",
      "strict",
    ]);
    expect(result.stdout).toBe("ms-device-enrollment:?mode=mdm&username=a%40example.com\n");
  });

  it("prints JSON with --json, token masked", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--accesstoken",
      "verysecrettoken-123456",
      "--json",
    ]);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(true);
    expect(json.link).toBe("ms-device-enrollment:?mode=mdm&accesstoken=verysecrettoken-123456");
    expect(json.params.accesstoken).not.toContain("verysecrettoken");
    expect(json.minWindows.version).toBe("1703");
  });

  it("rejects an unknown mode as a usage error, exit 2", async () => {
    const result = await run(["link", "build", "--mode", "intune"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Allowed choices are mdm, awa, aadj");
  });

  it("requires --mode", async () => {
    const result = await run(["link", "build"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--mode");
  });
});

describe("link inspect", () => {
  it("explains a bad link, exit 1", async () => {
    const result = await run([
      "link",
      "inspect",
      "ms-device-enrollment:?username=someone@example.com&mode=mdm",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("mode-not-first");
    expect(result.stdout).toContain("Canonical link");
    expect(result.stdout).toContain("ms-device-enrollment:?mode=mdm&username=someone@example.com");
  });

  it("reads the link from stdin with -", async () => {
    const result = await run(["link", "inspect", "-", "--json"], {
      stdin: `Start-Process "${LINK}"\n`,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.ok).toBe(true);
    expect(json.link).toBe(LINK);
    expect(json.unwrapped).toEqual(["took the link out of a command line"]);
  });

  it("masks the access token unless --show-secrets", async () => {
    const link = "ms-device-enrollment:?mode=mdm&accesstoken=s3cr3t-token-value-9999";
    for (const args of [[], ["--json"]]) {
      const masked = await run(["link", "inspect", link, ...args]);
      expect(masked.stdout + masked.stderr).not.toContain("s3cr3t-token-value");
      expect(masked.stdout).toContain("9999");
    }
    const shown = await run(["link", "inspect", link, "--json", "--show-secrets"]);
    expect(JSON.parse(shown.stdout).params.accesstoken).toBe("s3cr3t-token-value-9999");
  });

  it("says what to do with an empty argument, exit 2", async () => {
    const result = await run(["link", "inspect", "  "]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("hint:");
  });
});

describe("the program", () => {
  it("suggests a mistyped command", async () => {
    const result = await run(["link", "buidl"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Did you mean build?");
  });

  it("leads its help with examples", async () => {
    const result = await run(["link", "build", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith("Examples:")).toBe(true);
  });

  it("colours only when asked or on a terminal", async () => {
    const bad = ["link", "inspect", "ms-device-enrollment:?mode=x"];
    expect((await run(bad)).stdout).not.toContain("\u001b[");
    expect((await run(bad, { tty: true })).stdout).toContain("\u001b[");
    expect((await run(bad, { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain("\u001b[");
    expect((await run(["--no-color", ...bad], { tty: true })).stdout).not.toContain("\u001b[");
    expect((await run(bad, { env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
  });
});
