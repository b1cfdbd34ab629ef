import type {
  EnrollmentFaultOptions,
  EnrollmentResponseOptions,
  PolicyResponseOptions,
  ProvisioningDocumentOptions,
} from "./types.js";

/**
 * Writes a GetPoliciesResponse as the samples write it, for reference servers and tests.
 *
 * @example
 * const xml = buildPolicyResponse({ minimalKeyLength: 3072, hashOid: "2.16.840.1.101.3.4.2.1" });
 */
export function buildPolicyResponse(options: PolicyResponseOptions = {}): string {
  void options;
  throw new Error("not implemented");
}

/**
 * Writes a wap-provisioningdoc: the root, the client certificate with its PrivateKeyContainer, the
 * renewal settings, the w7 APPLICATION and the DMClient provider. Async because thumbprints are
 * SHA-1 digests made with WebCrypto.
 *
 * @example
 * const xml = await buildProvisioningDocument({
 *   rootCertificate: rootPem, clientCertificate: issuedPem,
 *   providerId: "Contoso MDM", addr: "https://mdm.contoso.com/ManagementServer/MDM.svc",
 * });
 */
export async function buildProvisioningDocument(
  options: ProvisioningDocumentOptions,
): Promise<string> {
  void options;
  throw new Error("not implemented");
}

/**
 * Wraps a provisioning document in the RequestSecurityTokenResponseCollection envelope.
 *
 * @example
 * const xml = buildEnrollmentResponse({ provisioningXml: doc, relatesTo: request.messageId });
 */
export function buildEnrollmentResponse(options: EnrollmentResponseOptions): string {
  void options;
  throw new Error("not implemented");
}

/**
 * Writes an MS-MDE2 SOAP fault (subcode, reason and optional DeviceEnrollmentServiceError detail).
 *
 * @example
 * const xml = buildEnrollmentFault({ subcode: "Authentication", reason: "Bad password" });
 */
export function buildEnrollmentFault(options: EnrollmentFaultOptions): string {
  void options;
  throw new Error("not implemented");
}
