import type { Citation } from "../sources/sources.js";
import { requestEnvelope } from "./envelope.js";
import { ENROLLMENT_HTTP_HEADERS, ENROLLMENT_NAMESPACES, ENROLLMENT_URIS } from "./protocol.js";
import { securityHeader } from "./security.js";
import { signedEnvelope } from "./signed-header.js";
import { freshMessageId } from "./soap.js";
import type {
  EnrollmentCredential,
  KeyRequirements,
  ParsedPolicyResponse,
  PolicyRequestInput,
  SoapRequest,
} from "./types.js";

/** Without a policy service (or a value in it) Windows makes a 2048-bit key and signs with SHA-1. */
export const DEFAULT_KEY_LENGTH = 2048;
export const DEFAULT_HASH = "SHA-1";
const DEFAULTS_SOURCE: Citation = {
  doc: "wid-federated-enrollment",
  section: "Enrollment policy web service (no policy service: 2048-bit key, SHA-1)",
};
const POLICY_SOURCE: Citation = {
  doc: "wid-federated-enrollment",
  section:
    "Enrollment policy web service (Windows honours minimalKeyLength and hashAlgorithmOIDReference)",
};

const { xsi, xsd, xcep } = ENROLLMENT_NAMESPACES;

const GET_POLICIES_BODY = `<s:Body xmlns:xsi="${xsi}" xmlns:xsd="${xsd}">
    <GetPolicies xmlns="${xcep}">
      <client>
        <lastUpdate xsi:nil="true"/>
        <preferredLanguage xsi:nil="true"/>
      </client>
      <requestFilter xsi:nil="true"/>
    </GetPolicies>
  </s:Body>`;

/** The envelope for either request, with the plain Security header or the signed Certificate one. */
export async function securityFor(
  credential: EnrollmentCredential,
  unsignedEnvelope: (security: string) => string,
  now: number,
): Promise<string> {
  if (credential.policy === "Certificate" && credential.signedHeader) {
    return signedEnvelope(credential.signedHeader, unsignedEnvelope, now);
  }
  return unsignedEnvelope(securityHeader(credential));
}

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
  const messageId = input.messageId ?? freshMessageId();
  const envelope = (security: string) =>
    requestEnvelope({
      action: ENROLLMENT_URIS.getPoliciesAction.uri,
      messageId,
      to: input.url,
      security,
      body: GET_POLICIES_BODY,
    });
  const xml = await securityFor(input.credential, envelope, input.now ?? Date.now());
  return { url: input.url, xml, messageId, headers: ENROLLMENT_HTTP_HEADERS };
}

/**
 * The key length and hash the device will use: the first policy's minimalKeyLength and hash, or
 * Windows' defaults (2048 bits, SHA-1) for what the policy leaves out or when there is no policy.
 *
 * @example
 * keyRequirementsOf(undefined); // { keyLength: 2048, hash: "SHA-1", … }
 */
export function keyRequirementsOf(response: ParsedPolicyResponse | undefined): KeyRequirements {
  const policy = response?.kind === "policies" ? response.policies[0] : undefined;
  const keyLength = policy?.minimalKeyLength;
  const hash = policy?.hash;
  return {
    keyLength: keyLength ?? DEFAULT_KEY_LENGTH,
    hash: hash ?? DEFAULT_HASH,
    keyLengthFrom: keyLength !== undefined ? "policy" : "default",
    hashFrom: hash !== undefined ? "policy" : "default",
    source: keyLength !== undefined || hash !== undefined ? POLICY_SOURCE : DEFAULTS_SOURCE,
  };
}
