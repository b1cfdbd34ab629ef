/**
 * The key pair and PKCS#10 request the simulated device makes, through @peculiar/x509 on WebCrypto.
 * The request is shaped like the one a real Windows client sent: one CN of exactly 64 characters
 * (`<first 30 characters of a GUID>!<DeviceID>` and a NUL) as a PrintableString, and an
 * extensionRequest holding 1.3.6.1.4.1.311.66.1.0 whose value is the DeviceID in ASCII and a NUL.
 */
import { Extension, Name, Pkcs10CertificateRequestGenerator } from "@peculiar/x509";
import type { HashName } from "./types.js";

/** The extension a real Windows request carries, holding the DeviceID. */
export const DEVICE_ID_EXTENSION_OID = "1.3.6.1.4.1.311.66.1.0";
const COMMON_NAME_OID = "2.5.4.3";

export interface CertificateRequest {
  readonly keys: CryptoKeyPair;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly publicKey: Uint8Array;
  readonly subjectCommonName: string;
}

/** `<first 30 characters of a GUID>!<DeviceID>` and a NUL, as the real client wrote it. */
export function windowsSubjectCommonName(deviceId: string, guid: string): string {
  return `${guid.toUpperCase().slice(0, 30)}!${deviceId}\u0000`;
}

/** Makes a fresh RSA key pair and a PKCS#10 request for it. */
export async function makeCertificateRequest(
  deviceId: string,
  keyLength: number,
  hash: HashName,
): Promise<CertificateRequest> {
  const algorithm = {
    name: "RSASSA-PKCS1-v1_5",
    modulusLength: keyLength,
    publicExponent: new Uint8Array([1, 0, 1]),
    hash,
  };
  // Extractable so that the CLI can write the device's key to --out for the next step.
  const keys = (await globalThis.crypto.subtle.generateKey(algorithm, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const subjectCommonName = windowsSubjectCommonName(deviceId, globalThis.crypto.randomUUID());
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: new Name([{ [COMMON_NAME_OID]: [{ printableString: subjectCommonName }] }]),
    keys,
    signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash },
    extensions: [
      new Extension(DEVICE_ID_EXTENSION_OID, false, new TextEncoder().encode(`${deviceId}\u0000`)),
    ],
  });
  const publicKey = new Uint8Array(
    await globalThis.crypto.subtle.exportKey("spki", keys.publicKey),
  );
  return {
    keys,
    der: new Uint8Array(csr.rawData),
    pem: csr.toString("pem"),
    publicKey,
    subjectCommonName,
  };
}
