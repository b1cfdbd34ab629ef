/**
 * @winenroll/core/enrollment: the enrollment handshake Windows runs after discovery, as pure code:
 * the MS-XCEP GetPolicies request and its answer, the MS-WSTEP RequestSecurityToken carrying a
 * PKCS#10 request for a key made on the spot (WebCrypto), the provisioning document that comes back,
 * and the checks Windows would make of it all. Runs in browsers and Node; no I/O.
 */
export { summarizeCertificate } from "./certificate.js";
export { diagnoseEnrollment, ENROLLMENT_CHECKS } from "./checks.js";
export { CONTEXT_ITEMS, type ContextItemFact } from "./context.js";
export { buildEnrollmentRequest } from "./enroll-request.js";
export { parseEnrollmentResponse } from "./enroll-response.js";
export { buildPolicyRequest, keyRequirementsOf } from "./policy-request.js";
export { parsePolicyResponse } from "./policy-response.js";
export {
  ENROLLMENT_NAMESPACES,
  ENROLLMENT_URIS,
  PROTOCOL_ELEMENTS,
  type ProtocolElement,
  type ProtocolUri,
} from "./protocol.js";
export { parseProvisioningDocument } from "./provisioning.js";
export { parseSearchCriteria, type SearchCriteria } from "./search-criteria.js";
export type * from "./types.js";
export {
  buildEnrollmentFault,
  buildEnrollmentResponse,
  buildPolicyResponse,
  buildProvisioningDocument,
} from "./writers.js";
