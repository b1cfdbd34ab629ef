import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCa, makeKey, signLeaf } from "./openssl.js";

/**
 * An OMA-DM management endpoint on loopback for end-to-end tests: HTTPS that requires a client
 * certificate from its client CA, made with openssl at start-up. It reads the device's SyncML with
 * regular expressions written from MS-MDM (not with winenroll's parser) and answers as a server:
 * Status 200 for the SyncHdr and every command, then Get, Replace, Add, Exec and an Atomic, then
 * Final. Each scenario is a path, `/omadm/<scenario>`; `refusing` is a second port whose client CA
 * is another one, so the TLS handshake turns the device's certificate down.
 */

export const MANAGEMENT_HOST = "mdm.manage.example";
/** The management path the enrollment test server writes into ADDR. */
export const ENROLLED_DEVICE_PATH = "/ManagementServer/MDM.svc";

export const HOSTILE_SCENARIOS = {
  /** Served as text/html instead of application/vnd.syncml.dm+xml. */
  wrongtype: "content-type-wrong",
  /** Not well-formed SyncML. */
  broken: "syncml-unreadable",
  /** No Status for the device's Replace of ./DevInfo. */
  nostatus: "status-missing",
  /** Never ends a message with Final. */
  nofinal: "final-missing",
  /** A new Get in every message: the session never ends. */
  endless: "session-not-ended",
} as const;

/** The commands of the clean scenario's first message, and the Status the device must give each. */
export const SERVER_COMMANDS: readonly {
  cmdId: string;
  cmd: string;
  target?: string;
  status: string;
}[] = [
  { cmdId: "10", cmd: "Get", target: "./DevInfo/Man", status: "200" },
  {
    cmdId: "11",
    cmd: "Get",
    target: "./Vendor/MSFT/DMClient/Provider/winenroll-test/Missing",
    status: "404",
  },
  {
    cmdId: "12",
    cmd: "Replace",
    target: "./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDeviceName",
    status: "200",
  },
  { cmdId: "13", cmd: "Replace", target: "./DevInfo/Lang", status: "405" },
  {
    cmdId: "14",
    cmd: "Add",
    target: "./Vendor/MSFT/Policy/Config/Camera/AllowCamera",
    status: "200",
  },
  { cmdId: "15", cmd: "Exec", target: "./Vendor/MSFT/Reboot/RebootNow", status: "200" },
  { cmdId: "16", cmd: "Atomic", status: "200" },
  {
    cmdId: "17",
    cmd: "Add",
    target: "./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart",
    status: "200",
  },
  {
    cmdId: "18",
    cmd: "Replace",
    target: "./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDMID",
    status: "200",
  },
];

/** The device nodes the clean scenario's Replace and Exec need (`--device-tree`). */
export const DEVICE_TREE = {
  "./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDeviceName": "old-name",
  "./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDMID": "",
  "./Vendor/MSFT/Reboot/RebootNow": "",
};

export interface ManagementServer {
  readonly port: number;
  readonly refusingPort: number;
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
  url(scenario: string): string;
  connectArgs(port?: number): string[];
  /** Statuses the device sent back, per scenario: CmdRef → [Cmd, code]. */
  statuses(scenario: string): ReadonlyMap<string, [string, string]>;
  /** Results the device sent back, per scenario: LocURI → Data. */
  results(scenario: string): ReadonlyMap<string, string>;
  close(): Promise<void>;
}

/** The device's message, read as a server reads it: header fields and top-level commands. */
interface ClientMessage {
  readonly sessionId: string;
  readonly msgId: string;
  readonly deviceId: string;
  readonly target: string;
  readonly commands: readonly { name: string; cmdId: string; xml: string }[];
}

function readClientMessage(xml: string): ClientMessage {
  const header = /<SyncHdr>([\s\S]*?)<\/SyncHdr>/.exec(xml)?.[1] ?? "";
  const field = (name: string) =>
    new RegExp(`<${name}>\\s*([^<]*?)\\s*</${name}>`).exec(header)?.[1] ?? "";
  const locUri = (name: string) =>
    new RegExp(`<${name}>\\s*<LocURI>([^<]*)</LocURI>\\s*</${name}>`).exec(header)?.[1] ?? "";
  const body = /<SyncBody>([\s\S]*)<\/SyncBody>/.exec(xml)?.[1] ?? "";
  const commands = [
    ...body.matchAll(/<(Alert|Replace|Add|Get|Exec|Delete|Status|Results)>([\s\S]*?)<\/\1>/g),
  ].map((m) => ({
    name: m[1]!,
    cmdId: /<CmdID>([^<]*)<\/CmdID>/.exec(m[2]!)?.[1] ?? "",
    xml: m[2]!,
  }));
  return {
    sessionId: field("SessionID"),
    msgId: field("MsgID"),
    deviceId: locUri("Source"),
    target: locUri("Target"),
    commands,
  };
}

