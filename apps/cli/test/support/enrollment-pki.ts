import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

/**
 * The certificates of the test enrollment server, all made at start-up with @peculiar/x509 on
 * Node's WebCrypto: a TLS CA and the server's TLS certificate, a self-signed TLS certificate no
 * one trusts, and the MDM's device CA, which signs the certificates the server issues and is the
 * root its provisioning documents install. Written for the tests from the specifications, not from
 * winenroll's own code, so that it checks the client rather than agreeing with it.
 */

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
const subtle = webcrypto.subtle;

const RSA: webcrypto.RsaHashedKeyGenParams = {
  name: "RSASSA-PKCS1-v1_5",
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: "SHA-256",
};
const EC: webcrypto.EcKeyGenParams = { name: "ECDSA", namedCurve: "P-256" };
const EC_SIGN = { name: "ECDSA", hash: "SHA-256" };
const DAY = 24 * 60 * 60 * 1000;

export interface Issuer {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

export interface PemPair {
  readonly cert: string;
  readonly key: string;
}

/** SHA-1 of the DER in upper-case hex: the thumbprint Windows shows and CertificateStore names. */
export function thumbprint(certificate: x509.X509Certificate): string {
  return createHash("sha1").update(Buffer.from(certificate.rawData)).digest("hex").toUpperCase();
}

/** The DER in base64 without line breaks, as EncodedCertificate wants it (MS-MDE2 2.2.9.1). */
export function base64Der(certificate: x509.X509Certificate): string {
  return Buffer.from(certificate.rawData).toString("base64");
}

async function keyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await subtle.exportKey("pkcs8", key)).toString("base64");
  return `-----BEGIN PRIVATE KEY-----\n${der.match(/.{1,64}/g)!.join("\n")}\n-----END PRIVATE KEY-----\n`;
}

async function pemPair(issued: Issuer): Promise<PemPair> {
  return { cert: issued.certificate.toString("pem"), key: await keyPem(issued.keys.privateKey) };
}

function serial(): string {
  return `01${createHash("sha1").update(String(Math.random())).digest("hex").slice(0, 30)}`;
}

async function makeCa(name: string, algorithm: "rsa" | "ec"): Promise<Issuer> {
  const keys = (await subtle.generateKey(algorithm === "rsa" ? RSA : EC, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 2 * DAY),
    keys,
    signingAlgorithm: algorithm === "rsa" ? RSA : EC_SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys };
}

async function tlsLeaf(
  names: readonly string[],
  issuer: Issuer | "self",
): Promise<{ pem: PemPair; certificate: x509.X509Certificate }> {
  const keys = (await subtle.generateKey(EC, true, ["sign", "verify"])) as CryptoKeyPair;
  const common = {
    serialNumber: serial(),
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 2 * DAY),
    signingAlgorithm: EC_SIGN,
    extensions: [
      new x509.BasicConstraintsExtension(false),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns", value }))),
    ],
  };
  const certificate =
    issuer === "self"
      ? await x509.X509CertificateGenerator.createSelfSigned({
          ...common,
          name: `CN=${names[0]}`,
          keys,
        })
      : await x509.X509CertificateGenerator.create({
          ...common,
          subject: `CN=${names[0]}`,
          issuer: issuer.certificate.subject,
          publicKey: keys.publicKey,
          signingKey: issuer.keys.privateKey,
        });
  return { pem: await pemPair({ certificate, keys }), certificate };
}

/** What the issued certificate is made of; the hostile scenarios change one thing each. */
export interface IssueOptions {
  /** CN of the subject; servers that enrol real devices use the DeviceID. */
  readonly commonName: string;
  /** The key the certificate certifies: the request's, or another one (`otherkey`). */
  readonly publicKey: x509.PublicKey | CryptoKey;
  /** Extended key usages; clientAuth unless a scenario leaves it out. */
  readonly extendedKeyUsages: readonly string[];
  readonly validityDays?: number;
}

/** A certificate signed by `issuer`, as an MDM's CA signs the device's request. */
export async function issueCertificate(
  issuer: Issuer,
  options: IssueOptions,
): Promise<x509.X509Certificate> {
  return x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${options.commonName}`,
    issuer: issuer.certificate.subject,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + (options.validityDays ?? 365) * DAY),
    publicKey: options.publicKey,
    signingKey: issuer.keys.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([...options.extendedKeyUsages]),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
}

/** A fresh RSA key pair, for a certificate that certifies a key the device never made. */
export async function strangerKey(): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
}

export interface EnrollmentPki {
  /** PEM of the CA that signed the server's TLS certificate: what the tests pass to `--ca`. */
  readonly tlsCaPem: string;
  readonly tls: PemPair;
  /** Self-signed, for the host of the `untrusted` scenario. */
  readonly untrustedTls: PemPair;
  /** The MDM's CA: it signs the issued certificates and is the Root the documents install. */
  readonly deviceCa: Issuer;
  /** A certificate and key the device already holds, signed by the device CA (Certificate auth). */
  readonly client: PemPair;
  /** A client certificate from a CA the server does not know. */
  readonly strangerClient: PemPair;
}

/** Makes every certificate the server needs; `hosts` are the TLS names it answers for. */
export async function makeEnrollmentPki(hosts: readonly string[]): Promise<EnrollmentPki> {
  const [tlsCa, deviceCa, strangerCa] = await Promise.all([
    makeCa("CN=winenroll test TLS CA", "ec"),
    makeCa("CN=winenroll test MDM device CA", "rsa"),
    makeCa("CN=somebody else's CA", "rsa"),
  ]);
  const [tls, untrusted] = await Promise.all([
    tlsLeaf(hosts, tlsCa),
    tlsLeaf(["enroll.untrusted.example"], "self"),
  ]);
  const clientCert = async (issuer: Issuer, name: string): Promise<PemPair> => {
    const keys = await strangerKey();
    const certificate = await issueCertificate(issuer, {
      commonName: name,
      publicKey: keys.publicKey,
      extendedKeyUsages: [x509.ExtendedKeyUsage.clientAuth],
    });
    return pemPair({ certificate, keys });
  };
  const [client, strangerClient] = await Promise.all([
    clientCert(deviceCa, "provisioned device"),
    clientCert(strangerCa, "stranger device"),
  ]);
  return {
    tlsCaPem: tlsCa.certificate.toString("pem"),
    tls: tls.pem,
    untrustedTls: untrusted.pem,
    deviceCa,
    client,
    strangerClient,
  };
}

/** True when `pem` is a certificate the device CA signed and that is valid now. */
export async function signedByDeviceCa(pem: string | Buffer, deviceCa: Issuer): Promise<boolean> {
  try {
    const certificate = new x509.X509Certificate(pem);
    return await certificate.verify({ publicKey: deviceCa.keys.publicKey, date: new Date() });
  } catch {
    return false;
  }
}

export { x509 };
