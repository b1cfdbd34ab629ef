import { type AnsweredCommand, answerServerMessage } from "./answer.js";
import { buildSyncML } from "./build.js";
import {
  DEFAULT_IDENTITY,
  type DeviceIdentity,
  DeviceTree,
  type DeviceTreeSpec,
} from "./device.js";
import type { SyncCommand, SyncHeader, SyncMessage } from "./model.js";
import { parseSyncML } from "./parse.js";
import { ALERT, LOGIN_STATUS_ALERT, type LoginStatus, SYNCML_VERSION } from "./protocol.js";

/**
 * Windows' side of an OMA-DM session as a pure state machine: `start()` gives the first package,
 * `next(serverXml)` the answer to each server message, until the server has nothing more to say.
 * The caller carries the messages (see `runManagementSession`), so this runs anywhere.
 */

export interface SessionOptions {
  /** The management URL (ADDR of the provisioning document); the SyncHdr Target is it without query. */
  readonly serverUrl: string;
  readonly identity?: Partial<DeviceIdentity>;
  /** Nodes added to (or removed from) the simulated device tree. */
  readonly tree?: DeviceTreeSpec;
  /** Opaque, at most 4 bytes (MS-MDM §2.2.3.8). Default "1". */
  readonly sessionId?: string;
  /** The 1224 LoginStatus alert's value. Default `user`. */
  readonly loginStatus?: LoginStatus;
  /** The most messages the client sends in one session. Default 10. */
  readonly maxRounds?: number;
}

export const DEFAULT_MAX_ROUNDS = 10;

export interface ClientTurn {
  readonly kind: "message";
  readonly message: SyncMessage;
  readonly xml: string;
}

export type SessionEndReason =
  /** The server's message had Final and no command left to answer. */
  | "server-finished"
  /** The server sent Alert 1223. */
  | "server-aborted"
  /** The server kept the session going past maxRounds. */
  | "max-rounds"
  /** The server's answer was not a SyncML message. */
  | "unreadable";

export interface SessionEnd {
  readonly kind: "done";
  readonly reason: SessionEndReason;
  readonly detail?: string;
}

export interface ManagementSession {
  /** The first package: Alert 1201, Alert 1224 LoginStatus, Replace of ./DevInfo, Final. */
  start(): ClientTurn;
  /** The device's answer to one server message, or the end of the session. */
  next(serverXml: string): ClientTurn | SessionEnd;
  /** What the device did with every server command so far. */
  readonly answered: readonly AnsweredCommand[];
}

/** A command is something to answer; Status and Results only answer the client's own. */
const isAnswer = (c: SyncCommand) => c.name === "Status" || c.name === "Results";

/**
 * The ADDR without its query: what goes in the SyncHdr Target (MS-MDM §4).
 *
 * @example
 * managementTarget("https://mdm.example.com/omadm?tenant=1"); // "https://mdm.example.com/omadm"
 */
export function managementTarget(url: string): string {
  const cut = url.search(/[?#]/);
  return cut < 0 ? url : url.slice(0, cut);
}

function firstPackage(identity: DeviceIdentity, loginStatus: LoginStatus): SyncCommand[] {
  const devInfo: [string, string][] = [
    ["DevId", identity.devId],
    ["Man", identity.man],
    ["Mod", identity.mod],
    ["DmV", identity.dmV],
    ["Lang", identity.lang],
  ];
  return [
    { name: "Alert", cmdId: "2", data: ALERT.clientInitiated, items: [] },
    {
      name: "Alert",
      cmdId: "3",
      data: ALERT.clientEvent,
      items: [{ meta: { type: LOGIN_STATUS_ALERT.type }, data: loginStatus }],
    },
    {
      name: "Replace",
      cmdId: "4",
      // Windows addresses these Items by Source, not Target (fleet-windows-capture).
      items: devInfo.map(([node, value]) => ({ source: `./DevInfo/${node}`, data: value })),
    },
  ];
}

/**
 * Starts Windows' side of a first management session.
 *
 * @example
 * const session = createManagementSession({ serverUrl: "https://mdm.example.com/omadm" });
 * let turn = session.start();
 * // POST turn.xml; then, with the server's answer:
 * const next = session.next(serverXml); // { kind: "message", xml } or { kind: "done", reason }
 */
export function createManagementSession(options: SessionOptions): ManagementSession {
  const identity: DeviceIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  const tree = DeviceTree.create(identity, options.tree);
  const maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  const answered: AnsweredCommand[] = [];
  let msgId = 0;

  const header = (): SyncHeader => ({
    ...SYNCML_VERSION,
    sessionId: options.sessionId ?? "1",
    msgId: String(++msgId),
    target: managementTarget(options.serverUrl),
    source: identity.devId,
  });
  const turn = (commands: readonly Omit<SyncCommand, "cmdId">[]): ClientTurn => {
    // CmdIDs count from 1 in each message; never "0" (MS-MDM §2.2.3.2).
    const numbered = commands.map((c, i) => ({ ...c, cmdId: String(i + 1) }) as SyncCommand);
    const message: SyncMessage = { header: header(), commands: numbered, final: true };
    return { kind: "message", message, xml: buildSyncML(message) };
  };

  return {
    answered,
    start() {
      msgId = 0;
      const message: SyncMessage = {
        header: header(),
        commands: firstPackage(identity, options.loginStatus ?? "user"),
        final: true,
      };
      return { kind: "message", message, xml: buildSyncML(message) };
    },
    next(serverXml) {
      const parsed = parseSyncML(serverXml);
      if (!parsed.ok) return { kind: "done", reason: "unreadable", detail: parsed.error };
      const server = parsed.message;
      const answer = answerServerMessage(server, tree);
      answered.push(...answer.answered);
      if (answer.aborted) return { kind: "done", reason: "server-aborted" };
      const hasCommands = server.commands.some((c) => !isAnswer(c));
      // The session is over when the server's last message has nothing left to answer.
      if (server.final && !hasCommands) return { kind: "done", reason: "server-finished" };
      if (msgId >= maxRounds) return { kind: "done", reason: "max-rounds" };
      // Without Final more server messages follow: the client asks for the next one (1222).
      const more = server.final ? [] : [{ name: "Alert", data: ALERT.nextMessage, items: [] }];
      return turn([...answer.commands, ...more]);
    },
  };
}
