import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importVerificationKey, verifyEnrollmentToken } from "@winenroll/core/tokens";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIO } from "../src/io.js";
import { runCli } from "../src/run.js";

function fakeIO() {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: { NO_COLOR: "1" },
    readStdin: async () => "",
  };
  return { io, out: () => stdout, err: () => stderr };
}

async function run(...argv: string[]) {
  const fake = fakeIO();
  const code = await runCli(["link", "batch", ...argv], fake.io);
  return { code, stdout: fake.out(), stderr: fake.err() };
}

const SERVER = "https://mdm.contoso.com/EnrollmentServer/Discovery.svc";
let dir: string;
const at = (name: string) => join(dir, name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "winenroll-batch-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Good, bad, ragged (long and short), duplicate rows; a BOM, CRLF, a blank line, a quoted comma
// and a quoted line break.
const MIXED =
  "\uFEFFE-mail,Display Name,Department,ownership\r\n" +
  'ana@contoso.com,Ana,"Sales, EMEA",3\r\n' +
  "\r\n" +
  'bo@contoso.com,"Bo\nSmith",Legal,9\r\n' +
  "cy@contoso.com,Cy,Sales,2,surplus\r\n" +
  "dee@contoso.com,Dee\r\n" +
  "ANA@contoso.com,Ana again,Sales,3\r\n";

describe("winenroll link batch", () => {
  it("accounts for every row: good, bad, ragged and duplicate", async () => {
    writeFileSync(at("users.csv"), MIXED);
    const result = await run(
      at("users.csv"),
      "--mode",
      "mdm",
      "--servername",
      SERVER,
      "--output",
      at("links.csv"),
      "--rejected",
      at("rejected.csv"),
      "--json",
    );
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      ok: false,
      complete: true,
      rowsRead: 5,
      linked: 3,
      written: 3,
      rejected: 2,
      duplicates: 1,
      errors: { "ownership-invalid": 1, "batch-row-too-long": 1 },
      warnings: { "batch-row-short": 1, "batch-duplicate-user": 1 },
      examples: {
        "ownership-invalid": [4],
        "batch-row-too-long": [6],
        "batch-duplicate-user": [8],
      },
    });
    const links = parse(readFileSync(at("links.csv")), { columns: true }) as Record<
      string,
      string
    >[];
    const rejected = parse(readFileSync(at("rejected.csv")), {
      relax_column_count: true,
    }) as string[][];
    expect(links.length + rejected.length - 1).toBe(summary.rowsRead);
    expect(links.map((r) => r.username)).toEqual([
      "ana@contoso.com",
      "dee@contoso.com",
      "ANA@contoso.com",
    ]);
    expect(links[0]).toEqual({
      "Display Name": "Ana",
      Department: "Sales, EMEA",
      username: "ana@contoso.com",
      link: `ms-device-enrollment:?mode=mdm&username=ana@contoso.com&servername=${SERVER}&ownership=3`,
    });
    expect(rejected[0]).toEqual([
      "line",
      "errors",
      "E-mail",
      "Display Name",
      "Department",
      "ownership",
    ]);
    expect(rejected[1]!.slice(0, 1)).toEqual(["4"]);
    expect(rejected[1]![1]).toMatch(/^ownership-invalid: /);
    expect(rejected[1]![3]).toBe("Bo\nSmith");
    expect(rejected[2]).toEqual([
      "6",
      expect.stringMatching(/^batch-row-too-long/),
      "cy@contoso.com",
      "Cy",
      "Sales",
      "2",
      "surplus",
    ]);
    expect(readdirSync(dir).sort()).toEqual(["links.csv", "rejected.csv", "users.csv"]);
  });

  it("exits 0 and prints CSV on stdout when every row has a link", async () => {
    writeFileSync(at("users.csv"), "upn,mode\nana@contoso.com,mdm\nbo@contoso.com,awa\n");
    const result = await run(at("users.csv"));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "username,link\nana@contoso.com,ms-device-enrollment:?mode=mdm&username=ana@contoso.com\nbo@contoso.com,ms-device-enrollment:?mode=awa&username=bo@contoso.com\n",
    );
    expect(result.stderr).toMatch(/2 rows read: 2 linked/);
  });

  it("counts lines across CR-only line ends, blank lines and quoted line breaks", async () => {
    writeFileSync(
      at("users.csv"),
      'email,note\r\r ana@contoso.com,"a\r\nb"\r  \rbo@contoso.com,x,extra\r',
    );
    const result = await run(
      at("users.csv"),
      "--mode",
      "mdm",
      "--rejected",
      at("r.jsonl"),
      "-o",
      at("l.csv"),
    );
    expect(result.code).toBe(1);
    const rejected = JSON.parse(readFileSync(at("r.jsonl"), "utf8"));
    expect(rejected).toMatchObject({
      line: 6,
      extraFields: ["extra"],
      values: { email: "bo@contoso.com" },
    });
    expect(rejected.diagnostics[0].code).toBe("batch-row-too-long");
  });

  it("refuses CSV with a quote that never closes, leaving no output", async () => {
    writeFileSync(at("users.csv"), 'email,note\nana@contoso.com,"open\nbo@contoso.com,x\n');
    const result = await run(at("users.csv"), "--mode", "mdm", "-o", at("l.csv"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not valid CSV: a quoted field is still open/);
    expect(existsSync(at("l.csv"))).toBe(false);
  });

  it("lists rejected rows on stderr when there is no --rejected file", async () => {
    writeFileSync(at("users.csv"), "email,ownership\nana@contoso.com,7\n");
    const result = await run(at("users.csv"), "--mode", "mdm");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("username,link\n");
    expect(result.stderr).toMatch(/line 2: rejected\n.*ownership-invalid/);
  });

  it("does not overwrite an output without --force", async () => {
    writeFileSync(at("users.csv"), "email\nana@contoso.com\n");
    writeFileSync(at("links.csv"), "keep me");
    const refused = await run(at("users.csv"), "--mode", "mdm", "-o", at("links.csv"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists[\s\S]*--force/);
    expect(readFileSync(at("links.csv"), "utf8")).toBe("keep me");
    const forced = await run(at("users.csv"), "--mode", "mdm", "-o", at("links.csv"), "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(at("links.csv"), "utf8")).toMatch(/^username,link\n/);
  });

  it("refuses input that is not UTF-8, leaving no output", async () => {
    writeFileSync(at("latin1.csv"), Buffer.from("email,name\nana@contoso.com,Jos\xe9\n", "latin1"));
    const latin = await run(at("latin1.csv"), "--mode", "mdm", "-o", at("links.csv"));
    expect(latin.code).toBe(2);
    expect(latin.stderr).toMatch(/not UTF-8[\s\S]*hint: save the file as UTF-8/);
    writeFileSync(at("utf16.csv"), Buffer.from("\uFEFFemail\n", "utf16le"));
    const utf16 = await run(at("utf16.csv"), "--mode", "mdm", "-o", at("links.csv"));
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toMatch(/UTF-16/);
    expect(readdirSync(dir).sort()).toEqual(["latin1.csv", "utf16.csv"]);
  });

  it("stops at the first rejected row with --fail-fast and keeps nothing", async () => {
    writeFileSync(
      at("users.csv"),
      "email,ownership\nana@contoso.com,3\nbo@contoso.com,0\ncy@contoso.com,3\n",
    );
    const result = await run(
      at("users.csv"),
      "--mode",
      "mdm",
      "-o",
      at("links.csv"),
      "--fail-fast",
      "--json",
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      complete: false,
      rowsRead: 2,
      written: 0,
      rejected: 1,
    });
    expect(existsSync(at("links.csv"))).toBe(false);
  });

  it("reads JSON Lines and writes JSON Lines, keeping each record's keys and every bad line", async () => {
    writeFileSync(
      at("users.jsonl"),
      '{"email":"ana@contoso.com","team":"Sales"}\n\n{"email":"bo@contoso.com",}\n{"upn":"cy@contoso.com","team":null,"site":"Oslo"}\n',
    );
    const result = await run(
      at("users.jsonl"),
      "--mode",
      "mdm",
      "-o",
      at("links.jsonl"),
      "--rejected",
      at("rejected"),
      "--json",
    );
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rowsRead: 3,
      linked: 2,
      errors: { "batch-json-invalid": 1 },
    });
    const lines = readFileSync(at("links.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        line: 1,
        team: "Sales",
        username: "ana@contoso.com",
        link: "ms-device-enrollment:?mode=mdm&username=ana@contoso.com",
      },
      {
        line: 4,
        team: "",
        site: "Oslo",
        username: "cy@contoso.com",
        link: "ms-device-enrollment:?mode=mdm&username=cy@contoso.com",
      },
    ]);
    // The rejected file follows the input's format when its name does not say, and keeps the line.
    const rejected = JSON.parse(readFileSync(at("rejected"), "utf8"));
    expect(rejected).toMatchObject({ line: 3, extraFields: ['{"email":"bo@contoso.com",}'] });
    expect(rejected.diagnostics[0].code).toBe("batch-json-invalid");
  });

  it("writes an HTML page with --format html, escaping values", async () => {
    writeFileSync(at("users.csv"), "email,name\nana@contoso.com,<b>Ana</b>\n");
    const result = await run(at("users.csv"), "--mode", "mdm", "-o", at("links.html"));
    expect(result.code).toBe(0);
    const html = readFileSync(at("links.html"), "utf8");
    expect(html).toContain("<td>&lt;b&gt;Ana&lt;/b&gt;</td>");
    expect(html).toContain(
      '<a href="ms-device-enrollment:?mode=mdm&amp;username=ana@contoso.com">',
    );
  });

  describe("templates", () => {
    it("writes the default welcome mail, one per user", async () => {
      writeFileSync(at("users.csv"), "email\nana@contoso.com\nbo@contoso.com\nana@contoso.com\n");
      const result = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--out-dir",
        at("mails"),
        "--json",
      );
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ mails: 3, outDir: at("mails") });
      expect(readdirSync(at("mails")).sort()).toEqual([
        "ana@contoso.com-line-4.html",
        "ana@contoso.com.html",
        "bo@contoso.com.html",
      ]);
      const mail = readFileSync(join(at("mails"), "bo@contoso.com.html"), "utf8");
      expect(mail).toContain(
        '<a href="ms-device-enrollment:?mode=mdm&amp;username=bo@contoso.com"',
      );
      expect(mail).toMatch(/Microsoft Edge[\s\S]*Run box/);
    });

    it("HTML-escapes values in an HTML template and not in a text one", async () => {
      writeFileSync(
        at("users.csv"),
        'email,Display Name\nana@contoso.com,"Ana <script>x</script> & co"\n',
      );
      writeFileSync(at("mail.html"), '<p>Hi {{display_name}}</p><a href="{{link}}">go</a>');
      writeFileSync(at("mail.txt"), "Hi {{Display Name}}: {{link}}");
      const html = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--template",
        at("mail.html"),
        "--out-dir",
        at("html"),
      );
      const text = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--template",
        at("mail.txt"),
        "--out-dir",
        at("text"),
      );
      expect([html.code, text.code]).toEqual([0, 0]);
      expect(readFileSync(join(at("html"), "ana@contoso.com.html"), "utf8")).toBe(
        '<p>Hi Ana &lt;script&gt;x&lt;/script&gt; &amp; co</p><a href="ms-device-enrollment:?mode=mdm&amp;username=ana@contoso.com">go</a>',
      );
      expect(readFileSync(join(at("text"), "ana@contoso.com.txt"), "utf8")).toBe(
        "Hi Ana <script>x</script> & co: ms-device-enrollment:?mode=mdm&username=ana@contoso.com",
      );
    });

    it("refuses a template that names a column the input lacks", async () => {
      writeFileSync(at("users.csv"), "email\nana@contoso.com\n");
      writeFileSync(at("mail.html"), "{{manager}} {{link}}");
      const result = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--template",
        at("mail.html"),
        "--out-dir",
        at("m"),
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/\{\{manager\}\}/);
      expect(existsSync(at("m"))).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(["mail.html", "users.csv"]);
    });
  });

  describe("signed tokens", () => {
    it("signs ES256 tokens that verify with the public key and fail with another; the key never shows", async () => {
      const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
      writeFileSync(at("token.key"), privatePem);
      writeFileSync(at("users.csv"), "email,tenant\nana@contoso.com,contoso\n");
      const result = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--sign-tokens",
        "--token-key",
        at("token.key"),
        "--token-ttl",
        "2d",
        "-o",
        at("links.csv"),
        "--json",
      );
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.stdout);
      expect(summary.token).toMatchObject({ alg: "ES256", ttlSeconds: 172_800 });
      const [row] = parse(readFileSync(at("links.csv")), { columns: true }) as Record<
        string,
        string
      >[];
      const token = new URL(row!.link!).searchParams.get("accesstoken")!;
      const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
      const good = await verifyEnrollmentToken(token, await importVerificationKey(publicPem));
      expect(good.claims).toMatchObject({ sub: "ana@contoso.com", tenant: "contoso" });
      expect(good.claims!.exp - good.claims!.iat).toBe(172_800);
      const other = generateKeyPairSync("ec", { namedCurve: "P-256" })
        .publicKey.export({ type: "spki", format: "pem" })
        .toString();
      expect((await verifyEnrollmentToken(token, other)).ok).toBe(false);
      const body = privatePem.split("\n")[1]!;
      for (const text of [result.stdout, result.stderr, readFileSync(at("links.csv"), "utf8")]) {
        expect(text).not.toContain(body.slice(0, 16));
      }
    });

    it("signs HS256 with a secret file and says so", async () => {
      writeFileSync(at("secret"), "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t\n");
      writeFileSync(at("users.csv"), "email\nana@contoso.com\n");
      const result = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--sign-tokens",
        "--token-key",
        at("secret"),
        "-o",
        at("l.csv"),
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/Tokens signed with HS256, valid 1w/);
    });

    it("refuses a short secret without printing it", async () => {
      writeFileSync(at("secret"), "hunter2");
      writeFileSync(at("users.csv"), "email\nana@contoso.com\n");
      const result = await run(
        at("users.csv"),
        "--mode",
        "mdm",
        "--sign-tokens",
        "--token-key",
        at("secret"),
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/7 bytes long; HS256 needs at least 32/);
      expect(result.stderr + result.stdout).not.toContain("hunter2");
    });
  });

  describe("usage errors exit 2 with one line saying what is accepted", () => {
    it.each([
      [
        ["--token-ttl", "soon", "--mode", "mdm"],
        /--token-ttl "soon" is not a duration\nhint: accepted: /,
      ],
      [["--mode", "mdm", "--json"], /--json prints the summary on standard output/],
      [["--mode", "mdm", "--template", "x.html"], /--template needs --out-dir/],
      [["--mode", "mdm", "--sign-tokens"], /--sign-tokens needs --token-key/],
      [["--mode", "nope"], /argument 'nope' is invalid. Allowed choices are mdm, awa, aadj/],
      [[], /no mode: the input has no mode column/],
    ])("%s", async (flags, message) => {
      writeFileSync(at("users.csv"), "email\nana@contoso.com\n");
      const result = await run(at("users.csv"), ...flags);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    });

    it("says when the input file is missing", async () => {
      const result = await run(at("nope.csv"), "--mode", "mdm");
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/cannot read .*nope.csv: no such file/);
    });
  });
});
