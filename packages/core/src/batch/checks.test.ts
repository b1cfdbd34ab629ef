import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { formatCitation } from "../sources/sources.js";
import { importSigningKey } from "../tokens/keys.js";
import { createTokenSigner } from "../tokens/sign.js";
import { EnrollmentBatch } from "./batch.js";
import { BATCH_CHECKS, type BatchCheck, batchDiagnostic } from "./checks.js";

describe("BATCH_CHECKS", () => {
  it("has one entry per code, all kebab-case and prefixed batch-", () => {
    const codes = BATCH_CHECKS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^batch-[a-z]+(-[a-z]+)*$/);
  });

  it("gives diagnostics their severity and source from the table", () => {
    expect(batchDiagnostic("batch-row-too-long", "m", "h")).toEqual({
      code: "batch-row-too-long",
      severity: "error",
      message: "m",
      hint: "h",
      source:
        "RFC 4180: Common Format and MIME Type for Comma-Separated Values (CSV) Files, §2.4: each line should contain the same number of fields",
    });
    expect(batchDiagnostic("batch-duplicate-user", "m", "h", "username")).toEqual({
      code: "batch-duplicate-user",
      severity: "warning",
      message: "m",
      hint: "h",
      param: "username",
    });
  });
});

const now = new Date("2026-11-28T12:00:00Z");
const SERVER = "https://mdm.contoso.com/EnrollmentServer/Discovery.svc";
const signer = async () =>
  createTokenSigner({
    key: await importSigningKey("a shared secret of well over thirty-two bytes"),
    ttlSeconds: 3600,
  });

/** What a batch reports for a header and rows (CSV) or records (JSON Lines), header findings first. */
async function run(input: {
  header?: string[];
  rows?: string[][];
  records?: unknown[];
  invalid?: string;
  mode?: boolean;
  sign?: boolean;
}): Promise<Diagnostic[]> {
  const batch = new EnrollmentBatch({
    defaults: input.mode === false ? { servername: SERVER } : { mode: "mdm", servername: SERVER },
    ...(input.sign ? { signer: await signer() } : {}),
    now,
  });
  const found: Diagnostic[] = [...batch.header(input.header ?? ["email"]).diagnostics];
  let line = 2;
  for (const fields of input.rows ?? [])
    found.push(...(await batch.next({ kind: "row", fields, line: line++ })).diagnostics);
  for (const value of input.records ?? [])
    found.push(...(await batch.next({ kind: "record", value, line: line++ })).diagnostics);
  if (input.invalid !== undefined)
    found.push(
      ...(
        await batch.next({
          kind: "record",
          value: undefined,
          line: line++,
          invalid: { text: input.invalid, message: "bad JSON" },
        })
      ).diagnostics,
    );
  return found;
}

/** A batch with nothing to report: one user, every column named once, a mode for every row. */
const CLEAN = { header: ["email", "department"], rows: [["ana@contoso.com", "Sales"]] };

// Each code: a batch that triggers it, written here.
const TRIGGERS: Record<string, Parameters<typeof run>[0]> = {
  "batch-row-too-long": { rows: [["ana@contoso.com", "surplus"]] },
  "batch-row-short": { header: ["email", "department"], rows: [["ana@contoso.com"]] },
  "batch-mode-missing": { mode: false, rows: [["ana@contoso.com"]] },
  "batch-duplicate-user": { rows: [["ana@contoso.com"], ["ANA@contoso.com"]] },
  "batch-token-needs-username": { sign: true, header: ["department"], rows: [["Sales"]] },
  "batch-token-from-row": {
    sign: true,
    header: ["email", "accesstoken"],
    rows: [["ana@contoso.com", "abc"]],
  },
  "batch-json-invalid": { invalid: '{"email": ana}' },
  "batch-record-not-object": { records: [["ana@contoso.com"]] },
  "batch-value-not-text": { records: [{ email: { first: "ana" } }] },
  "batch-column-ignored": {
    header: ["email", "upn"],
    rows: [["ana@contoso.com", "a@contoso.com"]],
  },
  "batch-column-unnamed": { header: ["email", ""], rows: [["ana@contoso.com", "x"]] },
  "batch-column-repeated": {
    header: ["email", "department", "department"],
    rows: [["ana@contoso.com", "a", "b"]],
  },
};

describe("every batch check", () => {
  it("has a trigger in this test", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(BATCH_CHECKS.map((c) => c.code).sort());
  });

  it("the clean batch reports nothing, signed or not", async () => {
    expect(await run(CLEAN)).toEqual([]);
    expect(await run({ ...CLEAN, sign: true })).toEqual([]);
  });

  for (const check of BATCH_CHECKS as readonly BatchCheck[]) {
    it(`${check.code} fires, with its table severity and source`, async () => {
      const found = (await run(TRIGGERS[check.code]!)).find((d) => d.code === check.code);
      expect(found, check.code).toBeDefined();
      expect(found!.severity).toBe(check.severity);
      expect(found!.source).toBe(check.source ? formatCitation(check.source) : undefined);
    });

    it(`${check.code} stays silent on a clean batch`, async () => {
      const codes = [...(await run(CLEAN)), ...(await run({ ...CLEAN, sign: true }))].map(
        (d) => d.code,
      );
      expect(codes).not.toContain(check.code);
    });
  }
});
