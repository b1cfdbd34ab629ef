import { loadJose } from "./jose.js";
import type { TokenKey } from "./keys.js";

/** What a winenroll access token says (RFC 7519 registered claims plus `tenant`). */
export interface EnrollmentTokenClaims {
  /** The user the link is for (`sub`). */
  readonly sub: string;
  /** The tenant, when one was given. */
  readonly tenant?: string;
  /** Issued at, seconds since the epoch. */
  readonly iat: number;
  /** Expiry, seconds since the epoch. */
  readonly exp: number;
  /** A unique id, so a server can accept each token once. */
  readonly jti: string;
  readonly iss?: string;
  readonly aud?: string;
}

export interface TokenSignerOptions {
  readonly key: TokenKey;
  /** Lifetime in seconds. */
  readonly ttlSeconds: number;
  readonly issuer?: string;
  readonly audience?: string;
}

export interface TokenRequest {
  readonly username: string;
  readonly tenant?: string;
  /** The moment the token is issued; defaults to now. */
  readonly now?: Date;
}

export interface TokenSigner {
  readonly alg: TokenKey["alg"];
  readonly ttlSeconds: number;
  sign(request: TokenRequest): Promise<string>;
}

/**
 * Makes a signer for per-user access tokens: compact JWTs with `sub` (the username), `tenant`,
 * `iat`, `exp` and a random `jti`, signed with the key's algorithm. The key never leaves the signer.
 *
 * @example
 * const signer = createTokenSigner({ key: await importSigningKey(secret), ttlSeconds: 7 * 86400 });
 * const token = await signer.sign({ username: "someone@example.com", tenant: "contoso" });
 */
export function createTokenSigner(options: TokenSignerOptions): TokenSigner {
  const { key, ttlSeconds } = options;
  if (key.use !== "sign") throw new TypeError("createTokenSigner needs a signing key");
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError("the token lifetime must be a whole number of seconds above zero");
  }
  return {
    alg: key.alg,
    ttlSeconds,
    async sign({ username, tenant, now = new Date() }) {
      const iat = Math.floor(now.getTime() / 1000);
      const payload: Record<string, string> = tenant ? { tenant } : {};
      const { SignJWT } = await loadJose();
      let jwt = new SignJWT(payload)
        .setProtectedHeader({ alg: key.alg, typ: "JWT" })
        .setSubject(username)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .setJti(crypto.randomUUID());
      if (options.issuer) jwt = jwt.setIssuer(options.issuer);
      if (options.audience) jwt = jwt.setAudience(options.audience);
      return jwt.sign(key.key);
    },
  };
}
