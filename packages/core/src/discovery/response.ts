import type { ErrorCatalogEntry } from "../errors/catalog.js";
import { ERROR_CATALOG } from "../errors/catalog.js";
import { childByName, parseXmlOrError, textContent, type XmlElement } from "../xml/reader.js";
import { ENROLLMENT_NAMESPACE, SOAP11_NAMESPACE, SOAP12_NAMESPACE } from "./request.js";

/** The DiscoverResult fields, trimmed. */
export interface DiscoverResult {
  readonly authPolicy?: string;
  readonly enrollmentVersion?: string;
  readonly enrollmentPolicyServiceUrl?: string;
  readonly enrollmentServiceUrl?: string;
  readonly authenticationServiceUrl?: string;
}

/** The SOAP version of an envelope, told by its namespace. */
export type SoapVersion = "1.2" | "1.1";

/** A SOAP fault, as the server sent it, with the catalog entries it maps to. */
export interface DiscoverFault {
  /** `s:Receiver`, `s:Sender`, or the SOAP 1.1 faultcode. */
  readonly code?: string;
  /** The fault subcode, without prefix (`Authorization`, `InternalServiceFault`). */
  readonly subcode?: string;
  readonly reason?: string;
  /** DeviceEnrollmentServiceError/ErrorType, when the detail carries one. */
  readonly errorType?: string;
  readonly message?: string;
  readonly traceId?: string;
  /** Ids of the catalog entries the fault stands for (the ErrorType wins over the subcode). */
  readonly errors: readonly string[];
}

export type ParsedDiscoverResponse =
  | {
      readonly kind: "result";
      readonly soapVersion: SoapVersion;
      /** The DiscoverResponse namespace as written (with or without its trailing slash). */
      readonly namespace: string;
      readonly relatesTo?: string;
      readonly result: DiscoverResult;
    }
  | { readonly kind: "fault"; readonly soapVersion: SoapVersion; readonly fault: DiscoverFault }
  | { readonly kind: "invalid"; readonly error: string };

/** An element's text, trimmed; undefined when absent, nil or empty. */
export function trimmed(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  if (element.attributes["i:nil"] === "true" || element.attributes["xsi:nil"] === "true")
    return undefined;
  const text = textContent(element).trim();
  return text === "" ? undefined : text;
}

function isEnrollmentNamespace(namespace: string): boolean {
  return namespace.replace(/\/$/, "") === ENROLLMENT_NAMESPACE;
}

function withoutPrefix(value: string | undefined): string | undefined {
  return value?.replace(/^[^:]*:/, "");
}

function faultEntries(
  subcode: string | undefined,
  errorType: string | undefined,
): ErrorCatalogEntry[] {
  const byValue = (value: string | undefined, element: "subcode" | "errortype") =>
    value === undefined
      ? []
      : ERROR_CATALOG.filter((e) =>
          e.faults?.some(
            (f) => f.element === element && f.value.toLowerCase() === value.toLowerCase(),
          ),
        );
  const typed = byValue(errorType, "errortype");
  return typed.length > 0 ? typed : byValue(subcode, "subcode");
}

/** Reads a SOAP 1.2 or 1.1 Fault element, mapping its subcode and ErrorType to catalog entries. */
export function readFault(fault: XmlElement, soapVersion: SoapVersion): DiscoverFault {
  let code: string | undefined;
  let subcode: string | undefined;
  let reason: string | undefined;
  if (soapVersion === "1.2") {
    const codeElement = childByName(fault, "Code");
    code = trimmed(codeElement && childByName(codeElement, "Value"));
    const sub = codeElement && childByName(codeElement, "Subcode");
    subcode = withoutPrefix(trimmed(sub && childByName(sub, "Value")));
    const reasonElement = childByName(fault, "Reason");
    reason = trimmed(reasonElement && childByName(reasonElement, "Text"));
  } else {
    code = trimmed(childByName(fault, "faultcode"));
    // SOAP 1.1 has no subcode element; servers put the MS-MDE2 subcode in faultcode (a:InvalidSecurity).
    subcode = withoutPrefix(code);
    reason = trimmed(childByName(fault, "faultstring"));
  }
  const detail = childByName(fault, "Detail") ?? childByName(fault, "detail");
  const serviceError = detail && childByName(detail, "DeviceEnrollmentServiceError");
  const errorType = trimmed(serviceError && childByName(serviceError, "ErrorType"));
  const message = trimmed(serviceError && childByName(serviceError, "Message"));
  const traceId = trimmed(serviceError && childByName(serviceError, "TraceId"));
  return {
    ...(code ? { code } : {}),
    ...(subcode ? { subcode } : {}),
    ...(reason ? { reason } : {}),
    ...(errorType ? { errorType } : {}),
    ...(message ? { message } : {}),
    ...(traceId ? { traceId } : {}),
    errors: faultEntries(subcode, errorType).map((e) => e.id),
  };
}

