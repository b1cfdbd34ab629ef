/**
 * A certification authority made at test time, issuing real certificates for the requests the
 * simulated device makes; and a complete, good enrollment run to vary in the checks' tests.
 */
import {
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequest,
  type X509Certificate,
  X509CertificateGenerator,
} from "@peculiar/x509";
import type { HttpExchange } from "../../discovery/transport.js";
import { buildEnrollmentRequest } from "../enroll-request.js";
import { buildPolicyRequest } from "../policy-request.js";
import type {
  EnrollmentObservation,
  EnrollmentRequest,
  ProvisioningDocumentOptions,
} from "../types.js";
import {
  buildEnrollmentResponse,
  buildPolicyResponse,
  buildProvisioningDocument,
} from "../writers.js";

const RSA = {
  name: "RSASSA-PKCS1-v1_5",
  hash: "SHA-256",
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY = 86_400_000;

export interface TestCa {
  readonly certificate: X509Certificate;
  readonly keys: CryptoKeyPair;
}

/** A self-signed root CA, fresh keys. */
export async function makeCa(name = "CN=winenroll test root"): Promise<TestCa> {
  const keys = (await crypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const certificate = await X509CertificateGenerator.createSelfSigned({
    name,
    keys,
    signingAlgorithm: RSA,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    extensions: [
      new BasicConstraintsExtension(true, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
    ],
  });
  return { certificate, keys };
}

export interface IssueOptions {
  /** EKU OIDs; [] leaves the extension out. */
  readonly ekus?: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly subject?: string;
  /** Issue for this public key (SPKI) instead of the request's. */
  readonly publicKey?: CryptoKey;
}

/** Signs a PKCS#10 request into a client certificate, as an MDM server would (CN = DeviceID). */
export async function issue(
  ca: TestCa,
  csrDer: Uint8Array,
  deviceId: string,
  options: IssueOptions = {},
): Promise<X509Certificate> {
  const csr = new Pkcs10CertificateRequest(new Uint8Array(csrDer));
  const ekus = options.ekus ?? ["1.3.6.1.5.5.7.3.2"];
  return X509CertificateGenerator.create({
    serialNumber: "0a1b2c3d",
    subject: options.subject ?? `CN=${deviceId}`,
    issuer: ca.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - 60_000),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    publicKey: options.publicKey ?? (await csr.publicKey.export()),
    signingKey: ca.keys.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      ...(ekus.length > 0 ? [new ExtendedKeyUsageExtension([...ekus])] : []),
    ],
  });
}

/** A recorded exchange, as the CLI's transport would give it. */
export function exchange(
  url: string,
  requestBody: string,
  body: string,
  overrides: Partial<{
    status: number;
    contentType: string;
    chunked: boolean;
    trusted: boolean;
    /** Cut the body to this many characters, as a reader at its size limit does. */
    cutAt: number;
  }> = {},
): HttpExchange {
  return {
    request: { method: "POST", url, headers: {}, body: requestBody },
    response: {
      status: overrides.status ?? 200,
      headers: { "content-type": overrides.contentType ?? "application/soap+xml; charset=utf-8" },
      body: body.slice(0, overrides.cutAt),
      bytes: Math.min(body.length, overrides.cutAt ?? body.length),
      truncated: overrides.cutAt !== undefined && overrides.cutAt < body.length,
      chunked: overrides.chunked ?? false,
    },
    tls: { trusted: overrides.trusted ?? true, nameMatches: true },
  };
}

export const POLICY_URL = "https://mdm.contoso.test/EnrollmentServer/Policy.svc";
export const ENROLLMENT_URL = "https://mdm.contoso.test/EnrollmentServer/Enrollment.svc";
export const MANAGEMENT_URL = "https://mdm.contoso.test/ManagementServer/MDM.svc";

export interface GoodRun {
  readonly ca: TestCa;
  readonly request: EnrollmentRequest;
  readonly client: X509Certificate;
  readonly provisioningXml: string;
  readonly observation: EnrollmentObservation;
}

/** A whole enrollment that Windows would accept: OnPremise, a policy, a signed certificate, its root. */
export async function goodRun(
  issueOptions: IssueOptions = {},
  documentOptions: Partial<ProvisioningDocumentOptions> = {},
): Promise<GoodRun> {
  const ca = await makeCa();
  const credential = {
    policy: "OnPremise",
    username: "someone@contoso.test",
    password: "p",
  } as const;
  const policyRequest = await buildPolicyRequest({ url: POLICY_URL, credential });
  const request = await buildEnrollmentRequest({ url: ENROLLMENT_URL, credential });
  const client = await issue(ca, request.csr, request.deviceId, issueOptions);
  const provisioningXml = await buildProvisioningDocument({
    rootCertificate: ca.certificate.toString("pem"),
    clientCertificate: client.toString("pem"),
    providerId: "Contoso",
    addr: MANAGEMENT_URL,
    ...documentOptions,
  });
  const policyBody = buildPolicyResponse({ relatesTo: policyRequest.messageId });
  const enrollmentBody = buildEnrollmentResponse({ provisioningXml, relatesTo: request.messageId });
  return {
    ca,
    request,
    client,
    provisioningXml,
    observation: {
      checkedAt: Date.now(),
      authPolicy: "OnPremise",
      policy: { url: POLICY_URL, exchange: exchange(POLICY_URL, policyRequest.xml, policyBody) },
      enrollment: {
        url: ENROLLMENT_URL,
        exchange: exchange(ENROLLMENT_URL, request.xml, enrollmentBody),
      },
      request: { publicKey: request.publicKey, keyLength: request.keyLength, hash: request.hash },
    },
  };
}
