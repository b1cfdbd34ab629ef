/**
 * @winenroll/core/enrollment: the enrollment handshake Windows runs after discovery, as pure code:
 * the MS-XCEP GetPolicies request and its answer, the MS-WSTEP RequestSecurityToken carrying a
 * PKCS#10 request for a key made on the spot (WebCrypto), the provisioning document that comes back,
 * and the checks Windows would make of it all. Runs in browsers and Node; no I/O.
 */
export {
  AUTHENTICATION_CHECKS,
  type AuthenticationCheck,
  type AuthenticationFinding,
  type AuthenticationInput,
  type AuthenticationVerdict,
  CERTIFICATE_PRESENTATIONS,
  checkAuthentication,
  credentialRefused,
} from "./authentication.js";
export { summarizeCertificate } from "./certificate.js";
export { ENROLLMENT_CHECKS, type EnrollmentCheck, type EnrollmentFinding } from "./checks.js";
export { CONTEXT_ITEMS, type ContextItemFact, contextItem } from "./context.js";
export { diagnoseEnrollment } from "./diagnose.js";
export { buildEnrollmentRequest } from "./enroll-request.js";
export { parseEnrollmentResponse } from "./enroll-response.js";
export { HASH_OIDS, type HashOidFact } from "./hash-oids.js";
export {
  buildPolicyRequest,
  DEFAULT_HASH,
  DEFAULT_KEY_LENGTH,
  keyRequirementsOf,
} from "./policy-request.js";
export { parsePolicyResponse } from "./policy-response.js";
export {
  ENROLLMENT_HTTP_HEADERS,
  ENROLLMENT_NAMESPACES,
  ENROLLMENT_URIS,
  PROTOCOL_ELEMENTS,
  type ProtocolElement,
  type ProtocolUri,
  USERNAME_TOKEN_ID,
} from "./protocol.js";
export { parseProvisioningDocument, W7_PARMS } from "./provisioning.js";
export { parseSearchCriteria, type SearchCriteria } from "./search-criteria.js";
export { buildSignInUrl, SAMPLE_APPRU, type SignInUrlInput } from "./sign-in.js";
export { SIGNED_HEADER_ALGORITHMS } from "./signed-header.js";
export type * from "./types.js";
export {
  buildEnrollmentFault,
  buildEnrollmentResponse,
  buildPolicyResponse,
  buildProvisioningDocument,
} from "./writers.js";
