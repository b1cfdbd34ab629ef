import { describe, expect, it } from "vitest";
import { buildSyncML } from "./build.js";
import { DEFAULT_IDENTITY } from "./device.js";
import { parseSyncML } from "./parse.js";
import { runManagementSession } from "./run.js";
import { createManagementSession } from "./session.js";
import {
  CLEAN_TREE,
  cleanScript,
  readClient,
  scriptedTransport,
  serverMessage,
} from "./test-support/server.js";

const URL = "https://mdm.example.com/omadm";

function parsed(xml: string) {
  const result = parseSyncML(xml);
  if (!result.ok) throw new Error(result.error);
  return result.message;
}

describe("the first package", () => {
  const first = createManagementSession({ serverUrl: `${URL}?x=1` }).start();

  it("opens with Alert 1201, the 1224 LoginStatus alert and the Replace of ./DevInfo", () => {
    const { header, commands, final } = parsed(first.xml);
    expect(header).toMatchObject({
      verDtd: "1.2",
      verProto: "DM/1.2",
      sessionId: "1",
      msgId: "1",
      target: URL,
      source: DEFAULT_IDENTITY.devId,
    });
    expect(commands.map((c) => [c.name, c.cmdId, c.data])).toEqual([
      ["Alert", "2", "1201"],
      ["Alert", "3", "1224"],
      ["Replace", "4", undefined],
    ]);
    expect(commands[1]!.items[0]).toEqual({
      meta: { type: "com.microsoft/MDM/LoginStatus" },
      data: "user",
    });
    expect(commands[2]!.items.map((i) => i.source)).toEqual(
      ["DevId", "Man", "Mod", "DmV", "Lang"].map((n) => `./DevInfo/${n}`),
    );
    expect(final).toBe(true);
  });

  it("round-trips through the builder and the parser", () => {
    const message = parsed(first.xml);
    expect(parsed(buildSyncML(message))).toEqual(message);
  });
});

describe("answering the server", () => {
  it("gives a Status for the SyncHdr and each command, and Results for a Get", () => {
    const session = createManagementSession({ serverUrl: URL, tree: CLEAN_TREE });
    const client = readClient(session.start().xml);
    const turn = session.next(cleanScript(client, 1).body);
    if (turn.kind !== "message") throw new Error(`ended: ${turn.reason}`);
    const statuses = turn.message.commands.filter((c) => c.name === "Status");
    expect(statuses.map((s) => [s.cmdRef, s.cmd, s.data])).toEqual([
      ["0", "SyncHdr", "200"],
      ["100", "Get", "200"],
      ["101", "Replace", "200"],
      ["102", "Add", "200"],
      ["103", "Exec", "200"],
      ["104", "Atomic", "200"],
      ["105", "Add", "200"],
    ]);
    expect(statuses.every((s) => s.msgRef === "1")).toBe(true);
    const results = turn.message.commands.find((c) => c.name === "Results");
    expect(results).toMatchObject({
      cmdRef: "100",
      items: [{ source: "./DevInfo/Mod", data: DEFAULT_IDENTITY.mod }],
    });
    expect(turn.message.header.msgId).toBe("2");
    expect(turn.message.commands.map((c) => c.cmdId)).toEqual(
      turn.message.commands.map((_, i) => String(i + 1)),
    );
  });

  it.each([
    [
      "Get of a missing node",
      "<Get><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/Nope</LocURI></Target></Item></Get>",
      "404",
    ],
    [
      "Replace of a read-only node",
      "<Replace><CmdID>7</CmdID><Item><Target><LocURI>./DevInfo/Man</LocURI></Target><Data>x</Data></Item></Replace>",
      "405",
    ],
    [
      "Add under the read-only ./DevInfo",
      "<Add><CmdID>7</CmdID><Item><Target><LocURI>./DevInfo/Man</LocURI></Target></Item></Add>",
      "405",
    ],
    [
      "Add of a node that exists",
      "<Add><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/Reboot/RebootNow</LocURI></Target></Item></Add>",
      "418",
    ],
    [
      "Delete of a missing node",
      "<Delete><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/Nope</LocURI></Target></Item></Delete>",
      "404",
    ],
    [
      "Exec of a node forced to fail",
      "<Exec><CmdID>7</CmdID><Item><Target><LocURI>./Vendor/MSFT/Broken</LocURI></Target></Item></Exec>",
      "500",
    ],
    ["an unsupported server Alert", "<Alert><CmdID>7</CmdID><Data>1226</Data></Alert>", "406"],
    ["an element that is not a command", "<Copy><CmdID>7</CmdID></Copy>", "400"],
  ])("answers %s with %s", (_what, command, code) => {
    const session = createManagementSession({
      serverUrl: URL,
      tree: { ...CLEAN_TREE, "./Vendor/MSFT/Broken": { status: 500 } },
    });
    const client = readClient(session.start().xml);
    const turn = session.next(serverMessage(client, 1, { body: command }));
    if (turn.kind !== "message") throw new Error("ended");
    expect(turn.message.commands.find((c) => c.cmdRef === "7")?.data).toBe(code);
  });

  it("rolls an Atomic back when one of its commands fails: 507, and 216 for the others", () => {
    const session = createManagementSession({ serverUrl: URL });
    const client = readClient(session.start().xml);
    const atomic =
      "<Atomic><CmdID>10</CmdID><Add><CmdID>11</CmdID><Item><Target><LocURI>./Vendor/MSFT/A</LocURI></Target><Data>1</Data></Item></Add>" +
      "<Replace><CmdID>12</CmdID><Item><Target><LocURI>./Vendor/MSFT/Missing</LocURI></Target><Data>1</Data></Item></Replace></Atomic>" +
      "<Get><CmdID>13</CmdID><Item><Target><LocURI>./Vendor/MSFT/A</LocURI></Target></Item></Get>";
    const turn = session.next(serverMessage(client, 1, { body: atomic }));
    if (turn.kind !== "message") throw new Error("ended");
    const code = (ref: string) =>
      turn.message.commands.find((c) => c.name === "Status" && c.cmdRef === ref)?.data;
    expect([code("10"), code("11"), code("12"), code("13")]).toEqual(["507", "216", "404", "404"]);
  });

  it("fails a nested Atomic with 500 and its parent with 507", () => {
    const session = createManagementSession({ serverUrl: URL });
    const client = readClient(session.start().xml);
    const nested = "<Atomic><CmdID>10</CmdID><Atomic><CmdID>11</CmdID></Atomic></Atomic>";
    const turn = session.next(serverMessage(client, 1, { body: nested }));
    if (turn.kind !== "message") throw new Error("ended");
    const code = (ref: string) => turn.message.commands.find((c) => c.cmdRef === ref)?.data;
    expect([code("10"), code("11")]).toEqual(["507", "500"]);
  });

  it("asks for the next message (Alert 1222) when the server's has no Final", () => {
    const session = createManagementSession({ serverUrl: URL });
    const client = readClient(session.start().xml);
    const turn = session.next(serverMessage(client, 1, { final: false }));
    if (turn.kind !== "message") throw new Error("ended");
    expect(turn.message.commands.at(-1)).toMatchObject({ name: "Alert", data: "1222" });
  });
});

