import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { type ManagementCheckContext, runChecks } from "./checks.js";
import type { SyncMessage } from "./model.js";
import { parseSyncML } from "./parse.js";

export interface SyncMLInspection {
  /** False when any diagnostic is an error. */
  readonly ok: boolean;
  /**
   * Who wrote the message, read from its SyncHdr: the device targets the server's URL, the server
   * targets the device's id (MS-MDM §4). Undefined when the text is not SyncML.
   */
  readonly from?: "device" | "server";
  /** The message, when the text is SyncML. */
  readonly message?: SyncMessage;
  readonly diagnostics: readonly Diagnostic[];
}

function senderOf(message: SyncMessage): "device" | "server" {
  return /^https?:\/\//i.test(message.header.target ?? "") ? "device" : "server";
}

const NO_CLIENT: SyncMessage = { header: {}, commands: [], final: true };

/**
 * Reads one pasted SyncML message and runs the checks that need nothing but that message (the
 * `standalone` ones: header and commands; for a server's message also LocURIs and Atomic). Never throws.
 *
 * @example
 * const { ok, message, diagnostics } = inspectSyncML(pastedText);
 * message?.commands.map((c) => c.name); // ["Status", "Get", …]
 */
export function inspectSyncML(text: string): SyncMLInspection {
  const parsed = parseSyncML(text);
  const turn = {
    round: 1,
    client: NO_CLIENT,
    exchange: { request: { method: "POST" as const, url: "", headers: {} } },
    parsed,
  };
  const context: ManagementCheckContext = {
    observation: {
      url: "",
      rounds: [],
      end: "server-finished",
      maxRounds: 1,
      clientCertificate: false,
      answered: [],
    },
    turns: [turn],
    messages: parsed.ok ? [{ ...turn, server: parsed.message }] : [],
  };
  const from = parsed.ok ? senderOf(parsed.message) : undefined;
  const diagnostics = runChecks(
    context,
    (check) => check.standalone === "any" || (check.standalone === "server" && from !== "device"),
  );
  return {
    ok: !hasErrors(diagnostics),
    ...(parsed.ok ? { message: parsed.message, from } : {}),
    diagnostics,
  };
}
