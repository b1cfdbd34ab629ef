import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type TokenCheckCode, tokenFinding } from "./checks.js";
import { loadJose } from "./jose.js";
import {
  importVerificationKey,
  type TokenAlgorithm,
  type TokenKey,
  TokenKeyError,
} from "./keys.js";
import type { EnrollmentTokenClaims } from "./sign.js";

export interface VerifyTokenOptions {
  /** The moment expiry is judged against; defaults to now. */
  readonly now?: Date;
  /** When set, the token's `iss` must equal it. */
  readonly issuer?: string;
  /** When set, the token's `aud` must contain it. */
  readonly audience?: string;
  /** Seconds of clock difference forgiven on `exp`, `iat` and `nbf`; default 0. */
  readonly clockToleranceSeconds?: number;
}

export interface TokenVerification {
  /** True only when the signature, the algorithm and every checked claim are right. */
  readonly ok: boolean;
  /** The algorithm the token was checked with. */
  readonly alg?: TokenAlgorithm;
  /** The claims, present only when `ok`. */
  readonly claims?: EnrollmentTokenClaims;
  readonly diagnostics: readonly Diagnostic[];
}

function failure(code: TokenCheckCode, message: string, hint: string): TokenVerification {
  return { ok: false, diagnostics: [tokenFinding(code, message, hint)] };
}

function joseCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : "";
}

/**
 * Checks an access token the way an MDM server should before trusting a link: the signature with
 * the matching key, the algorithm (only the key's own), the expiry, and `sub`. Never throws for a
 * bad token; the answer carries one diagnostic saying why. Key problems come back as a
 * `token-key-invalid` diagnostic whose text never includes the key.
 *
 * @example
 * const result = await verifyEnrollmentToken(token, publicKeyPem);
 * if (result.ok) console.log(result.claims?.sub); // "someone@example.com"
 */
export async function verifyEnrollmentToken(
  token: string,
  key: TokenKey | string,
  options: VerifyTokenOptions = {},
): Promise<TokenVerification> {
  let verifier: TokenKey;
  try {
    verifier = typeof key === "string" ? await importVerificationKey(key) : key;
  } catch (error) {
    if (error instanceof TokenKeyError) {
      return failure(
        "token-key-invalid",
        `The key cannot verify tokens: ${error.message}.`,
        error.hint,
      );
    }
    throw error;
  }
  if (verifier.use !== "verify") {
    return failure(
      "token-key-invalid",
      "The key was imported for signing, not verifying.",
      "import it with importVerificationKey",
    );
  }
  try {
    const { jwtVerify } = await loadJose();
    const { payload } = await jwtVerify(token.trim(), verifier.key, {
      algorithms: [verifier.alg],
      currentDate: options.now ?? new Date(),
      clockTolerance: options.clockToleranceSeconds ?? 0,
      requiredClaims: ["sub", "exp"],
      ...(options.issuer ? { issuer: options.issuer } : {}),
      ...(options.audience ? { audience: options.audience } : {}),
    });
    return {
      ok: true,
      alg: verifier.alg,
      claims: payload as unknown as EnrollmentTokenClaims,
      diagnostics: [],
    };
  } catch (error) {
    const result = explainFailure(joseCode(error), verifier.alg, error);
    return { ...result, alg: verifier.alg };
  }
}

function explainFailure(code: string, alg: TokenAlgorithm, error: unknown): TokenVerification {
  switch (code) {
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return failure(
        "token-signature-invalid",
        "The token's signature does not match this key.",
        "check that the server uses the key that belongs to the one the links were signed with",
      );
    case "ERR_JOSE_ALG_NOT_ALLOWED":
      return failure(
        "token-algorithm-mismatch",
        `The token is not signed with ${alg}, the only algorithm this key allows.`,
        "verify with the key of the algorithm the token names, and never accept 'none'",
      );
    case "ERR_JWT_EXPIRED":
      return failure(
        "token-expired",
        "The token has expired.",
        "send the user a new link; generate links shortly before sending them",
      );
    case "ERR_JWT_CLAIM_VALIDATION_FAILED": {
      const claim = (error as { claim?: string }).claim ?? "a claim";
      return failure(
        "token-claim-invalid",
        `The token's ${claim} claim is missing or not what the server expects.`,
        claim === "nbf" || claim === "iat"
          ? "check the clocks of the signing machine and the server"
          : "check the issuer and audience configured on both sides",
      );
    }
    default:
      return failure(
        "token-malformed",
        "The text is not a signed JWT (three base64url parts separated by dots).",
        "pass the accesstoken value from the link, decoded, without quotes",
      );
  }
}
