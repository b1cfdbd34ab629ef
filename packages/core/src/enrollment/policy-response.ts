import type { ParsedPolicyResponse } from "./types.js";

/**
 * Reads a GetPoliciesResponse: each policy's template name, minimal key length, hash and key
 * algorithm (resolved through the oIDs table), providers and validity; or a SOAP fault. Never throws.
 *
 * @example
 * const parsed = parsePolicyResponse(xmlFromServer);
 * if (parsed.kind === "policies") parsed.policies[0]?.minimalKeyLength; // 2048
 */
export function parsePolicyResponse(xml: string): ParsedPolicyResponse {
  void xml;
  throw new Error("not implemented");
}
