import type {
  KeyRequirements,
  ParsedPolicyResponse,
  PolicyRequestInput,
  SoapRequest,
} from "./types.js";

/**
 * Builds the MS-XCEP GetPolicies request Windows sends: WS-Addressing headers, the WS-Security
 * header the auth policy needs (UsernameToken for OnPremise, the federated token as a
 * DeviceEnrollmentUserToken BinarySecurityToken, nothing for Certificate unless a signed header is
 * asked for), and the all-nil body.
 *
 * @example
 * const request = await buildPolicyRequest({
 *   url: "https://mdm.contoso.com/EnrollmentServer/Policy.svc",
 *   credential: { policy: "Federated", token: tokenFromSignInPage },
 * });
 * request.headers["Content-Type"]; // "application/soap+xml; charset=utf-8"
 */
export async function buildPolicyRequest(input: PolicyRequestInput): Promise<SoapRequest> {
  void input;
  throw new Error("not implemented");
}

/**
 * The key length and hash the device will use: the first policy's minimalKeyLength and hash, or
 * Windows' defaults (2048 bits, SHA-1) for what the policy leaves out or when there is no policy.
 *
 * @example
 * keyRequirementsOf(undefined); // { keyLength: 2048, hash: "SHA-1", … }
 */
export function keyRequirementsOf(response: ParsedPolicyResponse | undefined): KeyRequirements {
  void response;
  throw new Error("not implemented");
}
