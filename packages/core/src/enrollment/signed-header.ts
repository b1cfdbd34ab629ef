/**
 * The MS-MDE2 signed WS-Security header for Certificate authentication: a Timestamp, the client
 * certificate as an X509v3 BinarySecurityToken, and an enveloped XML signature (RSA-SHA256) over
 * the whole envelope, made with WebCrypto.
 */
import { PemConverter } from "@peculiar/x509";
import { parseXml } from "../xml/reader.js";
import { canonicalize, compactXml } from "./c14n.js";
import { fromBase64, toBase64 } from "./encoding.js";
import { ENROLLMENT_NAMESPACES, ENROLLMENT_URIS } from "./protocol.js";
import type { CertificateCredential } from "./types.js";

/** The algorithm URIs MS-MDE2 3.3.4.1.1.1.2 names for the signed header. */
export const SIGNED_HEADER_ALGORITHMS = {
  canonicalization: "http://www.w3.org/2001/10/xml-exc-c14n#",
  signature: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
  envelopedTransform: "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
  digest: "http://www.w3.org/2001/04/xmlenc#sha256",
  referenceValueType:
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509",
} as const;

/** Validity of the Timestamp: five minutes, as in the MS-MDE2 sample. */
const TIMESTAMP_MS = 5 * 60_000;
const TOKEN_ID = "uuid-signed-header-token-1";

/** A certificate given as PEM or base64 DER, as base64 DER. */
export function certificateBase64(certificate: string): string {
  if (certificate.includes("-----BEGIN")) {
    const der = PemConverter.decodeFirst(certificate);
    return toBase64(new Uint8Array(der));
  }
  const bytes = fromBase64(certificate);
  if (!bytes) throw new TypeError("the client certificate is neither PEM nor base64 DER");
  return toBase64(bytes);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The whole envelope with the signed header. `envelope` writes the envelope around a Security
 * element; it is written compactly so that the digest covers exactly what is sent.
 */
export async function signedEnvelope(
  signed: NonNullable<CertificateCredential["signedHeader"]>,
  envelope: (security: string) => string,
  now: number,
): Promise<string> {
  const { u, wsse, ds } = ENROLLMENT_NAMESPACES;
  const alg = SIGNED_HEADER_ALGORITHMS;
  const timestamp = `<u:Timestamp u:Id="_0"><u:Created>${isoSeconds(now)}</u:Created><u:Expires>${isoSeconds(now + TIMESTAMP_MS)}</u:Expires></u:Timestamp>`;
  const token = `<wsse:BinarySecurityToken ValueType="${ENROLLMENT_URIS.x509v3ValueType.uri}" EncodingType="${ENROLLMENT_URIS.base64Encoding.uri}" u:Id="${TOKEN_ID}">${certificateBase64(signed.certificate)}</wsse:BinarySecurityToken>`;
  const open = `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${wsse}" xmlns:u="${u}">`;
  const unsigned = compactXml(envelope(`${open}${timestamp}${token}</wsse:Security>`));
  const subtle = globalThis.crypto.subtle;
  const digest = await subtle.digest(
    "SHA-256",
    new TextEncoder().encode(canonicalize(parseXml(unsigned))),
  );
  // Written in its exclusive canonical form already, so the bytes signed are the bytes sent.
  const signedInfo = `<ds:SignedInfo xmlns:ds="${ds}"><ds:CanonicalizationMethod Algorithm="${alg.canonicalization}"></ds:CanonicalizationMethod><ds:SignatureMethod Algorithm="${alg.signature}"></ds:SignatureMethod><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="${alg.envelopedTransform}"></ds:Transform></ds:Transforms><ds:DigestMethod Algorithm="${alg.digest}"></ds:DigestMethod><ds:DigestValue>${toBase64(new Uint8Array(digest))}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
  const signature = await subtle.sign(
    { name: "RSASSA-PKCS1-v1_5" },
    signed.privateKey,
    new TextEncoder().encode(signedInfo),
  );
  const signatureElement = `<ds:Signature xmlns:ds="${ds}">${signedInfo}<ds:SignatureValue>${toBase64(new Uint8Array(signature))}</ds:SignatureValue><ds:KeyInfo><wsse:SecurityTokenReference><wsse:Reference URI="#${TOKEN_ID}" ValueType="${alg.referenceValueType}"></wsse:Reference></wsse:SecurityTokenReference></ds:KeyInfo></ds:Signature>`;
  return unsigned.replace("</wsse:Security>", `${signatureElement}</wsse:Security>`);
}
