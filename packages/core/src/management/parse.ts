import { childByName, parseXmlOrError, textContent, type XmlElement } from "../xml/reader.js";
import type { SyncCommand, SyncHeader, SyncItem, SyncMessage, SyncMeta } from "./model.js";

export type ParsedSyncML =
  | { readonly ok: true; readonly message: SyncMessage }
  | { readonly ok: false; readonly error: string };

/** Generous bounds for one message: Windows has no documented size limit (no source found). */
const LIMITS = { maxDepth: 32, maxElements: 20_000 };

function textOf(element: XmlElement | undefined): string | undefined {
  return element === undefined ? undefined : element.text.trim();
}

function locUriOf(element: XmlElement | undefined): string | undefined {
  return element === undefined ? undefined : textOf(childByName(element, "LocURI"));
}

function metaOf(element: XmlElement | undefined): SyncMeta | undefined {
  if (!element) return undefined;
  const format = textOf(childByName(element, "Format"));
  const type = textOf(childByName(element, "Type"));
  const maxMsgSize = textOf(childByName(element, "MaxMsgSize"));
  return {
    ...(format !== undefined ? { format } : {}),
    ...(type !== undefined ? { type } : {}),
    ...(maxMsgSize !== undefined ? { maxMsgSize } : {}),
  };
}

function itemOf(element: XmlElement): SyncItem {
  const target = locUriOf(childByName(element, "Target"));
  const source = locUriOf(childByName(element, "Source"));
  const meta = metaOf(childByName(element, "Meta"));
  const dataElement = childByName(element, "Data");
  // Data keeps its text as sent: a value's spaces can matter.
  const data = dataElement === undefined ? undefined : textContent(dataElement);
  return {
    ...(target !== undefined ? { target } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(meta ? { meta } : {}),
    ...(data !== undefined ? { data } : {}),
  };
}

const CONTAINERS = new Set(["atomic", "sequence"]);
const NOT_COMMANDS = new Set(["final"]);

function commandOf(element: XmlElement): SyncCommand {
  const child = (name: string) => textOf(childByName(element, name));
  const all = (name: string) =>
    element.children.filter((c) => c.local.toLowerCase() === name).map((c) => c.text.trim());
  const isContainer = CONTAINERS.has(element.local.toLowerCase());
  const cmdId = child("CmdID");
  const meta = metaOf(childByName(element, "Meta"));
  const data = child("Data");
  const msgRef = child("MsgRef");
  const cmdRef = child("CmdRef");
  const cmd = child("Cmd");
  const targetRefs = all("targetref");
  const sourceRefs = all("sourceref");
  return {
    name: element.local,
    ...(cmdId !== undefined ? { cmdId } : {}),
    ...(meta ? { meta } : {}),
    ...(data !== undefined ? { data } : {}),
    items: element.children.filter((c) => c.local.toLowerCase() === "item").map(itemOf),
    ...(msgRef !== undefined ? { msgRef } : {}),
    ...(cmdRef !== undefined ? { cmdRef } : {}),
    ...(cmd !== undefined ? { cmd } : {}),
    ...(targetRefs.length > 0 ? { targetRefs } : {}),
    ...(sourceRefs.length > 0 ? { sourceRefs } : {}),
    ...(isContainer ? { commands: commandsOf(element) } : {}),
  };
}

/** The commands of a SyncBody, Atomic or Sequence: every child but the bookkeeping ones. */
const COMMAND_FIELDS = new Set(["cmdid", "meta", "noresp", "cred", "item"]);
function commandsOf(element: XmlElement): SyncCommand[] {
  return element.children
    .filter(
      (c) => !NOT_COMMANDS.has(c.local.toLowerCase()) && !COMMAND_FIELDS.has(c.local.toLowerCase()),
    )
    .map(commandOf);
}

function headerOf(element: XmlElement): SyncHeader {
  const child = (name: string) => textOf(childByName(element, name));
  const verDtd = child("VerDTD");
  const verProto = child("VerProto");
  const sessionId = child("SessionID");
  const msgId = child("MsgID");
  const target = locUriOf(childByName(element, "Target"));
  const source = locUriOf(childByName(element, "Source"));
  const meta = metaOf(childByName(element, "Meta"));
  return {
    ...(verDtd !== undefined ? { verDtd } : {}),
    ...(verProto !== undefined ? { verProto } : {}),
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(msgId !== undefined ? { msgId } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(meta ? { meta } : {}),
  };
}

/**
 * Reads a SyncML DM message into its header, commands and Final. Never throws: text that is not XML,
 * or XML that is not a SyncML message with a SyncHdr and a SyncBody, comes back as `{ ok: false }`.
 * What a server may get wrong inside (a missing CmdID, an unknown command) is kept for the checks.
 *
 * @example
 * const parsed = parseSyncML('<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><MsgID>1</MsgID></SyncHdr><SyncBody><Final/></SyncBody></SyncML>');
 * parsed.ok && parsed.message.final; // true
 */
export function parseSyncML(text: string): ParsedSyncML {
  const parsed = parseXmlOrError(text, LIMITS);
  if ("error" in parsed) return { ok: false, error: parsed.error };
  const { root } = parsed;
  if (root.local !== "SyncML")
    return { ok: false, error: `the root element is <${root.name}>, not <SyncML>` };
  const header = childByName(root, "SyncHdr");
  const body = childByName(root, "SyncBody");
  if (!header) return { ok: false, error: "<SyncML> has no <SyncHdr>" };
  if (!body) return { ok: false, error: "<SyncML> has no <SyncBody>" };
  return {
    ok: true,
    message: {
      namespace: root.namespace,
      header: headerOf(header),
      commands: commandsOf(body),
      final: childByName(body, "Final") !== undefined,
    },
  };
}
