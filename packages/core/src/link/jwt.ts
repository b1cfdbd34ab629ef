/**
 * Reads the claims of a JSON Web Token without verifying it (RFC 7519 §3): enough to see when an
 * access token expires. Returns undefined for anything that is not a JWT.
 */
export interface JwtClaims {
  readonly exp?: number;
  readonly iat?: number;
  readonly nbf?: number;
  readonly [claim: string]: unknown;
}

// One decoder for every call: `decode` without `stream` keeps no state between calls.
const UTF8 = new TextDecoder("utf-8", { fatal: true });

// The value of each base64url digit (RFC 4648 §5), by character code; NOT_A_DIGIT for the rest.
const NOT_A_DIGIT = 64;
const DIGIT_VALUE = new Uint8Array(128).fill(NOT_A_DIGIT);
[..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"].forEach((digit, value) => {
  DIGIT_VALUE[digit.charCodeAt(0)] = value;
});

/**
 * Decodes one base64url segment to text: straight to bytes from the digit table (no `atob`, no
 * padding, no byte-by-byte copy), then through the strict UTF-8 decoder, which refuses invalid text.
 */
function decodeBase64Url(segment: string): string | undefined {
  // A length of 4n + 1 leaves a digit that cannot make a byte.
  if (segment.length === 0 || segment.length % 4 === 1) return undefined;
  const bytes = new Uint8Array((segment.length * 3) >> 2);
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < segment.length; i++) {
    const digit = DIGIT_VALUE[segment.charCodeAt(i)] ?? NOT_A_DIGIT;
    if (digit === NOT_A_DIGIT) return undefined;
    bits = ((bits << 6) | digit) & 0xffff;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (bits >> held) & 0xff;
    }
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Reads the claims of a JSON Web Token without verifying its signature: the inspector only needs to say
 * what a token claims (its expiry, its audience), never to trust it. Returns undefined unless the text is
 * a three-part JWT whose header (with an `alg`) and payload are JSON objects.
 *
 * @example
 * ```ts
 * const claims = readJwtClaims(accessToken);
 * if (claims?.exp !== undefined) console.log("expires", new Date(claims.exp * 1000));
 * ```
 */
export function readJwtClaims(token: string): JwtClaims | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  const header = decodeBase64Url(parts[0]!);
  const payload = decodeBase64Url(parts[1]!);
  if (header === undefined || payload === undefined) return undefined;
  try {
    const parsedHeader: unknown = JSON.parse(header);
    const claims: unknown = JSON.parse(payload);
    if (typeof parsedHeader !== "object" || parsedHeader === null || !("alg" in parsedHeader)) {
      return undefined;
    }
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return undefined;
    return claims as JwtClaims;
  } catch {
    return undefined;
  }
}
