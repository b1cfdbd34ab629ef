import { type Diagnostic, type Severity, sortDiagnostics } from "../diagnostics/diagnostic.js";
import type { HttpExchange } from "../discovery/transport.js";
import { type Citation, formatCitation } from "../sources/sources.js";
import { NODE_COMMANDS, SYNCML_COMMANDS, type SyncCommand, type SyncMessage } from "./model.js";
import type { ParsedSyncML } from "./parse.js";
import {
  CONTENT_TYPE_SOURCE,
  NODE_ROOTS,
  nodeRootOf,
  SYNCML_NAMESPACES_ACCEPTED,
  SYNCML_VERSION,
  SYNCML_VERSION_SOURCE,
  SYNCML_XML_CONTENT_TYPE,
} from "./protocol.js";
import type { ManagementObservation } from "./run.js";

/** What one check found; the table adds code, severity and source. */
export interface ManagementFinding {
  readonly message: string;
  readonly hint?: string;
  readonly param?: string;
}

/** One POST's answer, read once for every check. */
export interface ServerTurn {
  /** 1 for the first POST. */
  readonly round: number;
  readonly client: SyncMessage;
  readonly exchange: HttpExchange;
  /** The body read as SyncML, when a 200 answer came back. */
  readonly parsed?: ParsedSyncML;
}

export interface ManagementCheckContext {
  readonly observation: ManagementObservation;
  readonly turns: readonly ServerTurn[];
  /** The turns whose answer is a SyncML message, with it. */
  readonly messages: readonly (ServerTurn & { readonly server: SyncMessage })[];
}

export interface ManagementCheck {
  readonly code: string;
  readonly severity: Severity;
  readonly source: Citation;
  /**
   * The error catalog entry Windows would report. No source ties a failure of the management session
   * to an HRESULT, so none is named yet (no source found).
   */
  readonly catalog?: string;
  /** One sentence for the reference table: what the check looks at. */
  readonly summary: string;
  /**
   * When the check reads one message alone, so that a pasted message can be checked: `any` message,
   * or only a `server` message (the device addresses its own Items by Source, never asks for nodes).
   */
  readonly standalone?: "any" | "server";
  readonly check: (context: ManagementCheckContext) => readonly ManagementFinding[];
}

const MDM = (section: string): Citation => ({ doc: "ms-mdm", section });
const OMA_DOC = (section: string): Citation => ({ doc: "wid-oma-dm-protocol", section });
const NONE: readonly never[] = [];

/** Runs `find` on every server message; `where` prefixes the round. */
function perMessage(
  find: (
    server: SyncMessage,
    client: SyncMessage,
    where: string,
    round: number,
  ) => ManagementFinding[] | ManagementFinding | undefined,
): (context: ManagementCheckContext) => readonly ManagementFinding[] {
  return ({ messages }) =>
    messages.flatMap(({ server, client, round }) => {
      const found = find(
        server,
        client,
        `Server message ${server.header.msgId ?? "?"} (round ${round})`,
        round,
      );
      return found === undefined ? [] : Array.isArray(found) ? found : [found];
    });
}

/** Every command of a message, those inside Atomic and Sequence included, with its container. */
function walk(
  commands: readonly SyncCommand[],
  parent?: SyncCommand,
): { command: SyncCommand; parent?: SyncCommand }[] {
  return commands.flatMap((command) => [
    { command, ...(parent ? { parent } : {}) },
    ...walk(command.commands ?? [], command),
  ]);
}

const describe = (c: SyncCommand) => `${c.name}${c.cmdId !== undefined ? ` ${c.cmdId}` : ""}`;

/** Why a LocURI breaks Windows' rules for node addresses, if it does. */
function locUriProblem(uri: string): string | undefined {
  if (uri === "") return "it is empty";
  if (uri.startsWith("/")) return "it starts with /";
  const segments = uri.split("/");
  if (segments.slice(1).some((s) => s === "." || s === ".."))
    return '"." appears after the first segment';
  if (segments.some((s) => s === "")) return "it has an empty segment";
  if (segments.some((s) => s.includes("*"))) return "it uses * as a node name";
  return undefined;
}

