import type { SyncCommand, SyncHeader, SyncItem, SyncMessage, SyncMeta } from "./model.js";
import { METINF_NAMESPACE, SYNCML_NAMESPACE } from "./protocol.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** `<Name>text</Name>` when the value is set, else nothing. */
function leaf(name: string, value: string | undefined, indent: string): string[] {
  return value === undefined ? [] : [`${indent}<${name}>${escapeXml(value)}</${name}>`];
}

function locUri(name: "Target" | "Source", uri: string | undefined, indent: string): string[] {
  return uri === undefined
    ? []
    : [`${indent}<${name}><LocURI>${escapeXml(uri)}</LocURI></${name}>`];
}

function meta(value: SyncMeta | undefined, indent: string): string[] {
  if (!value) return [];
  const ns = ` xmlns="${METINF_NAMESPACE}"`;
  const fields: [string, string | undefined][] = [
    ["Format", value.format],
    ["Type", value.type],
    ["MaxMsgSize", value.maxMsgSize],
  ];
  const inner = fields
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `${indent}  <${name}${ns}>${escapeXml(v!)}</${name}>`);
  return [`${indent}<Meta>`, ...inner, `${indent}</Meta>`];
}

function item(value: SyncItem, indent: string): string[] {
  const inner = `${indent}  `;
  return [
    `${indent}<Item>`,
    ...locUri("Target", value.target, inner),
    ...locUri("Source", value.source, inner),
    ...meta(value.meta, inner),
    ...leaf("Data", value.data, inner),
    `${indent}</Item>`,
  ];
}

/** A command's children in the order the SyncML DTD fixes for it (MS-MDM §2.2.2: order required). */
function command(value: SyncCommand, indent: string): string[] {
  const inner = `${indent}  `;
  const body: string[] = [...leaf("CmdID", value.cmdId, inner)];
  if (value.name === "Status" || value.name === "Results") {
    body.push(...leaf("MsgRef", value.msgRef, inner), ...leaf("CmdRef", value.cmdRef, inner));
    if (value.name === "Status") body.push(...leaf("Cmd", value.cmd, inner));
    if (value.name === "Results") body.push(...meta(value.meta, inner));
    for (const ref of value.targetRefs ?? []) body.push(...leaf("TargetRef", ref, inner));
    for (const ref of value.sourceRefs ?? []) body.push(...leaf("SourceRef", ref, inner));
    if (value.name === "Status") body.push(...leaf("Data", value.data, inner));
  } else if (value.name === "Alert") {
    body.push(...leaf("Data", value.data, inner));
  } else {
    body.push(...meta(value.meta, inner));
  }
  for (const child of value.commands ?? []) body.push(...command(child, inner));
  for (const i of value.items) body.push(...item(i, inner));
  return [`${indent}<${value.name}>`, ...body, `${indent}</${value.name}>`];
}

function header(value: SyncHeader): string[] {
  const inner = "    ";
  return [
    "  <SyncHdr>",
    ...leaf("VerDTD", value.verDtd, inner),
    ...leaf("VerProto", value.verProto, inner),
    ...leaf("SessionID", value.sessionId, inner),
    ...leaf("MsgID", value.msgId, inner),
    ...locUri("Target", value.target, inner),
    ...locUri("Source", value.source, inner),
    ...meta(value.meta, inner),
    "  </SyncHdr>",
  ];
}

/**
 * Writes a SyncML message, each element in the order the DTD requires, one element a line.
 *
 * @example
 * buildSyncML({
 *   header: { verDtd: "1.2", verProto: "DM/1.2", sessionId: "1", msgId: "1",
 *     target: "https://mdm.example.com/omadm", source: "ABCDEF0123456789" },
 *   commands: [{ name: "Alert", cmdId: "2", data: "1201", items: [] }],
 *   final: true,
 * }); // '<SyncML xmlns="SYNCML:SYNCML1.2">\n  <SyncHdr>…'
 */
export function buildSyncML(message: SyncMessage): string {
  return [
    `<SyncML xmlns="${message.namespace ?? SYNCML_NAMESPACE}">`,
    ...header(message.header),
    "  <SyncBody>",
    ...message.commands.flatMap((c) => command(c, "    ")),
    ...(message.final ? ["    <Final/>"] : []),
    "  </SyncBody>",
    "</SyncML>",
  ].join("\n");
}
