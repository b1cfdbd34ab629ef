import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, run } from "./support/cli.js";

/**
 * Issue 8, secrets: access tokens and token signing keys never reach stderr, diagnostics, error
 * messages or --debug output unless --show-secrets asks for them. The link a command was asked to
 * write is its product and carries the token on stdout; everything else is checked here.
 */

// A JWT whose payload expires in 2286: long-lived, so the linter has something to say about it.
const PAYLOAD = Buffer.from(JSON.stringify({ exp: 9_999_999_999, sub: "someone" })).toString(
  "base64url",
);
const TOKEN = `eyJhbGciOiJIUzI1NiJ9.${PAYLOAD}.U0VDUkVUU0lHTkFUVVJFMDEyMzQ1Ng`;
/** Any run of the token longer than the 4 characters a mask keeps. */
const TOKEN_PIECES = [TOKEN.slice(0, 20), PAYLOAD, TOKEN.slice(-12)];
const SHARED_SECRET = "KEYMATERIAL-shared-secret-for-hs256-0123456789abcdef";

let dir: string;
let ecPem: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "winenroll-secrets-"));
  ecPem = generateKeyPairSync("ec", { namedCurve: "P-256" })
    .privateKey.export({ type: "pkcs8", format: "pem" })
    .toString();
  writeFileSync(at("users.csv"), "email\nsomeone@example.com\nnot-an-address\n");
  writeFileSync(at("ec.pem"), ecPem);
  writeFileSync(at("shared.key"), `${SHARED_SECRET}\n`);
  writeFileSync(at("short.key"), "KEYMATERIAL\n");
  const lines = ecPem.trim().split("\n");
  writeFileSync(at("truncated.pem"), `${lines.slice(0, 2).join("\n")}\n${lines.at(-1)}\n`);
  writeFileSync(
    at("old-garbage.pem"),
    "-----BEGIN EC PRIVATE KEY-----\nKEYMATERIALnotbase64KEYMATERIAL\n-----END EC PRIVATE KEY-----\n",
  );
  writeFileSync(
    at("tokens.csv"),
    `email,accesstoken\nnot-an-address,${TOKEN}\nsomeone@example.com,${TOKEN} x\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The key's secret part: every base64 line between the PEM armour. */
function keyPieces(pem: string): string[] {
  return pem
    .split("\n")
    .filter((line) => line && !line.startsWith("-----"))
    .map((line) => line.slice(0, 24));
}

function expectNoToken(text: string, where: string): void {
  for (const piece of TOKEN_PIECES) expect(text, where).not.toContain(piece);
}

function expectNoKey(result: CliResult): void {
  for (const text of [result.stdout, result.stderr]) {
    expect(text).not.toContain("KEYMATERIAL");
    expect(text).not.toContain(SHARED_SECRET.slice(12));
    for (const piece of keyPieces(ecPem)) expect(text).not.toContain(piece);
  }
}

const LINK = `ms-device-enrollment:?mode=mdm&username=someone@example.com&accesstoken=${TOKEN}`;

describe("link build", () => {
  it("says what it thinks of the token on stderr without quoting it", async () => {
    const result = await run([
      "--debug",
      "link",
      "build",
      "--mode",
      "mdm",
      "--username",
      "someone@example.com",
      "--accesstoken",
      TOKEN,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("accesstoken-long-lived");
    expectNoToken(result.stderr, "stderr");
    // The link asked for is the product, token and all.
    expect(result.stdout.trim()).toBe(LINK);
  });

  it("--json masks the token in params and diagnostics; only the link carries it", async () => {
    const result = await run([
      "link",
      "build",
      "--mode",
      "mdm",
      "--username",
      "someone@example.com",
      "--accesstoken",
      TOKEN,
      "--json",
    ]);
    const json = JSON.parse(result.stdout);
    expect(json.link).toBe(LINK);
    expect(json.params.accesstoken).toBe(`********…${TOKEN.slice(-4)}`);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain(
      "accesstoken-long-lived",
    );
    expectNoToken(JSON.stringify({ ...json, link: undefined }), "JSON without the link");
    expectNoToken(result.stderr, "stderr");
  });

  it("does not echo the token when the command line is wrong", async () => {
    for (const argv of [
      ["link", "build", "--mode", "mdm", "--acesstoken", TOKEN],
      ["link", "build", "--mode", "bogus", "--accesstoken", TOKEN],
      ["link", "build", "--mode", "mdm", "--ownership", "9", "--accesstoken", TOKEN],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expectNoToken(result.stderr + result.stdout, argv.join(" "));
    }
  });
});

describe("link inspect", () => {
  it.each([
    ["a valid link", LINK],
    [
      "an invalid link",
      `ms-device-enrollment:?mode=bogus&AccessToken=${TOKEN}&accesstoken=${TOKEN}`,
    ],
    ["a link inside a start command", `start "" "${LINK}"`],
    ["a link without its ?", LINK.replace("?", "")],
    ["a token with characters to encode", `${LINK}%20x%3C%3E`],
  ])("masks the token of %s in human and JSON output", async (_name, link) => {
    const human = await run(["--debug", "link", "inspect", link]);
    expectNoToken(human.stdout + human.stderr, "human");
    const json = await run(["--debug", "link", "inspect", link, "--json"]);
    expectNoToken(json.stdout + json.stderr, "JSON");
    // Not vacuous: both outputs still show the token's place, masked, rather than leaving it out.
    expect(JSON.parse(json.stdout).params.accesstoken).toMatch(/^\*{8}…/);
    expect(human.stdout).toMatch(/accesstoken\s+\*{8}…/);
  });

  it("masks the token read from standard input", async () => {
    const result = await run(["link", "inspect", "-", "--json"], { stdin: `${LINK}\n` });
    expect(JSON.parse(result.stdout).params.accesstoken).toMatch(/^\*{8}…/);
    expectNoToken(result.stdout + result.stderr, "stdin");
  });

  it("shows the token with --show-secrets, in both outputs", async () => {
    const human = await run(["link", "inspect", LINK, "--show-secrets"]);
    expect(human.stdout).toContain(TOKEN);
    const json = await run(["link", "inspect", LINK, "--show-secrets", "--json"]);
    expect(JSON.parse(json.stdout).params.accesstoken).toBe(TOKEN);
  });
});

describe("link batch", () => {
  const batch = (key: string, extra: string[] = []) =>
    run([
      "--debug",
      "link",
      "batch",
      at("users.csv"),
      "--mode",
      "mdm",
      "--sign-tokens",
      "--token-key",
      at(key),
      "--output",
      at(`out-${key}.csv`),
      "--rejected",
      at(`rejected-${key}.jsonl`),
      "--force",
      ...extra,
    ]);

  it.each(["ec.pem", "shared.key"])("signs with %s and never prints the key", async (key) => {
    const result = await batch(key);
    expect(result.code).toBe(0);
    expectNoKey(result);
    const written = readFileSync(at(`out-${key}.csv`), "utf8");
    expect(written).toContain("accesstoken=");
    expect(written).not.toContain("KEYMATERIAL");
    expect(readFileSync(at(`rejected-${key}.jsonl`), "utf8")).not.toContain("KEYMATERIAL");
  });

  it.each(["short.key", "truncated.pem", "old-garbage.pem"])(
    "refuses the bad key %s without quoting it, even with --debug",
    async (key) => {
      const result = await batch(key);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/error: .*token key/);
      expectNoKey(result);
    },
  );

  it("--json summary names the algorithm, not the key", async () => {
    const result = await batch("ec.pem", ["--json"]);
    expect(JSON.parse(result.stdout).token.alg).toBe("ES256");
    expectNoKey(result);
  });

  it("keeps per-row tokens out of stderr and the summary", async () => {
    const result = await run([
      "--debug",
      "link",
      "batch",
      at("tokens.csv"),
      "--mode",
      "mdm",
      "--output",
      at("tokens-out.csv"),
      "--rejected",
      at("tokens-rejected.jsonl"),
      "--force",
    ]);
    expectNoToken(result.stdout + result.stderr, "batch output");
  });
});

describe("discover", () => {
  it("a private key passed as --ca is refused without printing it, even with --debug", async () => {
    const result = await run([
      "--debug",
      "discover",
      "someone@example.com",
      "--ca",
      at("ec.pem"),
      "--timeout",
      "1s",
    ]);
    expect(result.code).toBe(2);
    expectNoKey(result);
  });
});
