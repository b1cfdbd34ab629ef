import type { CertificateSummary } from "./types.js";

/**
 * Decodes a certificate (PEM, base64 DER or DER bytes) into what a person checks: subject, issuer,
 * validity, EKUs, key, and the thumbprint Windows shows (SHA-1 of the DER, upper-case hex).
 *
 * @example
 * const summary = await summarizeCertificate(pem);
 * summary.thumbprint; // "3F1A…" (40 upper-case hex digits)
 */
export async function summarizeCertificate(
  certificate: string | Uint8Array,
): Promise<CertificateSummary> {
  void certificate;
  throw new Error("not implemented");
}
