import { ExtendedKeyUsageExtension, PemConverter, X509Certificate } from "@peculiar/x509";
import { fromBase64, toHex } from "./encoding.js";
import type { CertificateSummary } from "./types.js";

/** A certificate given as PEM, base64 DER or DER bytes, decoded; throws on anything else. */
export function decodeCertificate(certificate: string | Uint8Array): X509Certificate {
  if (typeof certificate !== "string") return new X509Certificate(new Uint8Array(certificate));
  if (certificate.includes("-----BEGIN"))
    return new X509Certificate(PemConverter.decodeFirst(certificate));
  const der = fromBase64(certificate);
  if (!der) throw new TypeError("not PEM and not base64");
  return new X509Certificate(new Uint8Array(der));
}

/** SHA-1 of the DER in upper-case hex: the thumbprint Windows shows and stores certificates under. */
export async function thumbprintOf(certificate: X509Certificate): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest("SHA-1", certificate.rawData)));
}

/** The EKU OIDs a certificate lists; empty when it has no EKU extension. */
export function extendedKeyUsagesOf(certificate: X509Certificate): string[] {
  const eku = certificate.getExtension(ExtendedKeyUsageExtension);
  return eku ? eku.usages.map(String) : [];
}

function keyLengthOf(certificate: X509Certificate): number | undefined {
  const algorithm = certificate.publicKey.algorithm as { modulusLength?: number };
  return algorithm.modulusLength;
}

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
  const cert = decodeCertificate(certificate);
  const keyLength = keyLengthOf(cert);
  const signature = cert.signatureAlgorithm as { name: string; hash?: { name: string } };
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    thumbprint: await thumbprintOf(cert),
    serialNumber: cert.serialNumber.toUpperCase(),
    extendedKeyUsages: extendedKeyUsagesOf(cert),
    keyAlgorithm: cert.publicKey.algorithm.name,
    ...(keyLength !== undefined ? { keyLength } : {}),
    signatureAlgorithm: signature.hash
      ? `${signature.name} ${signature.hash.name}`
      : signature.name,
    selfSigned: cert.subject === cert.issuer,
  };
}