const item = (target: string, data?: string, format?: string) =>
  `<Item><Target><LocURI>${target}</LocURI></Target>${format ? `<Meta><Format xmlns="syncml:metinf">${format}</Format></Meta>` : ""}${data !== undefined ? `<Data>${data}</Data>` : ""}</Item>`;

/** Get, Replace, Add, Exec and an Atomic, as SERVER_COMMANDS lists them. */
const CLEAN_COMMANDS = [
  `<Get><CmdID>10</CmdID>${item("./DevInfo/Man")}</Get>`,
  `<Get><CmdID>11</CmdID>${item("./Vendor/MSFT/DMClient/Provider/winenroll-test/Missing")}</Get>`,
  `<Replace><CmdID>12</CmdID>${item("./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDeviceName", "winenroll-lab-42", "chr")}</Replace>`,
  `<Replace><CmdID>13</CmdID>${item("./DevInfo/Lang", "fr-FR", "chr")}</Replace>`,
  `<Add><CmdID>14</CmdID>${item("./Vendor/MSFT/Policy/Config/Camera/AllowCamera", "0", "int")}</Add>`,
  `<Exec><CmdID>15</CmdID>${item("./Vendor/MSFT/Reboot/RebootNow")}</Exec>`,
  `<Atomic><CmdID>16</CmdID><Add><CmdID>17</CmdID>${item("./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart", "8", "int")}</Add><Replace><CmdID>18</CmdID>${item("./Vendor/MSFT/DMClient/Provider/winenroll-test/EntDMID", "device-42", "chr")}</Replace></Atomic>`,
].join("");

/** Status for the SyncHdr (CmdRef 0), then one per device command except its Statuses. */
function statusesFor(
  client: ClientMessage,
  skip: (cmdId: string) => boolean = () => false,
): string {
  let id = 1;
  const status = (cmdRef: string, cmd: string) =>
    `<Status><CmdID>${id++}</CmdID><MsgRef>${client.msgId}</MsgRef><CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd><TargetRef>${client.target}</TargetRef><SourceRef>${client.deviceId}</SourceRef><Data>200</Data></Status>`;
  const parts = [status("0", "SyncHdr")];
  for (const c of client.commands)
    if (c.name !== "Status" && !skip(c.cmdId)) parts.push(status(c.cmdId, c.name));
  return parts.join("");
}

function message(client: ClientMessage, msgId: number, body: string, final = true): string {
  return `<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>${client.sessionId}</SessionID><MsgID>${msgId}</MsgID><Target><LocURI>${client.deviceId}</LocURI></Target><Source><LocURI>${client.target}</LocURI></Source></SyncHdr><SyncBody>${body}${final ? "<Final/>" : ""}</SyncBody></SyncML>`;
}

/** Starts the endpoint on 127.0.0.1 with random ports. */
/**
 * What another test server can lend this one, so that `enroll --manage` reaches it as a device
 * would: the TLS certificate for the management host and the CA that issues device certificates.
 */
export interface ManagementServerOptions {
  readonly tls?: { readonly key: string; readonly cert: string };
  readonly clientCaPem?: string;
}

