import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { trimmed } from "../discovery/response.js";
import { formatCitation } from "../sources/sources.js";
import { childByName, type XmlElement } from "../xml/reader.js";
import { hashOfOid } from "./hash-oids.js";
import { ENROLLMENT_NAMESPACES } from "./protocol.js";
import { integerOf, readEnvelope } from "./soap.js";
import type { EnrollmentPolicy, ParsedPolicyResponse, PolicyOid } from "./types.js";

const lenient = formatCitation({ doc: "fleet-windows-capture", section: "GetPoliciesResponse" });

function readOid(element: XmlElement): PolicyOid | undefined {
  const value = trimmed(childByName(element, "value"));
  if (!value) return undefined;
  const group = integerOf(childByName(element, "group"));
  const referenceId = trimmed(childByName(element, "oIDReferenceID"));
  const defaultName = trimmed(childByName(element, "defaultName"));
  return {
    value,
    ...(group !== undefined ? { group } : {}),
    ...(referenceId ? { referenceId } : {}),
    ...(defaultName ? { defaultName } : {}),
  };
}

function readPolicy(policy: XmlElement, oids: readonly PolicyOid[]): EnrollmentPolicy {
  const dangling: string[] = [];
  const resolve = (element: XmlElement | undefined): PolicyOid | undefined => {
    const reference = trimmed(element);
    if (reference === undefined) return undefined;
    const found = oids.find((o) => o.referenceId === reference);
    if (!found) dangling.push(reference);
    return found;
  };
  const attributes = childByName(policy, "attributes");
  const at = (name: string) => (attributes ? childByName(attributes, name) : undefined);
  const keyAttributes = at("privateKeyAttributes");
  const inKey = (name: string) => (keyAttributes ? childByName(keyAttributes, name) : undefined);
  const validity = at("certificateValidity");
  const revision = at("revision");
  const providers = inKey("cryptoProviders");
  const templateName = trimmed(at("commonName"));
  const policySchema = integerOf(at("policySchema"));
  const policyOid = resolve(childByName(policy, "policyOIDReference"));
  const minimalKeyLength = integerOf(inKey("minimalKeyLength"));
  const keySpec = integerOf(inKey("keySpec"));
  const hashAlgorithm = resolve(at("hashAlgorithmOIDReference"));
  const hash = hashOfOid(hashAlgorithm?.value);
  const keyAlgorithm = resolve(inKey("algorithmOIDReference"));
  const validityPeriodSeconds = integerOf(
    validity && childByName(validity, "validityPeriodSeconds"),
  );
  const renewalPeriodSeconds = integerOf(validity && childByName(validity, "renewalPeriodSeconds"));
  const major = integerOf(revision && childByName(revision, "majorRevision"));
  const minor = integerOf(revision && childByName(revision, "minorRevision"));
  return {
    ...(templateName ? { templateName } : {}),
    ...(policySchema !== undefined ? { policySchema } : {}),
    ...(policyOid ? { policyOid } : {}),
    ...(minimalKeyLength !== undefined ? { minimalKeyLength } : {}),
    ...(keySpec !== undefined ? { keySpec } : {}),
    ...(hashAlgorithm ? { hashAlgorithm } : {}),
    ...(hash ? { hash } : {}),
    ...(keyAlgorithm ? { keyAlgorithm } : {}),
    cryptoProviders: (providers?.children ?? [])
      .map((p) => trimmed(p))
      .filter((p): p is string => p !== undefined),
    ...(validityPeriodSeconds !== undefined ? { validityPeriodSeconds } : {}),
    ...(renewalPeriodSeconds !== undefined ? { renewalPeriodSeconds } : {}),
    ...(major !== undefined || minor !== undefined
      ? {
          revision: {
            ...(major !== undefined ? { major } : {}),
            ...(minor !== undefined ? { minor } : {}),
          },
        }
      : {}),
    danglingReferences: dangling,
  };
}

/**
 * Reads a GetPoliciesResponse: each policy's template name, minimal key length, hash and key
 * algorithm (resolved through the oIDs table), providers and validity; or a SOAP fault. Never throws.
 *
 * @example
 * const parsed = parsePolicyResponse(xmlFromServer);
 * if (parsed.kind === "policies") parsed.policies[0]?.minimalKeyLength; // 2048
 */
export function parsePolicyResponse(xml: string): ParsedPolicyResponse {
  const envelope = readEnvelope(xml);
  if (envelope.kind !== "body") return envelope;
  const { body } = envelope;
  if (body.local !== "GetPoliciesResponse")
    return { kind: "invalid", error: `the Body holds <${body.name}>, not a GetPoliciesResponse` };
  if (body.namespace !== ENROLLMENT_NAMESPACES.xcep)
    return {
      kind: "invalid",
      error: `GetPoliciesResponse is in namespace "${body.namespace}", not ${ENROLLMENT_NAMESPACES.xcep}`,
    };
  const notes: Diagnostic[] = [];
  const oidList = childByName(body, "oIDs");
  const oids = (oidList?.children ?? [])
    .map(readOid)
    .filter((o): o is PolicyOid => o !== undefined);
  const response = childByName(body, "response");
  const policyElements = (response && childByName(response, "policies"))?.children ?? [];
  const policies = policyElements.map((p) => readPolicy(p, oids));
  const policyId = trimmed(response && childByName(response, "policyID"));
  const policyFriendlyName = trimmed(response && childByName(response, "policyFriendlyName"));
  const nextUpdateHours = integerOf(response && childByName(response, "nextUpdateHours"));
  if (!policyId)
    notes.push({
      code: "policy-id-missing",
      severity: "info",
      message:
        "The response has no policyID; the schema asks for one, but Windows 10 accepted a response without it.",
      source: lenient,
    });
  return {
    kind: "policies",
    soapVersion: envelope.soapVersion,
    ...(envelope.action ? { action: envelope.action } : {}),
    ...(envelope.relatesTo ? { relatesTo: envelope.relatesTo } : {}),
    ...(policyId ? { policyId } : {}),
    ...(policyFriendlyName ? { policyFriendlyName } : {}),
    ...(nextUpdateHours !== undefined ? { nextUpdateHours } : {}),
    policies,
    oids,
    notes,
  };
}