describe("the end of the session", () => {
  it("ends when the server's message has Final and nothing to answer", async () => {
    const transport = scriptedTransport(cleanScript);
    const observation = await runManagementSession({ serverUrl: URL, transport, tree: CLEAN_TREE });
    expect(observation.end).toBe("server-finished");
    expect(observation.rounds).toHaveLength(2);
    expect(transport.posts[0]!.url).toBe(`${URL}?mode=Maintenance&Platform=WoA`);
    expect(transport.posts[0]!.headers["Content-Type"]).toBe("application/vnd.syncml.dm+xml");
  });

  it("stops at maxRounds when the server never stops sending commands", async () => {
    const transport = scriptedTransport((client, round) => ({
      body: serverMessage(client, round, {
        body: "<Get><CmdID>50</CmdID><Item><Target><LocURI>./DevInfo/Lang</LocURI></Target></Item></Get>",
      }),
    }));
    const observation = await runManagementSession({ serverUrl: URL, transport, maxRounds: 3 });
    expect(observation.end).toBe("max-rounds");
    expect(observation.rounds).toHaveLength(3);
  });

  it("ends on an unreadable answer and on Alert 1223", () => {
    const session = createManagementSession({ serverUrl: URL });
    const client = readClient(session.start().xml);
    expect(session.next("<html>")).toMatchObject({ kind: "done", reason: "unreadable" });
    expect(
      session.next(
        serverMessage(client, 1, { body: "<Alert><CmdID>9</CmdID><Data>1223</Data></Alert>" }),
      ),
    ).toMatchObject({ kind: "done", reason: "server-aborted" });
  });
});

describe("maskSyncMLSecrets", () => {
  it("masks credentials, secret nodes and the Entra token, and nothing else", async () => {
    const { maskSyncMLSecrets } = await import("./secrets.js");
    const xml =
      "<Cred><Meta><Type>syncml:auth-md5</Type></Meta><Data>c2VjcmV0LXZhbHVl</Data></Cred>" +
      "<Item><Target><LocURI>./Vendor/MSFT/DMAcc/x/AppAuth/1/AAuthSecret</LocURI></Target><Data>hunter2hunter2</Data></Item>" +
      "<Item><Meta><Type>com.microsoft/MDM/AADUserToken</Type></Meta><Data>eyJ0eXAiOiJKV1QifQ.payload</Data></Item>" +
      "<Item><Target><LocURI>./DevInfo/Lang</LocURI></Target><Data>en-US</Data></Item>";
    const masked = maskSyncMLSecrets(xml);
    expect(masked).not.toContain("c2VjcmV0LXZhbHVl");
    expect(masked).not.toContain("hunter2hunter2");
    expect(masked).not.toContain("eyJ0eXAiOiJKV1QifQ.payload");
    expect(masked).toContain("<Data>en-US</Data>");
  });
});

describe("describeSyncCommand", () => {
  it("explains a Status, an Alert and a node command from the tables", async () => {
    const { describeSyncCommand } = await import("./describe.js");
    expect(
      describeSyncCommand({
        name: "Status",
        msgRef: "2",
        cmdRef: "5",
        cmd: "Replace",
        data: "405",
        items: [],
      }),
    ).toBe("answers Replace 5 of message 2: 405, command not allowed on this node (read-only)");
    expect(describeSyncCommand({ name: "Alert", data: "1201", items: [] })).toBe(
      "Alert 1201: client-initiated management session",
    );
    expect(
      describeSyncCommand({
        name: "Get",
        cmdId: "3",
        items: [{ target: "./User/Vendor/MSFT/Policy" }],
      }),
    ).toContain("the signed-in user's scope");
  });
});
