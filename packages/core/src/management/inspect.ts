import { type Diagnostic, hasErrors } from "../diagnostics/diagnostic.js";
import { type ManagementCheckContext, runChecks } from "./checks.js";
import type { SyncMessage } from "./model.js";
import { parseSyncML } from "./parse.js";

export interface SyncMLInspection {
  /** False when any diagnostic is an error. */
  readonly ok: boolean;
  /** The message, when the text is SyncML. */
  readonly message?: SyncMessage;
  readonly diagnostics: readonly Diagnostic[];
}

const NO_CLIENT: SyncMessage = { header: {}, commands: [], final: true };

/**
 * Reads one pasted SyncML message and runs the checks that need nothing but that message (the
 * `standalone` ones: header, commands, LocURIs, Atomic). Never throws.
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
  const diagnostics = runChecks(context, (check) => check.standalone === true);
  return {
    ok: !hasErrors(diagnostics),
    ...(parsed.ok ? { message: parsed.message } : {}),
    diagnostics,
  };
}
