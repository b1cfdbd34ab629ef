/**
 * The SyncML DM 1.2 message as winenroll reads and writes it: a header, the commands of the body in
 * order, and whether the body ends with Final. One command shape serves every command; which fields
 * a command carries depends on its name (MS-MDM §2.2.6, §2.2.7). Every field the wire can omit is
 * optional here, so a parsed message keeps what a server got wrong for the checks to find.
 */

/** The `syncml:metinf` fields the session uses. */
export interface SyncMeta {
  readonly format?: string;
  readonly type?: string;
  readonly maxMsgSize?: string;
}

export interface SyncItem {
  /** Target LocURI. */
  readonly target?: string;
  /** Source LocURI. */
  readonly source?: string;
  readonly meta?: SyncMeta;
  readonly data?: string;
}

/** The SyncML commands of MS-MDM and the Windows docs, Status and Results included. */
export const SYNCML_COMMANDS = [
  "Add",
  "Alert",
  "Atomic",
  "Delete",
  "Exec",
  "Get",
  "Replace",
  "Results",
  "Sequence",
  "Status",
] as const;
export type SyncCommandName = (typeof SYNCML_COMMANDS)[number];

/** The commands that address nodes through their Items. */
export const NODE_COMMANDS: readonly SyncCommandName[] = [
  "Add",
  "Delete",
  "Exec",
  "Get",
  "Replace",
];

export interface SyncCommand {
  /** The element's local name: a {@link SyncCommandName}, or whatever a server put there. */
  readonly name: string;
  readonly cmdId?: string;
  readonly meta?: SyncMeta;
  /** Alert: the alert code; Status: the status code. */
  readonly data?: string;
  readonly items: readonly SyncItem[];
  /** Status and Results: the message and command they answer. */
  readonly msgRef?: string;
  readonly cmdRef?: string;
  /** Status: the name of the command it answers (`SyncHdr` for the header). */
  readonly cmd?: string;
  readonly targetRefs?: readonly string[];
  readonly sourceRefs?: readonly string[];
  /** Atomic and Sequence: the commands inside. */
  readonly commands?: readonly SyncCommand[];
}

export interface SyncHeader {
  readonly verDtd?: string;
  readonly verProto?: string;
  readonly sessionId?: string;
  readonly msgId?: string;
  /** Target LocURI. */
  readonly target?: string;
  /** Source LocURI. */
  readonly source?: string;
  readonly meta?: SyncMeta;
}

export interface SyncMessage {
  /** The root element's namespace (`SYNCML:SYNCML1.2`); set by the parser. */
  readonly namespace?: string;
  readonly header: SyncHeader;
  readonly commands: readonly SyncCommand[];
  /** True when the body ends with `<Final/>`: the last message of the sender's package. */
  readonly final: boolean;
}
