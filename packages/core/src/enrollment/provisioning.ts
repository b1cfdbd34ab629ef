import type { ParsedProvisioningDocument } from "./types.js";

/**
 * Reads a wap-provisioningdoc (or a whole enrollment response holding one): every characteristic
 * and parm as written, plus typed views of CertificateStore, the w7 APPLICATION and DMClient
 * `Provider/<id>`. Never throws.
 *
 * @example
 * const parsed = parseProvisioningDocument(pasted);
 * if (parsed.kind === "document") parsed.document.application?.addr; // "https://…"
 */
export function parseProvisioningDocument(xml: string): ParsedProvisioningDocument {
  void xml;
  throw new Error("not implemented");
}
