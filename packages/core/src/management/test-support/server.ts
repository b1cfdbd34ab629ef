import type { HttpExchange, HttpRequest } from "../../discovery/transport.js";
import type { ManagementTransport } from "../run.js";

/**
 * A management server for the unit tests, written as XML text from MS-MDM's rules (not with the
 * module's own builder), and a transport that hands it the client's POSTs without a network.
 */

export interface ServerAnswer {
  readonly status?: number;
  readonly contentType?: string;
  readonly body: string;
}

/** The server's reply: reads the client's SessionID, MsgID and CmdIDs with regular expressions. */
export type ServerScript = (client: ClientFacts, round: number) => ServerAnswer;

export interface ClientFacts {
  readonly sessionId: string;
  readonly msgId: string;
  readonly source: string;
  /** [CmdID, command name] of the client's top-level commands. */
  readonly commands: readonly [string, string][];
  readonly xml: string;
}

export function readClient(xml: string): ClientFacts {
  const one = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? "";
  const body = xml.slice(xml.indexOf("<SyncBody>"));
  const commands = [...body.matchAll(/^ {4}<(\w+)>\n {6}<CmdID>([^<]*)<\/CmdID>/gm)].map(
    (m) => [m[2]!, m[1]!] as [string, string],
  );
  return {
    sessionId: one("SessionID"),
    msgId: one("MsgID"),
    source: /<Source><LocURI>([^<]*)<\/LocURI><\/Source>/.exec(xml)?.[1] ?? "",
    commands,
    xml,
  };
}

/** Statuses 200 for the client's SyncHdr and each of its commands but Status, from CmdID 1. */
export function statusesFor(client: ClientFacts): string {
  const status = (id: number, cmdRef: string, cmd: string) =>
    `<Status><CmdID>${id}</CmdID><MsgRef>${client.msgId}</MsgRef><CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd><Data>200</Data></Status>`;
  const answers = client.commands.filter(([, name]) => name !== "Status");
  return [
    status(1, "0", "SyncHdr"),
    ...answers.map(([id, name], i) => status(i + 2, id, name)),
  ].join("");
}

/** A whole server message; `body` holds the commands after the Statuses (CmdIDs from 100). */
export function serverMessage(
  client: ClientFacts,
  round: number,
  options: {
    body?: string;
    final?: boolean;
    statuses?: string;
    sessionId?: string;
    namespace?: string;
  } = {},
): string {
  return `<SyncML xmlns="${options.namespace ?? "SYNCML:SYNCML1.2"}"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>${options.sessionId ?? client.sessionId}</SessionID><MsgID>${round}</MsgID><Target><LocURI>${client.source}</LocURI></Target><Source><LocURI>https://mdm.example.com/omadm</LocURI></Source></SyncHdr><SyncBody>${options.statuses ?? statusesFor(client)}${options.body ?? ""}${options.final === false ? "" : "<Final/>"}</SyncBody></SyncML>`;
}

/** A transport that answers each POST with the script, as an HTTP 200 SyncML answer by default. */
export function scriptedTransport(
  script: ServerScript,
): ManagementTransport & { posts: HttpRequest[] } {
  const posts: HttpRequest[] = [];
  return {
    posts,
    async send(request): Promise<HttpExchange> {
      posts.push(request);
      const answer = script(readClient(request.body ?? ""), posts.length);
      return {
        request,
        response: {
          status: answer.status ?? 200,
          headers: { "content-type": answer.contentType ?? "application/vnd.syncml.dm+xml" },
          body: answer.body,
          bytes: answer.body.length,
          truncated: false,
          chunked: false,
        },
      };
    },
  };
}

/** The commands a clean server sends in its first answer: Get, Replace, Add, Exec and an Atomic. */
export const CLEAN_COMMANDS =
  "<Get><CmdID>100</CmdID><Item><Target><LocURI>./DevInfo/Mod</LocURI></Target></Item></Get>" +
  "<Replace><CmdID>101</CmdID><Item><Target><LocURI>./Vendor/MSFT/DMClient/Provider/Test/EntDeviceName</LocURI></Target><Data>laptop</Data></Item></Replace>" +
  '<Add><CmdID>102</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Camera/AllowCamera</LocURI></Target><Meta><Format xmlns="syncml:metinf">int</Format></Meta><Data>0</Data></Item></Add>' +
  "<Exec><CmdID>103</CmdID><Item><Target><LocURI>./Vendor/MSFT/Reboot/RebootNow</LocURI></Target></Item></Exec>" +
  "<Atomic><CmdID>104</CmdID><Add><CmdID>105</CmdID><Item><Target><LocURI>./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart</LocURI></Target><Data>8</Data></Item></Add></Atomic>";

/** The nodes the clean server's commands need on the device. */
export const CLEAN_TREE = {
  "./Vendor/MSFT/DMClient/Provider/Test/EntDeviceName": "",
  "./Vendor/MSFT/Reboot/RebootNow": "",
};

/** Commands in round 1, then the closing message: Statuses and Final only. */
export const cleanScript: ServerScript = (client, round) => ({
  body: serverMessage(client, round, round === 1 ? { body: CLEAN_COMMANDS } : {}),
});
