import type { HttpExchange, HttpRequest, SendOptions } from "../discovery/transport.js";
import type { AnsweredCommand } from "./answer.js";
import type { SyncMessage } from "./model.js";
import { MANAGEMENT_POST_HEADERS, MANAGEMENT_URL_QUERY } from "./protocol.js";
import {
  createManagementSession,
  DEFAULT_MAX_ROUNDS,
  type SessionEndReason,
  type SessionOptions,
} from "./session.js";

/** What the session needs from the network: one POST, never rejecting (`@winenroll/core/node` has one). */
export interface ManagementTransport {
  send(request: HttpRequest, options: SendOptions): Promise<HttpExchange>;
}

export interface ManagementRunOptions extends SessionOptions {
  readonly transport: ManagementTransport;
  /** Time budget for the whole session. Default 30 s. */
  readonly timeoutMs?: number;
  /** Largest answer read. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Whether the transport presents a client certificate (said in the diagnostics). */
  readonly clientCertificate?: boolean;
  /** Called with every message exchanged, in order (for a trace). */
  readonly onMessage?: (direction: "client" | "server", text: string, round: number) => void;
  /** The clock, for the time budget. Default `Date.now`. */
  readonly now?: () => number;
}

/** One POST of the session: the client's message and what came back. */
export interface ManagementRound {
  readonly client: SyncMessage;
  readonly exchange: HttpExchange;
}

export type ManagementEndReason =
  | SessionEndReason
  /** The POST failed or got no usable HTTP answer. */
  | "exchange-failed";

/** Everything the session saw; `diagnoseManagement` judges it without touching the network. */
export interface ManagementObservation {
  readonly url: string;
  readonly rounds: readonly ManagementRound[];
  readonly end: ManagementEndReason;
  readonly maxRounds: number;
  readonly clientCertificate: boolean;
  /** What the device did with each server command. */
  readonly answered: readonly AnsweredCommand[];
}

/**
 * ADDR with the query Windows adds (MS-MDM §2.1 note 1).
 *
 * @example
 * managementPostUrl("https://mdm.example.com/omadm"); // "https://mdm.example.com/omadm?mode=Maintenance&Platform=WoA"
 */
export function managementPostUrl(url: string): string {
  return `${url}${url.includes("?") ? "&" : "?"}${MANAGEMENT_URL_QUERY}`;
}

/**
 * Runs a first management session against a server: POSTs each client message over the transport
 * and feeds the answer to the session until it ends, the server stops answering, or the budget ends.
 *
 * @example
 * import { createNodeTransport } from "@winenroll/core/node";
 * const observation = await runManagementSession({
 *   serverUrl: "https://mdm.example.com/ManagementServer/MDM.svc",
 *   transport: createNodeTransport({ clientCertificate: certPem, clientKey: keyPem }),
 *   clientCertificate: true,
 * });
 * diagnoseManagement(observation).ok;
 */
export async function runManagementSession(
  options: ManagementRunOptions,
): Promise<ManagementObservation> {
  const session = createManagementSession(options);
  const now = options.now ?? Date.now;
  const deadline = now() + (options.timeoutMs ?? 30_000);
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  const rounds: ManagementRound[] = [];
  const url = managementPostUrl(options.serverUrl);
  let turn = session.start();
  let end: ManagementEndReason;
  for (;;) {
    const round = rounds.length + 1;
    options.onMessage?.("client", turn.xml, round);
    const exchange = await options.transport.send(
      { method: "POST", url, headers: MANAGEMENT_POST_HEADERS, body: turn.xml },
      { timeoutMs: deadline - now(), maxResponseBytes },
    );
    rounds.push({ client: turn.message, exchange });
    const response = exchange.response;
    if (response) options.onMessage?.("server", response.body, round);
    if (response?.status !== 200 || response.truncated) {
      end = "exchange-failed";
      break;
    }
    const next = session.next(response.body);
    if (next.kind === "done") {
      end = next.reason;
      break;
    }
    turn = next;
  }
  return {
    url: options.serverUrl,
    rounds,
    end,
    maxRounds: options.maxRounds ?? DEFAULT_MAX_ROUNDS,
    clientCertificate: options.clientCertificate ?? false,
    answered: session.answered,
  };
}
