import type { DeviceTree, NodeCommand } from "./device.js";
import { NODE_COMMANDS, type SyncCommand, type SyncItem, type SyncMessage } from "./model.js";
import { ALERT } from "./protocol.js";

/**
 * How the simulated device answers one server message: a Status for the server's SyncHdr, then a
 * Status for each command in order (one per Item when the Items' codes differ) and a Results for
 * every Get that found something (MS-MDM §2.2.6.1, §3.1.5.2). Atomic, Sequence, nested Atomic and
 * unknown elements follow Microsoft's OMA DM protocol page.
 */

/** What the device did with one server command, for the report. */
export interface AnsweredCommand {
  readonly cmd: string;
  readonly cmdId?: string;
  readonly target?: string;
  readonly status: number;
}

export interface DeviceAnswer {
  /** Status and Results commands, CmdIDs not yet assigned. */
  readonly commands: readonly Omit<SyncCommand, "cmdId">[];
  readonly answered: readonly AnsweredCommand[];
  /** True when the server sent Alert 1223: the session ends. */
  readonly aborted: boolean;
}

interface Context {
  readonly msgRef: string;
  readonly out: Omit<SyncCommand, "cmdId">[];
  readonly answered: AnsweredCommand[];
}

function status(
  context: Context,
  command: SyncCommand,
  code: number,
  targets: readonly string[] = [],
): void {
  context.out.push({
    name: "Status",
    msgRef: context.msgRef,
    // No CmdID: Windows answers with an empty CmdRef and 400 (the protocol page).
    cmdRef: command.cmdId ?? "",
    cmd: command.name,
    ...(targets.length > 0 ? { targetRefs: targets } : {}),
    data: String(code),
    items: [],
  });
}

interface ItemOutcome {
  readonly item: SyncItem;
  readonly status: number;
  readonly data?: string;
  readonly format?: string;
}

/** Runs a node command's Items on the tree; one Status per distinct code, a Results for Get. */
function nodeCommand(context: Context, command: SyncCommand, tree: DeviceTree): number {
  const name = command.name as NodeCommand;
  const outcomes: ItemOutcome[] = command.items.map((item) =>
    item.target === undefined
      ? { item, status: 400 }
      : { item, ...tree.apply(name, item.target, item.data) },
  );
  if (command.cmdId === undefined || outcomes.length === 0) {
    status(context, command, 400);
    context.answered.push({ cmd: command.name, status: 400 });
    return 400;
  }
  const codes = new Set(outcomes.map((o) => o.status));
  const targets = (list: ItemOutcome[]) =>
    list.flatMap((o) => (o.item.target !== undefined ? [o.item.target] : []));
  if (codes.size === 1) status(context, command, outcomes[0]!.status, targets(outcomes));
  else for (const o of outcomes) status(context, command, o.status, targets([o]));
  for (const o of outcomes) {
    context.answered.push({
      cmd: command.name,
      cmdId: command.cmdId,
      ...(o.item.target !== undefined ? { target: o.item.target } : {}),
      status: o.status,
    });
  }
  const found = outcomes.filter((o) => o.status === 200 && o.data !== undefined);
  if (name === "Get" && found.length > 0) {
    context.out.push({
      name: "Results",
      msgRef: context.msgRef,
      cmdRef: command.cmdId,
      items: found.map((o) => ({
        source: o.item.target!,
        ...(o.format ? { meta: { format: o.format } } : {}),
        data: o.data!,
      })),
    });
  }
  return Math.max(...codes);
}

/**
 * Atomic: the commands run on a copy of the tree, kept only if all succeed. A nested Atomic fails
 * with 500 and its parent with 507; Get inside Atomic fails with 500 as the Windows page says
 * (MS-MDM §2.2.7.3 allows it: the readings differ, and the checks warn about it).
 */
function atomic(context: Context, command: SyncCommand, tree: DeviceTree): number {
  const trial = tree.clone();
  const inner: Context = { ...context, out: [], answered: [] };
  let failed = false;
  for (const child of command.commands ?? []) {
    if (child.name === "Atomic" || child.name === "Get") {
      status(inner, child, 500);
      inner.answered.push({ cmd: child.name, ...cmdIdOf(child), status: 500 });
      failed = true;
    } else if (run(inner, child, trial) >= 300) failed = true;
  }
  status(context, command, failed ? 507 : 200);
  context.answered.push({ cmd: command.name, ...cmdIdOf(command), status: failed ? 507 : 200 });
  // After a failed Atomic the commands that had succeeded are rolled back: 216.
  const rolledBack = (code: string | undefined) => (failed && code === "200" ? "216" : code);
  for (const c of inner.out) {
    context.out.push(c.name === "Status" ? { ...c, data: rolledBack(c.data)! } : c);
  }
  for (const a of inner.answered) {
    context.answered.push(failed && a.status === 200 ? { ...a, status: 216 } : a);
  }
  if (!failed) tree.replaceWith(trial);
  return failed ? 507 : 200;
}

function cmdIdOf(command: SyncCommand): { cmdId?: string } {
  return command.cmdId !== undefined ? { cmdId: command.cmdId } : {};
}

/** Runs one server command; returns its worst status. Atomic replaces the tree's contents. */
function run(context: Context, command: SyncCommand, tree: DeviceTree): number {
  if ((NODE_COMMANDS as readonly string[]).includes(command.name)) {
    return nodeCommand(context, command, tree);
  }
  let code: number;
  switch (command.name) {
    case "Status":
    case "Results":
      // The server's answers to the client's own commands: no Status back for a Status; the
      // server's Results would be a command, but Windows does not expect one (no source found).
      return 200;
    case "Sequence": {
      status(context, command, 200);
      context.answered.push({ cmd: command.name, ...cmdIdOf(command), status: 200 });
      let worst = 200;
      for (const child of command.commands ?? [])
        worst = Math.max(worst, run(context, child, tree));
      return worst;
    }
    case "Atomic":
      return atomic(context, command, tree);
    case "Alert":
      code = command.data === ALERT.sessionAbort ? 200 : 406;
      break;
    default:
      // Not a SyncML command: 400 (the protocol page).
      code = 400;
  }
  status(context, command, command.cmdId === undefined ? 400 : code);
  context.answered.push({ cmd: command.name, ...cmdIdOf(command), status: code });
  return code;
}

/**
 * Answers one server message from the device tree (which it changes).
 *
 * @example
 * const tree = DeviceTree.create(DEFAULT_IDENTITY);
 * const answer = answerServerMessage(serverMessage, tree);
 * answer.commands[0]; // the Status for the server's SyncHdr
 */
export function answerServerMessage(message: SyncMessage, tree: DeviceTree): DeviceAnswer {
  const context: Context = { msgRef: message.header.msgId ?? "", out: [], answered: [] };
  context.out.push({
    name: "Status",
    msgRef: context.msgRef,
    cmdRef: "0",
    cmd: "SyncHdr",
    ...(message.header.target !== undefined ? { targetRefs: [message.header.target] } : {}),
    ...(message.header.source !== undefined ? { sourceRefs: [message.header.source] } : {}),
    data: "200",
    items: [],
  });
  let aborted = false;
  for (const command of message.commands) {
    run(context, command, tree);
    if (command.name === "Alert" && command.data === ALERT.sessionAbort) aborted = true;
  }
  return { commands: context.out, answered: context.answered, aborted };
}
