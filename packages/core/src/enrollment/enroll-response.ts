import type { ParsedEnrollmentResponse } from "./types.js";

/**
 * Reads an enrollment response: the RequestSecurityTokenResponseCollection and the provisioning
 * document in its BinarySecurityToken (decoded), or a SOAP fault mapped to catalog entries and the
 * text Windows shows. Never throws.
 *
 * @example
 * const parsed = parseEnrollmentResponse(xmlFromServer);
 * if (parsed.kind === "token") parsed.provisioningXml; // "<wap-provisioningdoc …"
 * if (parsed.kind === "fault") parsed.fault.errors; // ["menroll-e-device-authentication-error"]
 */
export function parseEnrollmentResponse(xml: string): ParsedEnrollmentResponse {
  void xml;
  throw new Error("not implemented");
}
