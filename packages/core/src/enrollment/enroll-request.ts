import type { EnrollmentRequest, EnrollmentRequestInput } from "./types.js";

/**
 * Builds the MS-WSTEP RequestSecurityToken Windows sends: makes a fresh RSA key pair (WebCrypto) of
 * the length the policy asks for, a PKCS#10 request signed with the policy's hash (SHA-1 when the
 * policy names none, as Windows does) whose subject is written as Windows writes it, and the
 * envelope with the credential's WS-Security header and the AdditionalContext items.
 *
 * @example
 * const request = await buildEnrollmentRequest({
 *   url: "https://mdm.contoso.com/EnrollmentServer/Enrollment.svc",
 *   credential: { policy: "OnPremise", username: "someone@contoso.com", password: "…" },
 *   context: { DeviceName: "LAB-PC-01" },
 * });
 * request.csrPem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"); // true
 */
export async function buildEnrollmentRequest(
  input: EnrollmentRequestInput,
): Promise<EnrollmentRequest> {
  void input;
  throw new Error("not implemented");
}