/** Alerts in the TLS stack when a server turns down a client certificate (or asks for one not sent). */
const CERTIFICATE_REFUSED =
  /CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_UNKNOWN|ACCESS_DENIED|HANDSHAKE_FAILURE|UNSUPPORTED_CERTIFICATE|certificate required|bad certificate|unknown ca/i;

function certificateRefused(exchange: HttpExchange): string | undefined {
  const failure = exchange.failure;
  if (failure) {
    if (CERTIFICATE_REFUSED.test(`${failure.code ?? ""} ${failure.message}`))
      return failure.message;
    // A TLS 1.3 server refuses after the client thinks the handshake is done: the connection drops.
    if (
      exchange.tls &&
      /ECONNRESET|socket hang up/i.test(`${failure.code ?? ""} ${failure.message}`)
    )
      return `the connection was closed after the TLS handshake (${failure.message})`;
    return undefined;
  }
  const status = exchange.response?.status;
  return status === 401 || status === 403 ? `HTTP ${status}` : undefined;
}

/**
 * The checks of a management session, worst first. Adding a check is adding an entry; the docs'
 * reference table and the tests read this list.
 */
export const MANAGEMENT_CHECKS: readonly ManagementCheck[] = [
  {
    code: "client-certificate-refused",
    severity: "error",
    source: MDM("1.3 Overview; 1.5 Prerequisites"),
    summary:
      "The server accepts the certificate issued at enrollment for TLS client authentication.",
    check: ({ turns, observation }) => {
      const first = turns[0];
      const why = first && certificateRefused(first.exchange);
      if (!why) return NONE;
      return [
        {
          message: observation.clientCertificate
            ? `The server refused the client certificate: ${why}.`
            : `The server wants a client certificate and none was presented: ${why}.`,
          hint: observation.clientCertificate
            ? "The server must accept the certificate it issued at enrollment for TLS client authentication: trust its issuing CA for client certificates on the management endpoint."
            : "Pass the certificate and key issued at enrollment (--cert, --key).",
        },
      ];
    },
  },
  {
    code: "server-certificate-untrusted",
    severity: "error",
    source: { doc: "wid-mdm-server-requirements" },
    summary:
      "The management endpoint's TLS certificate chains to a trusted root and names the host.",
    check: ({ turns }) => {
      const tls = turns[0]?.exchange.tls;
      if (!tls || (tls.trusted && tls.nameMatches)) return NONE;
      return [
        {
          message: tls.trusted
            ? `The server certificate does not name the management host (${tls.nameError ?? "name mismatch"}).`
            : `The server certificate does not chain to a trusted root${tls.trustError ? ` (${tls.trustError})` : ""}.`,
          hint: "Serve the management endpoint with a certificate the device trusts (pass --ca when testing with a private CA).",
        },
      ];
    },
  },
  {
    code: "exchange-failed",
    severity: "error",
    source: MDM("3 Protocol Details"),
    summary: "Each POST of the session gets an HTTP answer.",
    check: ({ turns }) =>
      turns.flatMap(({ exchange, round }) =>
        exchange.failure && !(round === 1 && certificateRefused(exchange))
          ? [
              {
                message: `The POST of round ${round} failed: ${exchange.failure.message}.`,
                hint: "Check that the management URL (ADDR) is reachable over HTTPS on its port.",
              },
            ]
          : [],
      ),
  },
  {
    code: "http-status",
    severity: "error",
    source: MDM("3 Protocol Details"),
    summary: "The server answers each POST with HTTP 200 and its commands in the body.",
    check: ({ turns }) =>
      turns.flatMap(({ exchange, round }) => {
        const status = exchange.response?.status;
        if (status === undefined || status === 200) return [];
        if (round === 1 && (status === 401 || status === 403)) return [];
        return [
          {
            message: `Round ${round} got HTTP ${status}.`,
            hint: "Answer the client's SyncML POST with 200 and a SyncML message.",
          },
        ];
      }),
  },
  {
    code: "response-too-large",
    severity: "error",
    source: MDM("2.2.5.3 Meta"),
    summary: "An answer fits in the size the client reads.",
    check: ({ turns }) =>
      turns.flatMap(({ exchange, round }) =>
        exchange.response?.truncated
          ? [
              {
                message: `Round ${round}'s answer is larger than the limit (${exchange.response.bytes} bytes read).`,
              },
            ]
          : [],
      ),
  },
  {
    code: "content-type-wrong",
    severity: "error",
    source: CONTENT_TYPE_SOURCE,
    summary: `Answers are served as ${SYNCML_XML_CONTENT_TYPE}.`,
    check: ({ turns }) =>
      turns.flatMap(({ exchange, round }) => {
        const response = exchange.response;
        if (response?.status !== 200) return [];
        const type = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        if (type === SYNCML_XML_CONTENT_TYPE) return [];
        return [
          {
            message: `Round ${round}'s answer is served as ${type || "no content type at all"}, not ${SYNCML_XML_CONTENT_TYPE}.`,
            hint: `Send Content-Type: ${SYNCML_XML_CONTENT_TYPE} (the client asked for XML).`,
          },
        ];
      }),
  },
  {
    code: "syncml-unreadable",
    standalone: "any",
    severity: "error",
    source: MDM("2.2.2 SyncML Message"),
    summary: "Each answer is a well-formed SyncML message with a SyncHdr and a SyncBody.",
    check: ({ turns }) =>
      turns.flatMap(({ parsed, round }) =>
        parsed && !parsed.ok
          ? [
              {
                message: `Round ${round}'s answer is not a SyncML message: ${parsed.error}.`,
                hint: "Send a well-formed <SyncML> document with <SyncHdr> and <SyncBody>.",
              },
            ]
          : [],
      ),
  },
  {
    code: "syncml-namespace",
    standalone: "any",
    severity: "error",
    source: MDM("2.2.1 Namespaces"),
    summary: "The SyncML element is in the SYNCML:SYNCML1.2 namespace.",
    check: perMessage((server, _client, where) =>
      SYNCML_NAMESPACES_ACCEPTED.includes(server.namespace ?? "")
        ? undefined
        : {
            message: `${where}: <SyncML> is in the namespace "${server.namespace ?? ""}", not SYNCML:SYNCML1.2.`,
            hint: 'Write <SyncML xmlns="SYNCML:SYNCML1.2">.',
          },
    ),
  },
  {
    code: "synchdr-version",
    standalone: "any",
    severity: "error",
    source: SYNCML_VERSION_SOURCE,
    summary: "SyncHdr has VerDTD 1.2 and VerProto DM/1.2.",
    check: perMessage((server, _client, where) => {
      const { verDtd, verProto } = server.header;
      if (verDtd === SYNCML_VERSION.verDtd && verProto === SYNCML_VERSION.verProto)
        return undefined;
      return {
        message: `${where}: SyncHdr has VerDTD ${verDtd ?? "(none)"} and VerProto ${verProto ?? "(none)"}; Windows speaks VerDTD 1.2, DM/1.2.`,
        hint: "Write <VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto>.",
      };
    }),
  },
  {
    code: "synchdr-incomplete",
    standalone: "any",
    severity: "error",
    source: MDM("2.2.4.2 SyncHdr"),
    summary: "SyncHdr has a SessionID, a MsgID, a Target and a Source.",
    check: perMessage((server, _client, where) => {
      const h = server.header;
      const missing = [
        ["SessionID", h.sessionId],
        ["MsgID", h.msgId],
        ["Target", h.target],
        ["Source", h.source],
      ]
        .filter(([, v]) => v === undefined || v === "")
        .map(([n]) => n);
      return missing.length === 0
        ? undefined
        : {
            message: `${where}: SyncHdr has no ${missing.join(", ")}.`,
            hint: "Fill every SyncHdr element.",
          };
    }),
  },
  {
    code: "session-id-mismatch",
    severity: "error",
    source: MDM("2.2.3.8 SessionID"),
    summary: "The server answers in the client's session: the same SessionID.",
    check: perMessage((server, client, where) =>
      server.header.sessionId === undefined || server.header.sessionId === client.header.sessionId
        ? undefined
        : {
            message: `${where}: SessionID ${server.header.sessionId} does not match the client's ${client.header.sessionId}.`,
            hint: "Copy the client's SessionID into every answer of the session.",
          },
    ),
  },
  {
    code: "synchdr-target-mismatch",
    severity: "warning",
    source: { doc: "wid-oma-dm-structure" },
    summary:
      "The server's SyncHdr Target is the device (the client's Source), its Source the server.",
    check: perMessage((server, client, where) =>
      server.header.target === undefined || server.header.target === client.header.source
        ? undefined
        : {
            message: `${where}: SyncHdr Target is ${server.header.target}, not the device's id ${client.header.source}.`,
            hint: "Swap the client's Target and Source in the answer's SyncHdr.",
          },
    ),
  },
  {
    code: "msgid-not-sequential",
    severity: "warning",
    source: MDM("2.2.3.6 MsgID"),
    summary: "The server numbers its messages 1, 2, 3 … within the session.",
    check: perMessage((server, _client, where, round) =>
      server.header.msgId === undefined || server.header.msgId === String(round)
        ? undefined
        : {
            message: `${where}: MsgID is ${server.header.msgId} where ${round} was due.`,
            hint: "Start MsgID at 1 and add 1 for each message of the session.",
          },
    ),
  },
  {
    code: "synchdr-status-missing",
    severity: "error",
    source: MDM("2.2.6.1 Status"),
    summary: "Each answer starts with a Status for the client's SyncHdr (CmdRef 0).",
    check: perMessage((server, _client, where) =>
      server.commands.some((c) => c.name === "Status" && c.cmdRef === "0")
        ? undefined
        : {
            message: `${where}: no Status answers the client's SyncHdr.`,
            hint: "Begin the SyncBody with <Status><CmdID>1</CmdID><MsgRef>(client MsgID)</MsgRef><CmdRef>0</CmdRef><Cmd>SyncHdr</Cmd>…<Data>200</Data></Status>.",
          },
    ),
  },
  {
    code: "msgref-mismatch",
    severity: "error",
    source: MDM("2.2.3.7 MsgRef"),
    summary: "Each Status and Results names the client's MsgID in MsgRef.",
    check: perMessage((server, client, where) =>
      server.commands
        .filter((c) => c.name === "Status" && c.msgRef !== client.header.msgId)
        .map((c) => ({
          message: `${where}: ${describe(c)} has MsgRef ${c.msgRef ?? "(none)"} where the client's message was ${client.header.msgId}.`,
          hint: "Set MsgRef to the MsgID of the client message being answered.",
        })),
    ),
  },
  {
    code: "status-missing",
    severity: "error",
    source: MDM("3.1.5.2 Message Processing Events and Sequencing Rules"),
    summary: "Every command of the client gets a Status (CmdRef = its CmdID).",
    check: perMessage((server, client, where) => {
      const answered = new Set(
        server.commands.filter((c) => c.name === "Status").map((c) => c.cmdRef),
      );
      return client.commands
        .filter((c) => c.name !== "Status" && !answered.has(c.cmdId))
        .map((c) => ({
          message: `${where}: the client's ${describe(c)} got no Status.`,
          hint: `Send a Status with CmdRef ${c.cmdId} and Cmd ${c.name}.`,
        }));
    }),
  },
  {
    code: "status-cmdref-unknown",
    severity: "error",
    source: MDM("2.2.3.3 CmdRef"),
    summary: "A Status's CmdRef names a command of the client message it answers.",
    check: perMessage((server, client, where) => {
      const ids = new Set(client.commands.map((c) => c.cmdId));
      return server.commands
        .filter(
          (c) =>
            c.name === "Status" && c.cmdRef !== "0" && c.cmdRef !== undefined && !ids.has(c.cmdRef),
        )
        .map((c) => ({
          message: `${where}: ${describe(c)} answers CmdRef ${c.cmdRef}, which the client's message does not have.`,
        }));
    }),
  },
  {
    code: "status-cmd-mismatch",
    severity: "warning",
    source: MDM("2.2.3.1 Cmd"),
    summary: "A Status's Cmd names the command it answers.",
    check: perMessage((server, client, where) =>
      server.commands.flatMap((c) => {
        if (c.name !== "Status" || c.cmdRef === undefined) return [];
        const expected =
          c.cmdRef === "0" ? "SyncHdr" : client.commands.find((k) => k.cmdId === c.cmdRef)?.name;
        return expected === undefined || c.cmd === expected
          ? []
          : [
              {
                message: `${where}: ${describe(c)} says Cmd ${c.cmd ?? "(none)"} for the client's ${expected}.`,
              },
            ];
      }),
    ),
  },
  {
    code: "command-cmdid-invalid",
    standalone: "any",
    severity: "error",
    source: MDM("2.2.3.2 CmdID"),
    summary: "Every server command has a CmdID, unique in its message and never 0.",
    check: perMessage((server, _client, where) => {
      const seen = new Set<string>();
      return walk(server.commands).flatMap(({ command }) => {
        const id = command.cmdId;
        const why =
          id === undefined || id === ""
            ? "has no CmdID"
            : id === "0"
              ? 'has CmdID "0"'
              : seen.has(id)
                ? `repeats CmdID ${id}`
                : undefined;
        if (id !== undefined) seen.add(id);
        return why
          ? [
              {
                message: `${where}: ${command.name} ${why}; Windows answers it with 400.`,
                hint: "Number the commands of a message 1, 2, 3 …",
              },
            ]
          : [];
      });
    }),
  },
  {
    code: "command-unknown",
    standalone: "any",
    severity: "error",
    source: OMA_DOC("OMA DM standards"),
    summary: "The body holds only SyncML commands.",
    check: perMessage((server, _client, where) =>
      walk(server.commands)
        .filter(({ command }) => !(SYNCML_COMMANDS as readonly string[]).includes(command.name))
        .map(({ command }) => ({
          message: `${where}: <${command.name}> is not a SyncML command; Windows answers it with 400.`,
          hint: `Use one of ${SYNCML_COMMANDS.join(", ")}.`,
        })),
    ),
  },
  {
    code: "command-target-missing",
    standalone: "server",
    severity: "error",
    source: MDM("2.2.5.2 Item"),
    summary: "Add, Delete, Exec, Get and Replace each have Items with a Target LocURI.",
    check: perMessage((server, _client, where) =>
      walk(server.commands)
        .filter(({ command }) => (NODE_COMMANDS as readonly string[]).includes(command.name))
        .filter(({ command }) => command.items.length === 0 || command.items.some((i) => !i.target))
        .map(({ command }) => ({
          message: `${where}: ${describe(command)} has ${command.items.length === 0 ? "no Item" : "an Item without a Target LocURI"}.`,
          hint: "Address each node in <Item><Target><LocURI>./Vendor/MSFT/…</LocURI></Target></Item>.",
        })),
    ),
  },
  {
    code: "locuri-invalid",
    standalone: "server",
    severity: "error",
    source: OMA_DOC("OMA DM standards, Nodes"),
    summary: "A LocURI does not start with /, has . only first, and no empty or * node names.",
    check: perMessage((server, _client, where) =>
      walk(server.commands).flatMap(({ command }) =>
        command.items.flatMap((item) => {
          const problem = item.target === undefined ? undefined : locUriProblem(item.target);
          return problem
            ? [
                {
                  message: `${where}: ${describe(command)} targets "${item.target}": ${problem}.`,
                  param: item.target,
                },
              ]
            : [];
        }),
      ),
    ),
  },
  {
    code: "locuri-unknown-root",
    standalone: "server",
    severity: "warning",
    source: OMA_DOC("User targeted vs. Device targeted configuration"),
    summary: `A LocURI lies under a root Windows knows (${NODE_ROOTS.map((r) => r.root).join(", ")}).`,
    check: perMessage((server, _client, where) =>
      walk(server.commands).flatMap(({ command }) =>
        command.items.flatMap((item) =>
          item.target && !locUriProblem(item.target) && !nodeRootOf(item.target)
            ? [
                {
                  message: `${where}: ${describe(command)} targets "${item.target}", under no root Windows knows.`,
                  hint: `Address a node under ${NODE_ROOTS.map((r) => r.root).join(", ")}.`,
                  param: item.target,
                },
              ]
            : [],
        ),
      ),
    ),
  },
  {
    code: "atomic-nested",
    standalone: "server",
    severity: "error",
    source: OMA_DOC("OMA DM standards, Atomic"),
    summary: "No Atomic inside an Atomic (Windows answers 500 inside, 507 outside).",
    check: perMessage((server, _client, where) =>
      walk(server.commands)
        .filter(({ command, parent }) => command.name === "Atomic" && parent?.name === "Atomic")
        .map(({ command }) => ({
          message: `${where}: ${describe(command)} is nested in an Atomic; Windows fails it with 500 and the outer one with 507.`,
          hint: "Send the commands in one Atomic.",
        })),
    ),
  },
  {
    code: "get-in-atomic",
    standalone: "server",
    severity: "warning",
    source: OMA_DOC("OMA DM standards, Atomic"),
    summary:
      "No Get inside an Atomic: Microsoft's page says Windows fails it with 500, while MS-MDM §2.2.7.3 allows it.",
    check: perMessage((server, _client, where) =>
      walk(server.commands)
        .filter(({ command, parent }) => command.name === "Get" && parent?.name === "Atomic")
        .map(({ command }) => ({
          message: `${where}: ${describe(command)} is inside an Atomic. MS-MDM allows it; Microsoft's OMA DM page says Windows fails it with 500.`,
          hint: "Send the Get outside the Atomic.",
        })),
    ),
  },
  {
    code: "final-missing",
    severity: "error",
    source: MDM("2.2.3.4 Final"),
    summary: "The server's last message ends its package with Final.",
    check: ({ messages, observation }) => {
      const last = messages.at(-1);
      if (!last || last.server.final || observation.end === "server-aborted") return NONE;
      return [
        {
          message: `The server's last message (round ${last.round}) has no Final: the client waits for more that never closes the session.`,
          hint: "End each message that completes the server's package with <Final/>.",
        },
      ];
    },
  },
  {
    code: "session-not-ended",
    severity: "error",
    source: MDM("2.2.6.1 Status"),
    summary:
      "The session ends within the round limit: a last server message with Final and no commands.",
    check: ({ observation }) =>
      observation.end === "max-rounds"
        ? [
            {
              message: `The session did not end within ${observation.maxRounds} rounds.`,
              hint: "Once the server has nothing more to send, answer with the Statuses and Final only (raise --max-rounds if the server really needs more).",
            },
          ]
        : NONE,
  },
  {
    code: "device-refused-command",
    severity: "info",
    source: OMA_DOC("SyncML response status codes"),
    summary: "Commands the simulated device answered with an error status.",
    check: ({ observation }) =>
      observation.answered
        .filter((a) => a.status >= 400)
        .map((a) => ({
          message: `The device answered ${a.cmd}${a.target ? ` ${a.target}` : ""} with ${a.status}.`,
          hint: "If the server expected the node, shape the simulated device with --device-tree; otherwise nothing to fix.",
          ...(a.target ? { param: a.target } : {}),
        })),
  },
];

/** The codes of every check, for tests and docs. */
export const MANAGEMENT_CHECK_CODES: readonly string[] = MANAGEMENT_CHECKS.map((c) => c.code);

/**
 * Runs the checks of the table that `only` keeps (all by default) and gives their findings as
 * diagnostics, worst first.
 *
 * @example
 * runChecks(context).map((d) => d.code); // ["status-missing", …]
 */
export function runChecks(
  context: ManagementCheckContext,
  only: (check: ManagementCheck) => boolean = () => true,
): Diagnostic[] {
  const diagnostics = MANAGEMENT_CHECKS.filter(only).flatMap((check) =>
    check.check(context).map(
      (finding): Diagnostic => ({
        code: check.code,
        severity: check.severity,
        ...finding,
        source: formatCitation(check.source),
      }),
    ),
  );
  return sortDiagnostics(diagnostics);
}