/**
 * An Envelope's SOAP version, told by its namespace, and its Body; or why neither can be read.
 * Discovery, policy and enrollment answers all start this way.
 *
 * @example
 * envelopeBody(parseXml('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>'));
 * // { soapVersion: "1.2", body: <s:Body> }
 */
export function envelopeBody(
  root: XmlElement,
): { readonly soapVersion: SoapVersion; readonly body: XmlElement } | { readonly error: string } {
  const soapVersion =
    root.namespace === SOAP12_NAMESPACE
      ? "1.2"
      : root.namespace === SOAP11_NAMESPACE
        ? "1.1"
        : undefined;
  if (!soapVersion)
    return {
      error: `the Envelope's namespace "${root.namespace}" is neither SOAP 1.2 nor SOAP 1.1`,
    };
  const body = childByName(root, "Body");
  if (!body) return { error: "the Envelope has no Body" };
  return { soapVersion, body };
}

/**
 * Reads a Discover response: the DiscoverResult (namespace with or without its trailing slash,
 * whitespace around values trimmed) or a SOAP fault mapped to catalog entries. Accepts SOAP 1.2
 * and 1.1 envelopes and the all-lowercase element names of the spec's fault sample. Never throws;
 * anything else comes back as `invalid` with the reason.
 *
 * @example
 * const parsed = parseDiscoverResponse(xmlFromServer);
 * if (parsed.kind === "result") parsed.result.enrollmentServiceUrl;
 * if (parsed.kind === "fault") parsed.fault.errors; // ["menroll-e-devicecapreached"]
 */
export function parseDiscoverResponse(xml: string): ParsedDiscoverResponse {
  if (xml.trim() === "") return { kind: "invalid", error: "the response is empty" };
  const parsed = parseXmlOrError(xml);
  if ("error" in parsed) return { kind: "invalid", error: parsed.error };
  const { root } = parsed;
  if (root.local.toLowerCase() !== "envelope") {
    return { kind: "invalid", error: `the root element is <${root.name}>, not a SOAP Envelope` };
  }
  const envelope = envelopeBody(root);
  if ("error" in envelope) return { kind: "invalid", error: envelope.error };
  const { soapVersion, body } = envelope;
  const fault = childByName(body, "Fault");
  if (fault) return { kind: "fault", soapVersion, fault: readFault(fault, soapVersion) };
  const response = childByName(body, "DiscoverResponse");
  if (!response)
    return { kind: "invalid", error: "the Body holds neither a DiscoverResponse nor a Fault" };
  if (!isEnrollmentNamespace(response.namespace)) {
    return {
      kind: "invalid",
      error: `DiscoverResponse is in namespace "${response.namespace}", not ${ENROLLMENT_NAMESPACE}`,
    };
  }
  const result = childByName(response, "DiscoverResult");
  if (!result) return { kind: "invalid", error: "DiscoverResponse has no DiscoverResult" };
  const header = childByName(root, "Header");
  const relatesTo = trimmed(header && childByName(header, "RelatesTo"));
  const fields: DiscoverResult = {};
  const read = (name: string) => trimmed(childByName(result, name));
  const authPolicy = read("AuthPolicy");
  const enrollmentVersion = read("EnrollmentVersion");
  const enrollmentPolicyServiceUrl = read("EnrollmentPolicyServiceUrl");
  const enrollmentServiceUrl = read("EnrollmentServiceUrl");
  const authenticationServiceUrl = read("AuthenticationServiceUrl");
  Object.assign(fields, {
    ...(authPolicy ? { authPolicy } : {}),
    ...(enrollmentVersion ? { enrollmentVersion } : {}),
    ...(enrollmentPolicyServiceUrl ? { enrollmentPolicyServiceUrl } : {}),
    ...(enrollmentServiceUrl ? { enrollmentServiceUrl } : {}),
    ...(authenticationServiceUrl ? { authenticationServiceUrl } : {}),
  });
  return {
    kind: "result",
    soapVersion,
    namespace: response.namespace,
    ...(relatesTo ? { relatesTo } : {}),
    result: fields,
  };
}
