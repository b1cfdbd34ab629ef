import type { Citation } from "../sources/sources.js";

/**
 * The protocol facts of Windows' OMA-DM session, each with its source: namespaces, the content type,
 * alert and status codes, the roots of the device tree. The session, the checks and the docs all
 * read these tables; nothing here is retyped elsewhere.
 */

const MDM = (section: string): Citation => ({ doc: "ms-mdm", section });
const OMA_DOC = (section: string): Citation => ({ doc: "wid-oma-dm-protocol", section });

/** The SyncML root namespace Windows writes; MS-MDM also lets the client accept 1.1. */
export const SYNCML_NAMESPACE = "SYNCML:SYNCML1.2";
export const SYNCML_NAMESPACES_ACCEPTED: readonly string[] = [SYNCML_NAMESPACE, "SYNCML:SYNCML1.1"];
export const METINF_NAMESPACE = "syncml:metinf";
export const SYNCML_VERSION = { verDtd: "1.2", verProto: "DM/1.2" } as const;
export const SYNCML_VERSION_SOURCE = MDM("2.2.4.2 SyncHdr");

/** The content type of a SyncML DM message in XML; the WBXML form is the other one MS-MDM names. */
export const SYNCML_XML_CONTENT_TYPE = "application/vnd.syncml.dm+xml";
export const SYNCML_WBXML_CONTENT_TYPE = "application/vnd.syncml.dm+wbxml";
export const CONTENT_TYPE_SOURCE = MDM("2.1 Transport");

/**
 * The HTTP headers of the client's POST, as a real Windows 10 client sent them (the User-Agent as
 * MS-MDM §2.1 note 2 gives it).
 */
export const MANAGEMENT_POST_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": SYNCML_XML_CONTENT_TYPE,
  Accept: `${SYNCML_XML_CONTENT_TYPE}, ${SYNCML_WBXML_CONTENT_TYPE}, application/octet-stream`,
  "Accept-Charset": "UTF-8",
  "User-Agent": "MSFT OMA DM Client/1.2.0.1",
};

/**
 * The query the client adds to ADDR: `mode` is Maintenance when a user is signed in, Machine when the
 * client runs as SYSTEM; `Platform` names the platform (a real client sent WoA).
 */
export const MANAGEMENT_URL_QUERY = "mode=Maintenance&Platform=WoA";
export const MANAGEMENT_URL_SOURCE = MDM("2.1 Transport, note 1");

export interface AlertCode {
  readonly code: string;
  readonly meaning: string;
  readonly source: Citation;
}

/** Alert codes of MS-MDM §2.2.7.2. */
export const ALERT_CODES: readonly AlertCode[] = [
  { code: "1200", meaning: "server-initiated management session", source: MDM("2.2.7.2 Alert") },
  { code: "1201", meaning: "client-initiated management session", source: MDM("2.2.7.2 Alert") },
  {
    code: "1222",
    meaning: "asks for the next message of the package",
    source: MDM("2.2.7.2 Alert"),
  },
  { code: "1223", meaning: "ends the session (abort)", source: MDM("2.2.7.2 Alert") },
  {
    code: "1224",
    meaning: "client event (its Meta/Type says which)",
    source: MDM("2.2.7.2 Alert"),
  },
  { code: "1225", meaning: "no end of data", source: MDM("2.2.7.2 Alert") },
  { code: "1226", meaning: "generic alert", source: MDM("2.2.7.2 Alert") },
];

export const ALERT = {
  clientInitiated: "1201",
  nextMessage: "1222",
  sessionAbort: "1223",
  clientEvent: "1224",
} as const;

/** The 1224 alert Windows adds to its first package: who is signed in, as LoginStatus says. */
export const LOGIN_STATUS_ALERT = {
  type: "com.microsoft/MDM/LoginStatus",
  values: ["user", "others", "none"],
  source: OMA_DOC("User targeted vs. Device targeted configuration"),
} as const;
export type LoginStatus = (typeof LOGIN_STATUS_ALERT.values)[number];

export interface StatusCode {
  readonly code: number;
  readonly meaning: string;
  readonly source: Citation;
}

/** The status codes Windows' OMA-DM client returns, as Microsoft's protocol page lists them. */
export const STATUS_CODES: readonly StatusCode[] = [
  { code: 200, meaning: "the command succeeded" },
  { code: 202, meaning: "accepted; it completes later" },
  { code: 212, meaning: "authentication accepted for the session" },
  { code: 214, meaning: "cancelled before it completed" },
  { code: 215, meaning: "not executed (the user refused)" },
  { code: 216, meaning: "rolled back: its Atomic failed" },
  { code: 400, meaning: "bad request: malformed, or not a command" },
  { code: 401, meaning: "invalid credentials" },
  { code: 403, meaning: "forbidden" },
  { code: 404, meaning: "no such node" },
  { code: 405, meaning: "command not allowed on this node (read-only)" },
  { code: 406, meaning: "optional feature not supported" },
  { code: 415, meaning: "unsupported type or format" },
  { code: 418, meaning: "the node already exists" },
  { code: 425, meaning: "permission denied" },
  { code: 500, meaning: "the command failed" },
  { code: 507, meaning: "an Atomic failed" },
  { code: 516, meaning: "an Atomic's roll-back failed" },
].map((s) => ({ ...s, source: OMA_DOC("SyncML response status codes") }));

/**
 * The meaning of a status code, when the table has it.
 *
 * @example
 * statusMeaning(405); // "command not allowed on this node (read-only)"
 */
export function statusMeaning(code: number | string): string | undefined {
  return STATUS_CODES.find((s) => s.code === Number(code))?.meaning;
}

export interface NodeRoot {
  /** The LocURI prefix. */
  readonly root: string;
  readonly meaning: string;
  readonly source: Citation;
}

/** The roots of the device tree a server can address. */
export const NODE_ROOTS: readonly NodeRoot[] = [
  {
    root: "./Vendor/MSFT",
    meaning: "configuration service providers, device scope by default",
    source: OMA_DOC("User targeted vs. Device targeted configuration"),
  },
  {
    root: "./Device/Vendor/MSFT",
    meaning: "configuration service providers, device scope",
    source: OMA_DOC("User targeted vs. Device targeted configuration"),
  },
  {
    root: "./User/Vendor/MSFT",
    meaning: "configuration service providers, the signed-in user's scope",
    source: OMA_DOC("User targeted vs. Device targeted configuration"),
  },
  {
    root: "./DevInfo",
    meaning: "device information (read-only)",
    source: MDM("4 Protocol Examples"),
  },
  { root: "./DevDetail", meaning: "device details", source: MDM("4 Protocol Examples") },
  {
    root: "./cimv2",
    meaning: "WMI classes bridged to OMA-DM",
    source: MDM("3.1.5.1.3 Add, 3.1.5.1.5 Exec"),
  },
  {
    root: "./SyncML/DMAcc",
    meaning: "the DM account of each server",
    source: { doc: "wid-dmacc-csp" },
  },
];

/**
 * The root a LocURI lies under, if any (compared without regard to case).
 *
 * @example
 * nodeRootOf("./Vendor/MSFT/DMClient/Provider/Contoso")?.root; // "./Vendor/MSFT"
 */
export function nodeRootOf(uri: string): NodeRoot | undefined {
  const lower = uri.toLowerCase();
  return NODE_ROOTS.find((r) => {
    const root = r.root.toLowerCase();
    return lower === root || lower.startsWith(`${root}/`);
  });
}
