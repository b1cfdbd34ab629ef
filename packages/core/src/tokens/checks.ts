import { type CheckEntry, findingsOf } from "../diagnostics/check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Citation } from "../sources/sources.js";

/** One reason {@link verifyEnrollmentToken} refuses a token. */
export interface TokenCheck extends CheckEntry {
  readonly source: Citation;
}

const JWT_VALIDATION: Citation = { doc: "rfc-7519", section: "§7.2 Validating a JWT" };

const CHECKS = [
  {
    code: "token-key-invalid",
    severity: "error",
    summary: "The key cannot verify tokens (unreadable, a private key, or imported for signing).",
    source: JWT_VALIDATION,
  },
  {
    code: "token-malformed",
    severity: "error",
    summary: "The text is not a signed JWT.",
    source: JWT_VALIDATION,
  },
  {
    code: "token-signature-invalid",
    severity: "error",
    summary: "The signature does not match the key.",
    source: JWT_VALIDATION,
  },
  {
    code: "token-algorithm-mismatch",
    severity: "error",
    summary: "The token names another algorithm than the key's own.",
    source: JWT_VALIDATION,
  },
  {
    code: "token-expired",
    severity: "error",
    summary: "The token's exp is past.",
    source: { doc: "rfc-7519", section: "§4.1.4 exp" },
  },
  {
    code: "token-claim-invalid",
    severity: "error",
    summary: "sub or exp is missing, or iss, aud, nbf or iat is not what the server expects.",
    source: JWT_VALIDATION,
  },
] as const satisfies readonly TokenCheck[];

export type TokenCheckCode = (typeof CHECKS)[number]["code"];

/** Every diagnostic token verification can give, with severity and source. */
export const TOKEN_CHECKS: readonly TokenCheck[] = CHECKS;

const findings = findingsOf<TokenCheckCode>(CHECKS);

/** A diagnostic of `code`, its severity and source read from the table. */
export function tokenFinding(code: TokenCheckCode, message: string, hint: string): Diagnostic {
  return findings(code, message, { hint });
}
