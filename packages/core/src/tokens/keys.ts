import type { Citation } from "../sources/sources.js";
import { loadJose } from "./jose.js";

/** The JWS algorithms winenroll signs and verifies access tokens with (RFC 7518 §3.1). */
export type TokenAlgorithm = "HS256" | "ES256" | "RS256";

export const TOKEN_ALGORITHMS: readonly {
  readonly alg: TokenAlgorithm;
  /** What key it needs, in winenroll's words. */
  readonly key: string;
  readonly source: Citation;
}[] = [
  {
    alg: "HS256",
    key: "a shared secret of at least 32 bytes, known to winenroll and the MDM server",
    source: { doc: "rfc-7518", section: "§3.2 HMAC with SHA-2 Functions" },
  },
  {
    alg: "ES256",
    key: "an EC private key on the P-256 curve (PKCS#8 PEM); the server holds the public key",
    source: { doc: "rfc-7518", section: "§3.4 Digital Signature with ECDSA" },
  },
  {
    alg: "RS256",
    key: "an RSA private key of 2048 bits or more (PKCS#8 PEM); the server holds the public key",
    source: { doc: "rfc-7518", section: "§3.3 Digital Signature with RSASSA-PKCS1-v1_5" },
  },
];

/** RFC 7518 §3.2: an HS256 key must be at least as long as the hash output, 256 bits. */
export const MIN_HS256_SECRET_BYTES = 32;

/**
 * A key ready to sign or verify with. The key material itself stays inside an opaque, non-extractable
 * `CryptoKey` (or bytes that are never serialised): printing or JSON-encoding this object shows only
 * the algorithm and what the key is for.
 */
export interface TokenKey {
  readonly alg: TokenAlgorithm;
  readonly use: "sign" | "verify";
  /** @internal */
  readonly key: CryptoKey;
  toJSON(): { alg: TokenAlgorithm; use: "sign" | "verify" };
}

/**
 * Why a key could not be used. The message describes the key's kind, never its content.
 */
export class TokenKeyError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "TokenKeyError";
  }
}

function tokenKey(alg: TokenAlgorithm, use: "sign" | "verify", key: CryptoKey): TokenKey {
  const shown = { alg, use };
  return Object.freeze({
    alg,
    use,
    key,
    toJSON: () => shown,
    toString: () => `[${alg} ${use} key]`,
  });
}

function pemLabel(text: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(text)?.[1];
}

function secretBytes(text: string): Uint8Array {
  // A secret file usually ends with one newline that is not part of the secret.
  return new TextEncoder().encode(text.replace(/\r?\n$/, ""));
}

async function hmacKey(text: string, use: "sign" | "verify"): Promise<TokenKey> {
  const bytes = secretBytes(text);
  if (bytes.length < MIN_HS256_SECRET_BYTES) {
    throw new TokenKeyError(
      `the shared secret is ${bytes.length} bytes long; HS256 needs at least ${MIN_HS256_SECRET_BYTES}`,
      "generate a longer one, for example: openssl rand -base64 48 > token.secret",
    );
  }
  const key = await crypto.subtle.importKey(
    "raw",
    bytes as BufferSource,
    { name: "HMAC", hash: "SHA-256" },
    false,
    [use],
  );
  return tokenKey("HS256", use, key);
}

async function firstThatImports(
  attempts: readonly [TokenAlgorithm, () => Promise<CryptoKey>][],
  use: "sign" | "verify",
): Promise<TokenKey | undefined> {
  for (const [alg, load] of attempts) {
    try {
      return tokenKey(alg, use, await load());
    } catch {
      // Not this algorithm's key; try the next. The library's message is not kept: it may quote the key.
    }
  }
  return undefined;
}

const UNSUPPORTED_HINT =
  "use an EC P-256 key (ES256) or an RSA key of 2048 bits or more (RS256), e.g. openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out token.key";

/**
 * Reads the key that signs access tokens: a PKCS#8 PEM private key (EC P-256 → ES256, RSA → RS256)
 * or, for anything that is not PEM, an HS256 shared secret (one trailing newline is ignored).
 * Throws {@link TokenKeyError}, whose message never contains the key.
 *
 * @example
 * const key = await importSigningKey(await readFile("token.key", "utf8"));
 * key.alg; // "ES256"
 */
export async function importSigningKey(material: string): Promise<TokenKey> {
  const label = pemLabel(material);
  if (label === undefined) return hmacKey(material, "sign");
  if (label === "PRIVATE KEY") {
    const { importPKCS8 } = await loadJose();
    const key = await firstThatImports(
      [
        ["ES256", () => importPKCS8(material, "ES256")],
        ["RS256", () => importPKCS8(material, "RS256")],
      ],
      "sign",
    );
    if (key) return key;
    throw new TokenKeyError(
      "the private key is neither EC P-256 nor RSA (2048 bits or more)",
      UNSUPPORTED_HINT,
    );
  }
  if (label === "EC PRIVATE KEY" || label === "RSA PRIVATE KEY") {
    throw new TokenKeyError(
      `the key is in the older ${label} format; PKCS#8 ("BEGIN PRIVATE KEY") is needed`,
      "convert it: openssl pkcs8 -topk8 -nocrypt -in old.key -out token.key",
    );
  }
  if (label === "ENCRYPTED PRIVATE KEY") {
    throw new TokenKeyError(
      "the private key is encrypted with a passphrase",
      "export an unencrypted copy for signing: openssl pkcs8 -topk8 -nocrypt -in encrypted.key -out token.key",
    );
  }
  if (label === "PUBLIC KEY" || label === "CERTIFICATE") {
    throw new TokenKeyError(
      `this is a ${label.toLowerCase()}; signing needs the private key`,
      "pass the private key here; the MDM server verifies with the public key",
    );
  }
  throw new TokenKeyError(
    `a PEM "${label}" block is not a key winenroll can sign with`,
    UNSUPPORTED_HINT,
  );
}

/**
 * Reads the key that checks access tokens: an SPKI PEM public key or an X.509 certificate (ES256
 * or RS256), or the HS256 shared secret. This is what an MDM server loads once at start-up.
 * Throws {@link TokenKeyError}, whose message never contains the key.
 *
 * @example
 * const key = await importVerificationKey(publicKeyPem);
 * key.alg; // "ES256"
 */
export async function importVerificationKey(material: string): Promise<TokenKey> {
  const label = pemLabel(material);
  if (label === undefined) return hmacKey(material, "verify");
  if (label === "PUBLIC KEY" || label === "CERTIFICATE") {
    const { importSPKI, importX509 } = await loadJose();
    const load = label === "PUBLIC KEY" ? importSPKI : importX509;
    const key = await firstThatImports(
      [
        ["ES256", () => load(material, "ES256")],
        ["RS256", () => load(material, "RS256")],
      ],
      "verify",
    );
    if (key) return key;
    throw new TokenKeyError(
      "the public key is neither EC P-256 nor RSA (2048 bits or more)",
      UNSUPPORTED_HINT,
    );
  }
  if (label.includes("PRIVATE KEY")) {
    throw new TokenKeyError(
      "this is a private key; verifying needs only the public key",
      "give the server the public key: openssl pkey -in token.key -pubout -out token.pub",
    );
  }
  throw new TokenKeyError(
    `a PEM "${label}" block is not a key winenroll can verify with`,
    UNSUPPORTED_HINT,
  );
}