export async function startManagementServer(
  options: ManagementServerOptions = {},
): Promise<ManagementServer> {
  const dir = mkdtempSync(join(tmpdir(), "winenroll-management-"));
  makeCa(dir, "ca");
  makeCa(dir, "client-ca");
  makeCa(dir, "other-client-ca");
  makeKey(dir, "server");
  signLeaf(
    dir,
    "server",
    "ca",
    `/CN=${MANAGEMENT_HOST}`,
    `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:${MANAGEMENT_HOST}\n`,
  );
  // As working enrollment servers issue it: CN = the DeviceID, clientAuth.
  makeKey(dir, "device", "rsa");
  signLeaf(
    dir,
    "device",
    "client-ca",
    "/CN=B5B954E81FBCB94EB79BD08BE625F4EE",
    "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n",
  );
  const read = (file: string) => readFileSync(join(dir, file), "utf8");

  const statuses = new Map<string, Map<string, [string, string]>>();
  const results = new Map<string, Map<string, string>>();

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      // The enrollment server's documents name /ManagementServer/MDM.svc: the clean session.
      const scenario =
        req.url?.split("?")[0] === ENROLLED_DEVICE_PATH
          ? "clean"
          : (/^\/omadm\/([a-z]+)/.exec(req.url ?? "")?.[1] ?? "");
      const client = readClientMessage(Buffer.concat(chunks).toString("utf8"));
      // The device numbers its messages from 1 in each session; the server answers in step.
      const round = Number(client.msgId) || 1;
      const seen = statuses.get(scenario) ?? new Map<string, [string, string]>();
      statuses.set(scenario, seen);
      const found = results.get(scenario) ?? new Map<string, string>();
      results.set(scenario, found);
      for (const c of client.commands) {
        if (c.name === "Status") {
          const ref = /<CmdRef>([^<]*)<\/CmdRef>/.exec(c.xml)?.[1] ?? "";
          const cmd = /<Cmd>([^<]*)<\/Cmd>/.exec(c.xml)?.[1] ?? "";
          seen.set(ref, [cmd, /<Data>([^<]*)<\/Data>/.exec(c.xml)?.[1] ?? ""]);
        } else if (c.name === "Results") {
          for (const m of c.xml.matchAll(
            /<Source><LocURI>([^<]*)<\/LocURI><\/Source>[\s\S]*?<Data>([^<]*)<\/Data>/g,
          ))
            found.set(m[1]!, m[2]!);
        }
      }
      const send = (text: string, type = "application/vnd.syncml.dm+xml") =>
        res
          .writeHead(200, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) })
          .end(text);
      const statusesOnly = statusesFor(client);
      switch (scenario) {
        case "clean":
          return send(
            message(client, round, round === 1 ? statusesOnly + CLEAN_COMMANDS : statusesOnly),
          );
        case "wrongtype":
          return send(message(client, round, statusesOnly), "text/html; charset=utf-8");
        case "broken":
          return send(message(client, round, statusesOnly).replace("</SyncHdr>", ""));
        case "nostatus": {
          const replace = client.commands.find((c) => c.name === "Replace")?.cmdId;
          return send(
            message(
              client,
              round,
              statusesFor(client, (id) => id === replace),
            ),
          );
        }
        case "nofinal":
          return send(message(client, round, statusesOnly, false));
        case "endless":
          return send(
            message(
              client,
              round,
              `${statusesOnly}<Get><CmdID>${round + 10}</CmdID>${item("./DevInfo/DmV")}</Get>`,
            ),
          );
        default:
          res.writeHead(404, { "Content-Length": 0 }).end();
      }
    });
  };

  const listen = (server: https.Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
    );
  const tls = (clientCa: string): https.ServerOptions => ({
    key: options.tls?.key ?? read("server.key"),
    cert: options.tls?.cert ?? read("server.pem"),
    ca: clientCa === "client-ca.pem" && options.clientCaPem ? options.clientCaPem : read(clientCa),
    requestCert: true,
    rejectUnauthorized: true,
  });
  const server = https.createServer(tls("client-ca.pem"), handler);
  const refusing = https.createServer(tls("other-client-ca.pem"), handler);
  const port = await listen(server);
  const refusingPort = await listen(refusing);
  return {
    port,
    refusingPort,
    caFile: join(dir, "ca.pem"),
    certFile: join(dir, "device.pem"),
    keyFile: join(dir, "device.key"),
    url: (scenario) => `https://${MANAGEMENT_HOST}/omadm/${scenario}`,
    connectArgs: (p = port) => ["--connect-to", `${MANAGEMENT_HOST}:443:127.0.0.1:${p}`],
    statuses: (scenario) => statuses.get(scenario) ?? new Map(),
    results: (scenario) => results.get(scenario) ?? new Map(),
    async close() {
      server.closeAllConnections();
      refusing.closeAllConnections();
      await Promise.all([
        new Promise((r) => server.close(r)),
        new Promise((r) => refusing.close(r)),
      ]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
