/**
 * Reading the SOAP envelopes of the policy and enrollment answers: the version, the WS-Addressing
 * headers, the body's payload, or a fault with Windows' reading of it.
 */

import { envelopeBody, readFault, trimmed } from "../discovery/response.js";
import { ERROR_CATALOG } from "../errors/catalog.js";
import { screenTextFor } from "../errors/screen-messages.js";
import { childByName, parseXmlOrError, type XmlElement } from "../xml/reader.js";
import type { EnrollmentFault, SoapVersion } from "./types.js";

export type Envelope =
  | {
      readonly kind: "body";
      readonly soapVersion: SoapVersion;
      readonly action?: string;
      readonly relatesTo?: string;
      readonly body: XmlElement;
    }
  | { readonly kind: "fault"; readonly soapVersion: SoapVersion; readonly fault: EnrollmentFault }
  | { readonly kind: "invalid"; readonly error: string };

/** Parses XML without throwing: the root, or why not. */
export function tryParseXml(xml: string): { root?: XmlElement; error?: string } {
  if (xml.trim() === "") return { error: "the text is empty" };
  return parseXmlOrError(xml, { maxElements: 50_000 });
}

/** The elements below `element` with this local name (case-insensitive), depth first. */
export function descendants(element: XmlElement, local: string): XmlElement[] {
  const wanted = local.toLowerCase();
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const child of e.children) {
      if (child.local.toLowerCase() === wanted) found.push(child);
      walk(child);
    }
  };
  walk(element);
  return found;
}

function readWstepDetail(fault: XmlElement): EnrollmentFault["wstep"] {
  const detail = childByName(fault, "Detail") ?? childByName(fault, "detail");
  const wsDetail = detail && childByName(detail, "CertificateEnrollmentWSDetail");
  if (!wsDetail) return undefined;
  const errorCode = trimmed(childByName(wsDetail, "ErrorCode"));
  const invalid = trimmed(childByName(wsDetail, "InvalidRequest"));
  const requestId = trimmed(childByName(wsDetail, "RequestID"));
  const code = errorCode !== undefined ? Number(errorCode) : undefined;
  return {
    ...(code !== undefined && Number.isFinite(code) ? { errorCode: code >>> 0 } : {}),
    ...(invalid !== undefined ? { invalidRequest: invalid.toLowerCase() === "true" } : {}),
    ...(requestId ? { requestId } : {}),
  };
}

/** A fault as the enrollment step reads it: the discovery reading, plus MS-WSTEP's detail and Windows' text. */
export function readEnrollmentFault(fault: XmlElement, soapVersion: SoapVersion): EnrollmentFault {
  const base = readFault(fault, soapVersion);
  const wstep = readWstepDetail(fault);
  let errors = base.errors;
  if (errors.length === 0 && wstep?.errorCode !== undefined) {
    errors = ERROR_CATALOG.filter((e) => e.hresult === wstep.errorCode).map((e) => e.id);
  }
  const first = ERROR_CATALOG.find((e) => e.id === errors[0]);
  const windowsText = first?.hresult !== undefined ? screenTextFor(first.hresult) : undefined;
  return { ...base, ...(wstep ? { wstep } : {}), errors, ...(windowsText ? { windowsText } : {}) };
}

/** Reads an envelope down to its Body's first element, or its Fault. Never throws. */
export function readEnvelope(xml: string): Envelope {
  const { root, error } = tryParseXml(xml);
  if (!root) return { kind: "invalid", error: error ?? "unreadable" };
  if (root.local !== "Envelope")
    return { kind: "invalid", error: `the root element is <${root.name}>, not a SOAP Envelope` };
  const envelope = envelopeBody(root);
  if ("error" in envelope) return { kind: "invalid", error: envelope.error };
  const { soapVersion, body } = envelope;
  const fault = childByName(body, "Fault");
  if (fault) return { kind: "fault", soapVersion, fault: readEnrollmentFault(fault, soapVersion) };
  const payload = body.children[0];
  if (!payload) return { kind: "invalid", error: "the Body is empty" };
  const header = childByName(root, "Header");
  const action = trimmed(header && childByName(header, "Action"));
  const relatesTo = trimmed(header && childByName(header, "RelatesTo"));
  return {
    kind: "body",
    soapVersion,
    ...(action ? { action } : {}),
    ...(relatesTo ? { relatesTo } : {}),
    body: payload,
  };
}

/** Reads an element's text as an integer; undefined when absent, nil or not a number. */
export function integerOf(element: XmlElement | undefined): number | undefined {
  const text = trimmed(element);
  if (text === undefined || !/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`,
  );
}

/** A fresh `urn:uuid:` MessageID (WebCrypto's randomUUID). */
export function freshMessageId(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}
