import type { XmlElement } from "../xml/reader.js";
import { fromBase64, utf8OrUndefined } from "./encoding.js";
import { parseEnrollmentResponse } from "./enroll-response.js";
import { tryParseXml } from "./soap.js";
import type {
  CertificateStoreView,
  DmClientProvider,
  ParsedEnrollmentResponse,
  ParsedProvisioningDocument,
  ProvisionedCertificate,
  ProvisioningCharacteristic,
  ProvisioningDocument,
  ProvisioningParm,
  RenewalSettings,
  W7Application,
} from "./types.js";

/** The w7 parms the CSP documents (names are upper case and case-sensitive). */
export const W7_PARMS = [
  "APPID",
  "PROVIDER-ID",
  "NAME",
  "ADDR",
  "CONNRETRYFREQ",
  "INITIALBACKOFFTIME",
  "MAXBACKOFFTIME",
  "BACKCOMPATRETRYDISABLED",
  "DEFAULTENCODING",
  "SSLCLIENTCERTSEARCHCRITERIA",
  "PROTOVER",
  "ROLE",
  "USEHWDEVID",
  "INIT",
] as const;

function readCharacteristic(element: XmlElement, parentPath: string): ProvisioningCharacteristic {
  const type = element.attributes.type ?? "";
  const path = parentPath ? `${parentPath}/${type}` : type;
  const parms: ProvisioningParm[] = [];
  const characteristics: ProvisioningCharacteristic[] = [];
  for (const child of element.children) {
    if (child.local === "parm") {
      const { name = "", value, datatype } = child.attributes;
      parms.push({
        name,
        ...(value !== undefined ? { value } : {}),
        ...(datatype !== undefined ? { datatype } : {}),
      });
    } else if (child.local === "characteristic") {
      characteristics.push(readCharacteristic(child, path));
    }
  }
  return { type, path, parms, characteristics };
}

const child = (c: ProvisioningCharacteristic | undefined, type: string) =>
  c?.characteristics.find((x) => x.type === type);
const parmValue = (c: ProvisioningCharacteristic | undefined, name: string) =>
  c?.parms.find((p) => p.name === name)?.value;

/** Thumbprint characteristics under a store, with their EncodedCertificate and PrivateKeyContainer. */
function certificatesIn(
  store: ProvisioningCharacteristic | undefined,
  storeName: string,
): ProvisionedCertificate[] {
  if (!store) return [];
  const privateKeyContainer = store.characteristics.some((c) => c.type === "PrivateKeyContainer");
  return store.characteristics
    .filter((c) => c.type !== "PrivateKeyContainer")
    .map((c) => {
      const encoded = parmValue(c, "EncodedCertificate");
      return {
        store: storeName,
        thumbprint: c.type,
        ...(encoded !== undefined ? { encoded } : {}),
        privateKeyContainer,
      };
    });
}

function renewalOf(my: ProvisioningCharacteristic | undefined): RenewalSettings | undefined {
  const renew = child(child(my, "WSTEP"), "Renew");
  if (!renew) return undefined;
  const periodName = renew.parms.find(
    (p) => p.name === "RenewPeriod" || p.name === "RenewalPeriod",
  )?.name;
  const robosupport = parmValue(renew, "ROBOSupport");
  const renewPeriod = periodName ? parmValue(renew, periodName) : undefined;
  const retryInterval = parmValue(renew, "RetryInterval");
  const serverUrl = parmValue(renew, "ServerURL");
  return {
    ...(robosupport !== undefined ? { robosupport } : {}),
    ...(renewPeriod !== undefined ? { renewPeriod } : {}),
    ...(retryInterval !== undefined ? { retryInterval } : {}),
    ...(serverUrl !== undefined ? { serverUrl } : {}),
    ...(periodName ? { renewPeriodName: periodName } : {}),
  };
}

/** Every child of the given type under any of the parents, in document order. */
const childrenOf = (parents: readonly ProvisioningCharacteristic[], type: string) =>
  parents.flatMap((p) => p.characteristics.filter((c) => c.type === type));

/**
 * One view of every CertificateStore characteristic: most servers send one, the federated
 * enrollment doc's sample sends Root and My as two, and Windows installs both.
 */
function certificateStoreOf(top: readonly ProvisioningCharacteristic[]): CertificateStoreView {
  const stores = top.filter((c) => c.type === "CertificateStore");
  const my = childrenOf(stores, "My");
  const certificatesUnder = (store: string, context: string) =>
    childrenOf(childrenOf(stores, store), context).flatMap((c) =>
      certificatesIn(c, `${store}/${context}`),
    );
  const renewal = my.map(renewalOf).find((r) => r !== undefined);
  return {
    roots: certificatesUnder("Root", "System"),
    intermediates: certificatesUnder("CA", "System"),
    client: [...certificatesUnder("My", "User"), ...certificatesUnder("My", "System")],
    ...(renewal ? { renewal } : {}),
  };
}

