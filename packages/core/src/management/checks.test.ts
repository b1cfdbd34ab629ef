import { describe, expect, it } from "vitest";
import type { HttpExchange } from "../discovery/transport.js";
import { MANAGEMENT_CHECK_CODES } from "./checks.js";
import { diagnoseManagement } from "./diagnose.js";
import { type ManagementTransport, runManagementSession } from "./run.js";
import {
  CLEAN_TREE,
  cleanScript,
  type ServerScript,
  scriptedTransport,
  serverMessage,
  statusesFor,
} from "./test-support/server.js";

const URL = "https://mdm.example.com/omadm";

async function codesOf(
  transport: ManagementTransport,
  clientCertificate = true,
): Promise<string[]> {
  const observation = await runManagementSession({
    serverUrl: URL,
    transport,
    tree: CLEAN_TREE,
    maxRounds: 4,
    clientCertificate,
  });
  return diagnoseManagement(observation).diagnostics.map((d) => d.code);
}

const scripted = (script: ServerScript) => codesOf(scriptedTransport(script));

/** Round 1 with these commands, then a clean close. */
const withCommands =
  (body: string): ServerScript =>
  (client, round) => ({ body: serverMessage(client, round, round === 1 ? { body } : {}) });

/** A transport whose first exchange is given; later ones never happen. */
function failing(exchange: Omit<HttpExchange, "request">): ManagementTransport {
  return { send: async (request) => ({ request, ...exchange }) };
}

const TLS_OK = { trusted: true, nameMatches: true };
const get = (id: string, uri: string) =>
  `<Get><CmdID>${id}</CmdID><Item><Target><LocURI>${uri}</LocURI></Target></Item></Get>`;

/** Each check: a server that makes it fire (written here, not taken from the check). */
const TRIGGERS: Record<string, () => Promise<string[]>> = {
  "client-certificate-refused": () =>
    codesOf(
      failing({
        tls: TLS_OK,
        failure: {
          kind: "tls",
          code: "ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED",
          message: "tlsv13 alert certificate required",
        },
      }),
      false,
    ),
  "server-certificate-untrusted": () =>
    codesOf({
      send: async (request) => ({
        ...(await scriptedTransport(cleanScript).send(request, {
          timeoutMs: 1,
          maxResponseBytes: 1,
        })),
        tls: { trusted: false, nameMatches: true, trustError: "SELF_SIGNED_CERT_IN_CHAIN" },
      }),
    }),
  "exchange-failed": () =>
    codesOf(
      failing({
        failure: { kind: "connect", code: "ECONNREFUSED", message: "connect ECONNREFUSED" },
      }),
    ),
  "http-status": () => scripted(() => ({ status: 500, body: "oops" })),
  "response-too-large": () =>
    codesOf(
      failing({
        response: {
          status: 200,
          headers: {},
          body: "<Sync",
          bytes: 5,
          truncated: true,
          chunked: false,
        },
      }),
    ),
  "content-type-wrong": () =>
    scripted((client, round) => ({ contentType: "text/xml", body: serverMessage(client, round) })),
  "syncml-unreadable": () => scripted(() => ({ body: "<SyncML><SyncHdr></SyncML>" })),
  "syncml-namespace": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, { namespace: "urn:other" }),
    })),
  "synchdr-version": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round).replace(
        "<VerProto>DM/1.2</VerProto>",
        "<VerProto>DM/1.1</VerProto>",
      ),
    })),
  "synchdr-incomplete": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round).replace(/<Source>.*?<\/Source>/, ""),
    })),
  "session-id-mismatch": () =>
    scripted((client, round) => ({ body: serverMessage(client, round, { sessionId: "99" }) })),
  "synchdr-target-mismatch": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round).replace(
        `<LocURI>${client.source}</LocURI>`,
        "<LocURI>someone-else</LocURI>",
      ),
    })),
  "msgid-not-sequential": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round).replace(`<MsgID>${round}</MsgID>`, "<MsgID>7</MsgID>"),
    })),
  "synchdr-status-missing": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, {
        statuses: statusesFor(client).replace(/^<Status>.*?<\/Status>/, ""),
      }),
    })),
  "msgref-mismatch": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, {
        statuses: statusesFor(client).replace(
          `<MsgRef>${client.msgId}</MsgRef>`,
          "<MsgRef>42</MsgRef>",
        ),
      }),
    })),
  "status-missing": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, {
        statuses: statusesFor(client).replace(
          /<Status><CmdID>\d+<\/CmdID><MsgRef>\d+<\/MsgRef><CmdRef>4<\/CmdRef>.*?<\/Status>/,
          "",
        ),
      }),
    })),
  "status-cmdref-unknown": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, {
        statuses: `${statusesFor(client)}<Status><CmdID>60</CmdID><MsgRef>${client.msgId}</MsgRef><CmdRef>77</CmdRef><Cmd>Get</Cmd><Data>200</Data></Status>`,
      }),
    })),
  "status-cmd-mismatch": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, {
        statuses: statusesFor(client).replace("<Cmd>Replace</Cmd>", "<Cmd>Add</Cmd>"),
      }),
    })),
  "command-cmdid-invalid": () =>
    scripted(
      withCommands("<Get><Item><Target><LocURI>./DevInfo/Lang</LocURI></Target></Item></Get>"),
    ),
  "command-unknown": () => scripted(withCommands("<Copy><CmdID>100</CmdID></Copy>")),
  "command-target-missing": () => scripted(withCommands("<Replace><CmdID>100</CmdID></Replace>")),
  "locuri-invalid": () => scripted(withCommands(get("100", "/Vendor/MSFT/X"))),
  "locuri-unknown-root": () => scripted(withCommands(get("100", "./Somewhere/Else"))),
  "atomic-nested": () =>
    scripted(
      withCommands("<Atomic><CmdID>100</CmdID><Atomic><CmdID>101</CmdID></Atomic></Atomic>"),
    ),
  "get-in-atomic": () =>
    scripted(withCommands(`<Atomic><CmdID>100</CmdID>${get("101", "./DevInfo/Lang")}</Atomic>`)),
  "final-missing": () =>
    scripted((client, round) => ({ body: serverMessage(client, round, { final: false }) })),
  "session-not-ended": () =>
    scripted((client, round) => ({
      body: serverMessage(client, round, { body: get("100", "./DevInfo/Lang") }),
    })),
  "device-refused-command": () => scripted(withCommands(get("100", "./Vendor/MSFT/NotThere"))),
};

