import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatCitation } from "../sources/sources.js";
import { TOKEN_CHECKS } from "./checks.js";
import { importSigningKey, importVerificationKey } from "./keys.js";
import { createTokenSigner } from "./sign.js";
import { type VerifyTokenOptions, verifyEnrollmentToken } from "./verify.js";

const SECRET = "a shared secret of well over thirty-two bytes";
const now = new Date("2026-11-28T12:00:00Z");
const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const EC_PUBLIC = ec.publicKey.export({ type: "spki", format: "pem" }).toString();

async function token(): Promise<string> {
  const signer = createTokenSigner({ key: await importSigningKey(SECRET), ttlSeconds: 3600 });
  return signer.sign({ username: "ana@contoso.com", now });
}

/** A token, the key to check it with, and the options: one verification. */
interface Case {
  readonly token: () => Promise<string>;
  readonly key: () => Promise<Parameters<typeof verifyEnrollmentToken>[1]>;
  readonly options?: VerifyTokenOptions;
}

const CLEAN: Case = { token: () => token(), key: async () => SECRET };

// Each code: a verification that triggers it, written here.
const TRIGGERS: Record<string, Case> = {
  "token-key-invalid": { ...CLEAN, key: async () => importSigningKey(SECRET) },
  "token-malformed": { ...CLEAN, token: async () => "not a token" },
  "token-signature-invalid": {
    ...CLEAN,
    key: async () => "another shared secret that is long enough to be used",
  },
  "token-algorithm-mismatch": { ...CLEAN, key: async () => importVerificationKey(EC_PUBLIC) },
  "token-expired": { ...CLEAN, options: { now: new Date(now.getTime() + 7200_000) } },
  "token-claim-invalid": { ...CLEAN, options: { now, issuer: "https://someone-else.example" } },
};

async function verify(c: Case) {
  return verifyEnrollmentToken(await c.token(), await c.key(), { now, ...c.options });
}

describe("every token check", () => {
  it("has a trigger in this test", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(TOKEN_CHECKS.map((c) => c.code).sort());
  });

  it("a token signed with the key and checked in time is accepted", async () => {
    const result = await verify(CLEAN);
    expect(result.ok).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  for (const check of TOKEN_CHECKS) {
    it(`${check.code} fires, with its table severity and source`, async () => {
      const result = await verify(TRIGGERS[check.code]!);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.map((d) => d.code)).toEqual([check.code]);
      expect(result.diagnostics[0]!.severity).toBe(check.severity);
      expect(result.diagnostics[0]!.source).toBe(formatCitation(check.source));
    });
  }
});