function applicationOf(top: readonly ProvisioningCharacteristic[]): W7Application | undefined {
  const app =
    top.find((c) => c.type === "APPLICATION" && parmValue(c, "APPID") === "w7") ??
    top.find((c) => c.type === "APPLICATION");
  if (!app) return undefined;
  const value = (name: string) => parmValue(app, name);
  // Every sample writes ADDR as a parm; the CSP's tree has it under APPADDR.
  const addr =
    value("ADDR") ??
    parmValue(app.characteristics.find((c) => c.type === "APPADDR")?.characteristics[0], "ADDR");
  const fields: Record<string, string | undefined> = {
    appId: value("APPID"),
    providerId: value("PROVIDER-ID"),
    name: value("NAME"),
    addr,
    connRetryFreq: value("CONNRETRYFREQ"),
    initialBackoffTime: value("INITIALBACKOFFTIME"),
    maxBackoffTime: value("MAXBACKOFFTIME"),
    defaultEncoding: value("DEFAULTENCODING"),
    sslClientCertSearchCriteria: value("SSLCLIENTCERTSEARCHCRITERIA"),
  };
  const known = new Set<string>(W7_PARMS);
  return {
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
    backCompatRetryDisabled: app.parms.some((p) => p.name === "BACKCOMPATRETRYDISABLED"),
    appAuth: app.characteristics
      .filter((c) => c.type === "APPAUTH")
      .map((c) => Object.fromEntries(c.parms.map((p) => [p.name, p.value ?? ""]))),
    unknownParms: app.parms.filter((p) => !known.has(p.name)),
  } as W7Application;
}

function flatten(
  c: ProvisioningCharacteristic,
  prefix: string,
  into: Record<string, string>,
): void {
  for (const p of c.parms) into[`${prefix}${p.name}`] = p.value ?? "";
  for (const sub of c.characteristics) flatten(sub, `${prefix}${sub.type}/`, into);
}

function dmClientOf(top: readonly ProvisioningCharacteristic[]): DmClientProvider[] {
  const provider = child(
    top.find((c) => c.type === "DMClient"),
    "Provider",
  );
  return (provider?.characteristics ?? []).map((c) => {
    const settings: Record<string, string> = {};
    flatten(c, "", settings);
    return { providerId: c.type, settings };
  });
}

/** Reads a wap-provisioningdoc element into the raw tree and its typed views. */
export function readProvisioningDocument(root: XmlElement): ProvisioningDocument {
  const characteristics = root.children
    .filter((c) => c.local === "characteristic")
    .map((c) => readCharacteristic(c, ""));
  const application = applicationOf(characteristics);
  return {
    ...(root.attributes.version !== undefined ? { version: root.attributes.version } : {}),
    characteristics,
    certificateStore: certificateStoreOf(characteristics),
    ...(application ? { application } : {}),
    dmClient: dmClientOf(characteristics),
  };
}

function documentFrom(
  xml: string,
  from: "document" | "enrollment-response",
  response?: ParsedEnrollmentResponse,
): ParsedProvisioningDocument {
  const { root, error } = tryParseXml(xml);
  const withResponse = response ? { response } : {};
  if (!root)
    return {
      kind: "invalid",
      error: `the provisioning document is not well-formed XML: ${error}`,
      ...withResponse,
    };
  if (root.local !== "wap-provisioningdoc")
    return {
      kind: "invalid",
      error: `the root element is <${root.name}>, not <wap-provisioningdoc>`,
      ...withResponse,
    };
  return { kind: "document", from, document: readProvisioningDocument(root), xml, ...withResponse };
}

/**
 * Reads a wap-provisioningdoc (or a whole enrollment response holding one, or the base64 token
 * alone): every characteristic and parm as written, plus typed views of CertificateStore, the w7
 * APPLICATION and DMClient `Provider/<id>`. Never throws.
 *
 * @example
 * const parsed = parseProvisioningDocument(pasted);
 * if (parsed.kind === "document") parsed.document.application?.addr; // "https://…"
 */
export function parseProvisioningDocument(xml: string): ParsedProvisioningDocument {
  const text = xml.trim();
  if (text === "") return { kind: "invalid", error: "the text is empty" };
  if (!text.startsWith("<")) {
    const bytes = fromBase64(text);
    const decoded = bytes && utf8OrUndefined(bytes);
    if (decoded?.trimStart().startsWith("<")) return documentFrom(decoded, "document");
    return { kind: "invalid", error: "the text is neither XML nor a base64-encoded document" };
  }
  if (/^(<\?xml[^>]*\?>\s*)?<([\w.-]+:)?Envelope[\s>]/.test(text)) {
    const response = parseEnrollmentResponse(text);
    if (response.kind === "fault") return { kind: "fault", response };
    if (response.kind === "invalid") return { kind: "invalid", error: response.error, response };
    if (response.provisioningXml === undefined)
      return {
        kind: "invalid",
        error: "the BinarySecurityToken does not decode from base64 to UTF-8 text",
        response,
      };
    return documentFrom(response.provisioningXml, "enrollment-response", response);
  }
  return documentFrom(text, "document");
}
