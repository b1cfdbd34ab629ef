/**
 * @winenroll/core/tokens: signed enrollment access tokens (JWT) and their keys, on jose. Kept out
 * of the browser entry; reading a token's claims in a link needs only `readJwtClaims`.
 */
export { TOKEN_CHECKS, type TokenCheck, type TokenCheckCode } from "./checks.js";
export { formatDuration, parseDuration } from "./duration.js";
export {
  importSigningKey,
  importVerificationKey,
  MIN_HS256_SECRET_BYTES,
  TOKEN_ALGORITHMS,
  type TokenAlgorithm,
  type TokenKey,
  TokenKeyError,
} from "./keys.js";
export {
  createTokenSigner,
  type EnrollmentTokenClaims,
  type TokenRequest,
  type TokenSigner,
  type TokenSignerOptions,
} from "./sign.js";
export {
  type TokenVerification,
  type VerifyTokenOptions,
  verifyEnrollmentToken,
} from "./verify.js";
