import type { SyncCommand } from "./model.js";
import { ALERT_CODES, nodeRootOf, statusMeaning } from "./protocol.js";

/** What each command does, in a few words (MS-MDM §2.2.7; Microsoft's OMA DM protocol page). */
export const COMMAND_PURPOSE: Readonly<Record<string, string>> = {
  Add: "creates a node (Windows also creates the missing nodes above it)",
  Alert: "signals an event",
  Atomic: "runs its commands all or nothing",
  Delete: "removes a node and everything under it",
  Exec: "runs the node's action",
  Get: "reads a node (an interior node gives its child names)",
  Replace: "sets a node's value (the node must exist)",
  Results: "carries the data a Get asked for",
  Sequence: "runs its commands in order",
  Status: "answers a command with a status code",
};

/**
 * One line saying what a command asks or answers, from the protocol tables.
 *
 * @example
 * describeSyncCommand({ name: "Status", cmdRef: "0", cmd: "SyncHdr", msgRef: "1", data: "200", items: [] });
 * // "answers SyncHdr of message 1: 200, the command succeeded"
 */
export function describeSyncCommand(command: SyncCommand): string {
  switch (command.name) {
    case "Status": {
      const what =
        command.cmdRef === "0" ? "SyncHdr" : `${command.cmd ?? "command"} ${command.cmdRef ?? "?"}`;
      const meaning = command.data ? statusMeaning(command.data) : undefined;
      return `answers ${what} of message ${command.msgRef ?? "?"}: ${command.data ?? "no code"}${meaning ? `, ${meaning}` : ""}`;
    }
    case "Results":
      return `carries the data for Get ${command.cmdRef ?? "?"} of message ${command.msgRef ?? "1"}`;
    case "Alert": {
      const alert = ALERT_CODES.find((a) => a.code === command.data);
      const type = command.items.find((i) => i.meta?.type)?.meta?.type;
      return `Alert ${command.data ?? "(no code)"}: ${alert?.meaning ?? "an alert code Windows does not list"}${type ? ` (${type})` : ""}`;
    }
    case "Atomic":
    case "Sequence":
      return `${COMMAND_PURPOSE[command.name]} (${command.commands?.length ?? 0} inside)`;
    default: {
      const purpose = COMMAND_PURPOSE[command.name] ?? "not a SyncML command";
      const roots = [
        ...new Set(
          command.items.map((i) => (i.target ? nodeRootOf(i.target)?.meaning : undefined)),
        ),
      ].filter(Boolean);
      return roots.length > 0 ? `${purpose}; ${roots.join("; ")}` : purpose;
    }
  }
}
