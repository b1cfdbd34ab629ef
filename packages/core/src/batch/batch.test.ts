import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inspectEnrollmentLink } from "../link/inspect.js";
import { importSigningKey, importVerificationKey } from "../tokens/keys.js";
import { createTokenSigner, type TokenSigner } from "../tokens/sign.js";
import { verifyEnrollmentToken } from "../tokens/verify.js";
import { EnrollmentBatch, linkRows } from "./batch.js";
import type { BatchRowResult } from "./row.js";

const now = new Date("2026-11-28T12:00:00Z");
const SERVER = "https://mdm.contoso.com/EnrollmentServer/Discovery.svc";

/** A CSV row through the batch's one entry. */
const csvRow = (batch: EnrollmentBatch, fields: string[], line: number) =>
  batch.next({ kind: "row", fields, line });
const jsonRecord = (batch: EnrollmentBatch, value: unknown, line: number) =>
  batch.next({ kind: "record", value, line });

describe("EnrollmentBatch", () => {
  it("counts add up on good, bad, ragged and duplicate rows", async () => {
    const batch = new EnrollmentBatch({ defaults: { mode: "mdm", servername: SERVER }, now });
    batch.header(["E-mail", "Department", "ownership"]);
    const rows: [string[], number][] = [
      [["ana@contoso.com", "Sales", "3"], 2],
      [["bo@contoso.com", "Legal", "9"], 3], // bad ownership: error
      [["cy@contoso.com", "Sales", "2", "surplus"], 4], // ragged, too long: rejected
      [["dee@contoso.com"], 5], // ragged, short: warned, linked
      [["ANA@contoso.com", "Sales", "3"], 6], // duplicate of line 2: warned, linked
      [["CONTOSO\\eve", "Sales", "3"], 7], // not a UPN: warned, linked
      [["fay@contoso.com", "Sales", "x"], 8], // bad ownership again: error
    ];
    const results = [];
    for (const [fields, line] of rows) results.push(await csvRow(batch, fields, line));
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true, true, true, false]);
    const summary = batch.summary();
    expect(summary).toMatchObject({
      ok: false,
      rowsRead: 7,
      linked: 4,
      rejected: 3,
      duplicates: 1,
    });
    expect(summary.linked + summary.rejected).toBe(summary.rowsRead);
    expect(summary.errors).toEqual({
      "ownership-invalid": 2,
      "batch-row-too-long": 1,
    });
    expect(summary.warnings).toMatchObject({
      "batch-row-short": 1,
      "batch-duplicate-user": 1,
      "username-invalid": 1,
    });
    expect(
      results[4]!.diagnostics.find((d) => d.code === "batch-duplicate-user")?.message,
    ).toContain("line 2");
    expect(results[0]!.link).toBe(
      `ms-device-enrollment:?mode=mdm&username=ana@contoso.com&servername=${SERVER}&ownership=3`,
    );
    expect(results[0]!.values).toEqual({
      "E-mail": "ana@contoso.com",
      Department: "Sales",
      ownership: "3",
    });
    expect(results[2]!.extraFields).toEqual(["surplus"]);
    expect(results[1]!.link).toBeUndefined();
  });

  it("lets a row's own values override the defaults", async () => {
    const batch = new EnrollmentBatch({ defaults: { mode: "mdm", ownership: "3" }, now });
    batch.header(["upn", "Ownership", "mode"]);
    const own = await csvRow(batch, ["ana@contoso.com", "2", "awa"], 2);
    const fallback = await csvRow(batch, ["bo@contoso.com", "", ""], 3);
    expect(own.link).toBe("ms-device-enrollment:?mode=awa&username=ana@contoso.com&ownership=2");
    expect(fallback.link).toBe(
      "ms-device-enrollment:?mode=mdm&username=bo@contoso.com&ownership=3",
    );
  });

  it("rejects a row without a mode", async () => {
    const batch = new EnrollmentBatch({ now });
    batch.header(["email"]);
    const row = await csvRow(batch, ["ana@contoso.com"], 2);
    expect(row.ok).toBe(false);
    expect(row.diagnostics[0]?.code).toBe("batch-mode-missing");
  });

  it("reads JSON Lines records, rejecting nested values", async () => {
    const batch = new EnrollmentBatch({ defaults: { mode: "mdm" }, now });
    const good = await jsonRecord(batch, { email: "ana@contoso.com", badge: 12 }, 1);
    const nested = await jsonRecord(batch, { email: "bo@contoso.com", groups: ["a"] }, 2);
    const notObject = await jsonRecord(batch, [1, 2], 3);
    expect(good.ok).toBe(true);
    expect(good.values.badge).toBe("12");
    expect(nested.ok).toBe(false);
    expect(nested.diagnostics[0]?.code).toBe("batch-value-not-text");
    expect(notObject.diagnostics[0]?.code).toBe("batch-record-not-object");
    expect(batch.summary()).toMatchObject({ rowsRead: 3, linked: 1, rejected: 2 });
    expect(batch.summary().errors).toEqual({
      "batch-value-not-text": 1,
      "batch-record-not-object": 1,
    });
  });

  it("signs a token per user that verifies with the matching key", async () => {
    const secret = "a shared secret of well over thirty-two bytes";
    const signer = createTokenSigner({ key: await importSigningKey(secret), ttlSeconds: 86_400 });
    const batch = new EnrollmentBatch({
      defaults: { mode: "mdm", tenantidentifier: "contoso" },
      signer,
      now,
    });
    batch.header(["email"]);
    const row = await csvRow(batch, ["ana@contoso.com"], 2);
    expect(row.ok).toBe(true);
    const token = new URL(row.link!).searchParams.get("accesstoken")!;
    const verified = await verifyEnrollmentToken(token, await importVerificationKey(secret), {
      now,
    });
    expect(verified.claims).toMatchObject({ sub: "ana@contoso.com", tenant: "contoso" });
    expect(batch.summary().token).toEqual({
      alg: "HS256",
      ttlSeconds: 86_400,
      issuedAt: "2026-11-28T12:00:00.000Z",
      expiresAt: "2026-11-29T12:00:00.000Z",
    });
    const anonymous = await csvRow(batch, [""], 3);
    expect(anonymous.diagnostics[0]?.code).toBe("batch-token-needs-username");
  });

  it("answers at once when it signs nothing, and with a promise when it signs", async () => {
    const plain = new EnrollmentBatch({ defaults: { mode: "mdm" }, now });
    plain.header(["email"]);
    const direct = csvRow(plain, ["ana@contoso.com"], 2);
    expect(direct).not.toBeInstanceOf(Promise);
    expect((direct as BatchRowResult).link).toBe(
      "ms-device-enrollment:?mode=mdm&username=ana@contoso.com",
    );
    const signer = createTokenSigner({
      key: await importSigningKey("a shared secret of well over thirty-two bytes"),
      ttlSeconds: 60,
    });
    const signing = new EnrollmentBatch({ defaults: { mode: "mdm" }, signer, now });
    signing.header(["email"]);
    const pending = csvRow(signing, ["ana@contoso.com"], 2);
    expect(pending).toBeInstanceOf(Promise);
    expect((await pending).link).toMatch(/&accesstoken=eyJ/);
  });

  it("signs no row that is already rejected", async () => {
    let signed = 0;
    const signer = createTokenSigner({
      key: await importSigningKey("a shared secret of well over thirty-two bytes"),
      ttlSeconds: 60,
    });
    const counting: TokenSigner = {
      alg: signer.alg,
      ttlSeconds: signer.ttlSeconds,
      sign: (request) => {
        signed += 1;
        return signer.sign(request);
      },
    };
    const batch = new EnrollmentBatch({ defaults: { mode: "mdm" }, signer: counting, now });
    batch.header(["email"]);
    const ragged = await csvRow(batch, ["ana@contoso.com", "surplus"], 2);
    expect(ragged.ok).toBe(false);
    expect(signed).toBe(0);
    expect((await csvRow(batch, ["bo@contoso.com"], 3)).ok).toBe(true);
    expect(signed).toBe(1);
  });

  it("streams rows through linkRows", async () => {
    const batch = new EnrollmentBatch({ defaults: { mode: "mdm" }, now });
    async function* rows() {
      for (let i = 1; i <= 50; i++) yield { line: i + 1, fields: [`user${i}@contoso.com`] };
    }
    let count = 0;
    for await (const row of linkRows(batch, ["email"], rows())) {
      expect(row.ok).toBe(true);
      count += 1;
    }
    expect(count).toBe(50);
    expect(batch.summary().linked).toBe(50);
  });

  it("gives every row the same verdict as inspecting its link alone", async () => {
    const local = fc.stringMatching(/^[A-Za-z0-9._+-]{1,12}$/);
    const domain = fc.constantFrom("contoso.com", "example.com", "x", "a..b", "-");
    const servername = fc.constantFrom(SERVER, "mdm.contoso.com", "http://mdm.contoso.com", "");
    const ownership = fc.constantFrom("1", "2", "3", "", "4");
    const batch = new EnrollmentBatch({ now });
    batch.header(["mode", "username", "servername", "ownership"]);
    let line = 1;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("mdm", "awa", "MDM"),
        local,
        domain,
        servername,
        ownership,
        async (mode, user, host, server, owner) => {
          line += 1;
          const username = `${user}@${host}`;
          const row = await csvRow(batch, [mode, username, server, owner], line);
          const alone = inspectEnrollmentLink(
            `ms-device-enrollment:?mode=${mode}&username=${username.replace(/\+/g, "%2B")}${server ? `&servername=${server}` : ""}${owner ? `&ownership=${owner}` : ""}`,
            { now },
          );
          expect(row.ok).toBe(alone.ok);
          const own = row.diagnostics.filter((d) => !d.code.startsWith("batch-"));
          expect(own.map((d) => [d.code, d.message, d.hint])).toEqual(
            alone.diagnostics.map((d) => [d.code, d.message, d.hint]),
          );
        },
      ),
      { numRuns: 400 },
    );
  });
});