describe("management checks", () => {
  it("has a trigger for every check", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual([...MANAGEMENT_CHECK_CODES].sort());
  });

  it("stay silent on a clean session (Get, Replace, Add, Exec, Atomic, then Final)", async () => {
    expect(await scripted(cleanScript)).toEqual([]);
  });

  it.each(Object.entries(TRIGGERS))("%s fires", async (code, trigger) => {
    expect(await trigger()).toContain(code);
  });

  it("reports the commands and their statuses, and passes a clean session", async () => {
    const report = diagnoseManagement(
      await runManagementSession({
        serverUrl: URL,
        transport: scriptedTransport(cleanScript),
        tree: CLEAN_TREE,
      }),
    );
    expect(report.ok).toBe(true);
    expect(report.steps[0]).toMatchObject({ id: "management", verdict: "pass" });
    expect(report.management.rounds).toBe(2);
    expect(report.management.commands).toEqual([
      { cmd: "Get", target: "./DevInfo/Mod", status: 200 },
      { cmd: "Replace", target: "./Vendor/MSFT/DMClient/Provider/Test/EntDeviceName", status: 200 },
      { cmd: "Add", target: "./Vendor/MSFT/Policy/Config/Camera/AllowCamera", status: 200 },
      { cmd: "Exec", target: "./Vendor/MSFT/Reboot/RebootNow", status: 200 },
      { cmd: "Atomic", target: null, status: 200 },
      { cmd: "Add", target: "./Vendor/MSFT/Policy/Config/Update/ActiveHoursStart", status: 200 },
    ]);
  });

  it("fails the step when the session never closes", async () => {
    const report = diagnoseManagement(
      await runManagementSession({
        serverUrl: URL,
        transport: scriptedTransport((client, round) => ({
          body: serverMessage(client, round, { final: false }),
        })),
        maxRounds: 2,
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.steps[0].verdict).toBe("fail");
  });
});

describe("inspectSyncML (one pasted message)", () => {
  it("runs only the checks that need nothing but the message", async () => {
    const { inspectSyncML } = await import("./inspect.js");
    const { MANAGEMENT_CHECKS } = await import("./checks.js");
    const message =
      '<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr><VerDTD>1.2</VerDTD><VerProto>DM/1.2</VerProto><SessionID>1</SessionID><MsgID>1</MsgID><Target><LocURI>dev</LocURI></Target><Source><LocURI>srv</LocURI></Source></SyncHdr><SyncBody>' +
      "<Get><CmdID>2</CmdID><Item><Target><LocURI>/Vendor/MSFT/X</LocURI></Target></Item></Get><Atomic><CmdID>3</CmdID><Atomic><CmdID>4</CmdID></Atomic></Atomic><Final/></SyncBody></SyncML>";
    const inspection = inspectSyncML(message);
    expect(inspection.ok).toBe(false);
    expect(inspection.message?.commands.map((c) => c.name)).toEqual(["Get", "Atomic"]);
    expect(inspection.from).toBe("server");
    const standalone = new Set(MANAGEMENT_CHECKS.filter((c) => c.standalone).map((c) => c.code));
    const codes = inspection.diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["locuri-invalid", "atomic-nested"]));
    expect(codes.every((c) => standalone.has(c))).toBe(true);
    expect(inspectSyncML("not xml").diagnostics.map((d) => d.code)).toEqual(["syncml-unreadable"]);
    // The device's first package addresses its Replace by Source: no server-only check applies to it.
    const { createManagementSession } = await import("./session.js");
    const first = inspectSyncML(createManagementSession({ serverUrl: URL }).start().xml);
    expect(first).toMatchObject({ ok: true, from: "device", diagnostics: [] });
  });
});
