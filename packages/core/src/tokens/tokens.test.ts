import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";
import { importSigningKey, importVerificationKey, TokenKeyError } from "./keys.js";
import { createTokenSigner } from "./sign.js";
import { verifyEnrollmentToken } from "./verify.js";

const SECRET = "correct horse battery staple, thirty-two bytes or more\n";
const OTHER_SECRET = "another shared secret that is long enough to be used";

function pemPair(type: "ec" | "rsa") {
  const { privateKey, publicKey } =
    type === "ec"
      ? generateKeyPairSync("ec", { namedCurve: "P-256" })
      : generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

const now = new Date("2026-11-28T12:00:00Z");

describe("parseDuration", () => {
  it("reads numbers with units", () => {
    expect(parseDuration("7d")).toBe(604_800);
    expect(parseDuration("12h")).toBe(43_200);
    expect(parseDuration("90m")).toBe(5_400);
    expect(parseDuration("3600")).toBe(3_600);
    expect(parseDuration("2w")).toBe(1_209_600);
  });
  it("refuses what it cannot read", () => {
    for (const bad of ["", "1.5h", "7 days", "-1d", "0", "d"])
      expect(parseDuration(bad)).toBeUndefined();
  });
  it("writes durations back in the largest unit", () => {
    expect(formatDuration(604_800)).toBe("1w");
    expect(formatDuration(86_400 * 3)).toBe("3d");
    expect(formatDuration(61)).toBe("61s");
  });
});

describe.each([
  ["HS256", () => ({ sign: SECRET, verify: SECRET, wrong: OTHER_SECRET })],
  [
    "ES256",
    () => {
      const a = pemPair("ec");
      return { sign: a.privatePem, verify: a.publicPem, wrong: pemPair("ec").publicPem };
    },
  ],
  [
    "RS256",
    () => {
      const a = pemPair("rsa");
      return { sign: a.privatePem, verify: a.publicPem, wrong: pemPair("rsa").publicPem };
    },
  ],
] as const)("%s tokens", (alg, keys) => {
  const material = keys();

  it("verify with the matching key and carry username, tenant and expiry", async () => {
    const key = await importSigningKey(material.sign);
    expect(key.alg).toBe(alg);
    const signer = createTokenSigner({ key, ttlSeconds: 7 * 86_400 });
    const token = await signer.sign({ username: "ana@contoso.com", tenant: "contoso", now });
    const result = await verifyEnrollmentToken(token, material.verify, { now });
    expect(result.ok).toBe(true);
    expect(result.alg).toBe(alg);
    expect(result.claims).toMatchObject({
      sub: "ana@contoso.com",
      tenant: "contoso",
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 7 * 86_400,
    });
    expect(result.claims?.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("fail with another key", async () => {
    const signer = createTokenSigner({
      key: await importSigningKey(material.sign),
      ttlSeconds: 60,
    });
    const token = await signer.sign({ username: "ana@contoso.com", now });
    const result = await verifyEnrollmentToken(token, material.wrong, { now });
    expect(result.ok).toBe(false);
    expect(result.claims).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe("token-signature-invalid");
  });

  it("fail once expired", async () => {
    const signer = createTokenSigner({
      key: await importSigningKey(material.sign),
      ttlSeconds: 60,
    });
    const token = await signer.sign({ username: "ana@contoso.com", now });
    const later = new Date(now.getTime() + 61_000);
    const result = await verifyEnrollmentToken(token, material.verify, { now: later });
    expect(result.diagnostics.map((d) => d.code)).toEqual(["token-expired"]);
  });

  it("never show the key material", async () => {
    const key = await importSigningKey(material.sign);
    const shown = `${JSON.stringify(key)} ${String(key)}`;
    expect(shown).toContain(alg);
    const secretLine = material.sign
      .split("\n")
      .find((l) => l.length > 20 && !l.startsWith("-----"));
    expect(shown).not.toContain(secretLine!.slice(0, 20));
  });
});

describe("keys", () => {
  it("refuses a short shared secret without quoting it", async () => {
    const error = await importSigningKey("tooshort").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenKeyError);
    expect((error as Error).message).toMatch(/8 bytes/);
    expect((error as Error).message).not.toContain("tooshort");
  });

  it("rejects a token signed with another algorithm than the key's", async () => {
    const ec = pemPair("ec");
    const hsToken = await createTokenSigner({
      key: await importSigningKey(SECRET),
      ttlSeconds: 60,
    }).sign({ username: "ana@contoso.com", now });
    const result = await verifyEnrollmentToken(hsToken, ec.publicPem, { now });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]?.code).toBe("token-algorithm-mismatch");
  });

  it("tells a public key from a private one", async () => {
    const ec = pemPair("ec");
    await expect(importSigningKey(ec.publicPem)).rejects.toThrow(/signing needs the private key/);
    await expect(importVerificationKey(ec.privatePem)).rejects.toThrow(/only the public key/);
    const result = await verifyEnrollmentToken("a.b.c", ec.privatePem, { now });
    expect(result.diagnostics[0]?.code).toBe("token-key-invalid");
  });

  it("explains the older PEM formats", async () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const sec1 = privateKey.export({ type: "sec1", format: "pem" }).toString();
    await expect(importSigningKey(sec1)).rejects.toThrow(/PKCS#8/);
  });

  it("calls garbage malformed", async () => {
    const result = await verifyEnrollmentToken("not a token", SECRET, { now });
    expect(result.diagnostics[0]?.code).toBe("token-malformed");
  });
});
