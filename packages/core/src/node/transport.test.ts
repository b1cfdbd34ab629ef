import http from "node:http";
import net from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConnectTo } from "./connect-to.js";
import { createNodeTransport } from "./transport.js";

// Plain-HTTP loopback checks of the transport; HTTPS, certificates and the whole probe are tested
// end to end through the CLI (apps/cli/test/discover.test.ts).
let server: http.Server;
let silent: net.Server;
let port: number;
let silentPort: number;
const held: net.Socket[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/big") res.end("x".repeat(100_000));
    else if (req.url === "/chunked") {
      res.write("a");
      res.end("b");
    } else if (req.url?.startsWith("/gzip")) {
      // /gzip: a small compressed body; /gzip-bomb: 100 kB that compresses to a few hundred bytes.
      const zipped = gzipSync(req.url === "/gzip" ? "<answer/>" : "x".repeat(100_000));
      res
        .writeHead(200, { "Content-Encoding": "gzip", "Content-Length": zipped.length })
        .end(zipped);
    } else if (req.url === "/not-gzip") {
      res.writeHead(200, { "Content-Encoding": "gzip", "Content-Length": 9 }).end("not gzip!");
    } else if (req.url === "/hang") held.push(req.socket);
    else
      res
        .writeHead(200, { "Content-Type": "text/plain", "Content-Length": 5 })
        .end(String(req.headers.host).slice(0, 5));
  });
  silent = net.createServer((s) => held.push(s));
  const listen = (s: net.Server) =>
    new Promise<number>((r) =>
      s.listen(0, "127.0.0.1", () => r((s.address() as net.AddressInfo).port)),
    );
  port = await listen(server);
  silentPort = await listen(silent);
});
afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise((r) => server.close(r));
  await new Promise((r) => silent.close(r));
});

const transport = () =>
  createNodeTransport({ connectTo: [parseConnectTo(`probe.example:80:127.0.0.1:${port}`)] });
const limits = { timeoutMs: 2000, maxResponseBytes: 1024 };

describe("createNodeTransport", () => {
  it("answers DNS for an overridden host without asking DNS", async () => {
    expect(await transport().resolve("probe.example", { timeoutMs: 1000 })).toEqual({
      host: "probe.example",
      cnames: [],
      addresses: [],
      overriddenBy: `127.0.0.1:${port}`,
    });
  });

  it("connects to the override but keeps the Host header", async () => {
    const exchange = await transport().send(
      { method: "GET", url: "http://probe.example/", headers: {} },
      limits,
    );
    expect(exchange.connectedTo).toBe(`127.0.0.1:${port}`);
    expect(exchange.response).toMatchObject({
      status: 200,
      body: "probe",
      chunked: false,
      truncated: false,
    });
  });

  it("stops reading at the size limit", async () => {
    const exchange = await transport().send(
      { method: "GET", url: "http://probe.example/big", headers: {} },
      limits,
    );
    expect(exchange.response).toMatchObject({ truncated: true, bytes: 1024 });
    expect(exchange.response!.body).toHaveLength(1024);
  });

  it("notices chunked transfer encoding", async () => {
    const exchange = await transport().send(
      { method: "GET", url: "http://probe.example/chunked", headers: {} },
      limits,
    );
    expect(exchange.response).toMatchObject({ chunked: true, body: "ab" });
  });

  it("decodes a gzip answer, and applies the size limit to what it decodes to", async () => {
    const send = (path: string) =>
      transport().send({ method: "GET", url: `http://probe.example${path}`, headers: {} }, limits);
    expect((await send("/gzip")).response).toMatchObject({ body: "<answer/>", truncated: false });
    expect((await send("/gzip-bomb")).response).toMatchObject({ truncated: true, bytes: 1024 });
    expect((await send("/not-gzip")).failure?.kind).toBe("protocol");
  });

  it("reports a refused connection, a connect timeout and a total timeout as failures", async () => {
    const refused = createNodeTransport({
      connectTo: [parseConnectTo("probe.example:80:127.0.0.1:1")],
    });
    expect(
      (await refused.send({ method: "GET", url: "http://probe.example/", headers: {} }, limits))
        .failure,
    ).toMatchObject({ kind: "connect", code: "ECONNREFUSED" });
    const hang = await transport().send(
      { method: "GET", url: "http://probe.example/hang", headers: {} },
      { ...limits, timeoutMs: 300 },
    );
    expect(hang.failure).toMatchObject({ kind: "timeout" });
    const tls = createNodeTransport({
      connectTo: [parseConnectTo(`probe.example:443:127.0.0.1:${silentPort}`)],
      connectTimeoutMs: 200,
    });
    const noHandshake = await tls.send(
      { method: "GET", url: "https://probe.example/", headers: {} },
      limits,
    );
    expect(noHandshake.failure).toMatchObject({ kind: "connect-timeout" });
  });

  it("fails at once when the budget is spent", async () => {
    const exchange = await transport().send(
      { method: "GET", url: "http://probe.example/", headers: {} },
      { ...limits, timeoutMs: 0 },
    );
    expect(exchange.failure?.kind).toBe("timeout");
  });
});
