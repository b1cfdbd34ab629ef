import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { trimmed } from "../discovery/response.js";
import { formatCitation } from "../sources/sources.js";
import { childByName } from "../xml/reader.js";
import { fromBase64, utf8OrUndefined } from "./encoding.js";
import { ENROLLMENT_NAMESPACES } from "./protocol.js";
import { descendants, readEnvelope } from "./soap.js";
import type { ParsedEnrollmentResponse } from "./types.js";

/** A prefixed attribute (`wsse:ValueType`) is read like a plain one, as the federated doc's sample writes it. */
function attribute(
  attributes: Readonly<Record<string, string>>,
  local: string,
): string | undefined {
  const key = Object.keys(attributes).find((k) => k === local || k.endsWith(`:${local}`));
  return key === undefined ? undefined : attributes[key]?.trim();
}

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
  const envelope = readEnvelope(xml);
  if (envelope.kind !== "body") return envelope;
  const collection = envelope.body;
  if (collection.local !== "RequestSecurityTokenResponseCollection")
    return {
      kind: "invalid",
      error: `the Body holds <${collection.name}>, not a RequestSecurityTokenResponseCollection`,
    };
  if (collection.namespace !== ENROLLMENT_NAMESPACES.wst)
    return {
      kind: "invalid",
      error: `RequestSecurityTokenResponseCollection is in namespace "${collection.namespace}", not ${ENROLLMENT_NAMESPACES.wst}`,
    };
  const responses = collection.children.filter((c) => c.local === "RequestSecurityTokenResponse");
  const response = responses[0];
  if (!response)
    return { kind: "invalid", error: "the collection holds no RequestSecurityTokenResponse" };
  const requested = childByName(response, "RequestedSecurityToken");
  const token = requested && descendants(requested, "BinarySecurityToken")[0];
  if (!token)
    return {
      kind: "invalid",
      error: "the response has no RequestedSecurityToken/BinarySecurityToken",
    };
  const notes: Diagnostic[] = [];
  if (envelope.soapVersion === "1.1")
    notes.push({
      code: "enrollment-soap11",
      severity: "warning",
      message:
        "The response is a SOAP 1.1 envelope, as MS-MDE2's sample writes it; MS-WSTEP requires SOAP 1.2, which servers that enrol real devices send.",
      hint: "Answer with a SOAP 1.2 envelope (http://www.w3.org/2003/05/soap-envelope).",
      source: formatCitation({ doc: "ms-wstep", section: "2.1 Transport" }),
    });
  const content = token.text.trim();
  const bytes = fromBase64(content);
  const provisioningXml = bytes ? utf8OrUndefined(bytes) : undefined;
  const tokenType = trimmed(childByName(response, "TokenType"));
  const valueType = attribute(token.attributes, "ValueType");
  const encodingType = attribute(token.attributes, "EncodingType");
  const requestId = trimmed(childByName(response, "RequestID"));
  const dispositionMessage = trimmed(childByName(response, "DispositionMessage"));
  return {
    kind: "token",
    soapVersion: envelope.soapVersion,
    ...(envelope.action ? { action: envelope.action } : {}),
    ...(envelope.relatesTo ? { relatesTo: envelope.relatesTo } : {}),
    ...(tokenType ? { tokenType } : {}),
    ...(valueType ? { valueType } : {}),
    ...(encodingType ? { encodingType } : {}),
    ...(requestId ? { requestId } : {}),
    ...(dispositionMessage ? { dispositionMessage } : {}),
    token: content,
    ...(provisioningXml !== undefined ? { provisioningXml } : {}),
    responseCount: responses.length,
    notes,
  };
}
