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

const BASE64URL = /^[A-Za-z0-9_-]+$/;
// One decoder for every call: `decode` without `stream` keeps no state between calls.
const UTF8 = new TextDecoder("utf-8", { fatal: true });

function decodeBase64Url(segment: string): string | undefined {
  if (!BASE64URL.test(segment)) return undefined;
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

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
