import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureContext } from "node:tls";
import { buildDiscoverFault, discoverResponseSamples } from "@winenroll/core/discovery";
import { makeCa, makeCsr, makeKey, openssl, selfSign, signLeaf } from "./openssl.js";

/**
 * A discovery service on loopback for end-to-end tests, over HTTPS with a CA and certificates
 * made with openssl at start-up. Each scenario is its own domain, `<scenario>.example`; pass
 * `--connect-to enterpriseenrollment.<scenario>.example:443:127.0.0.1:<port>` and `--ca <caFile>`.
 * Nothing listens anywhere but 127.0.0.1.
 */

/** MS-MDE2 fault subcodes and ErrorTypes, as served by the `fault-<value>` scenarios. */
export const FAULTS: readonly {
  value: string;
  namespace: "s" | "a";
  errorType?: boolean;
  expect: string;
}[] = [
  { value: "MessageFormat", namespace: "s", expect: "menroll-e-device-message-format-error" },
  { value: "Authentication", namespace: "s", expect: "menroll-e-device-authentication-error" },
  { value: "Authorization", namespace: "s", expect: "menroll-e-device-authorization-error" },
  {
    value: "CertificateRequest",
    namespace: "s",
    expect: "menroll-e-device-certificaterequest-error",
  },
  { value: "EnrollmentServer", namespace: "s", expect: "menroll-e-device-configmgrserver-error" },
  {
    value: "InternalServiceFault",
    namespace: "a",
    expect: "menroll-e-device-internalservice-error",
  },
  { value: "InvalidSecurity", namespace: "a", expect: "menroll-e-device-invalidsecurity-error" },
  {
    value: "DeviceCapReached",
    namespace: "s",
    errorType: true,
    expect: "menroll-e-devicecapreached",
  },
  {
    value: "DeviceNotSupported",
    namespace: "s",
    errorType: true,
    expect: "menroll-e-devicenotsupported",
  },
  { value: "NotSupported", namespace: "s", errorType: true, expect: "menroll-e-notsupported" },
  {
    value: "NotEligibleToRenew",
    namespace: "s",
    errorType: true,
    expect: "menroll-e-noteligibletorenew",
  },
  { value: "InMaintenance", namespace: "s", errorType: true, expect: "menroll-e-inmaintenance" },
  { value: "UserLicense", namespace: "s", errorType: true, expect: "menroll-e-userlicense" },
  {
    value: "InvalidEnrollmentData",
    namespace: "s",
    errorType: true,
    expect: "menroll-e-enrollmentdatainvalid",
  },
  {
    value: "CustomServerError",
    namespace: "s",
    errorType: true,
    expect: "menroll-e-customservererror",
  },
];

/**
 * Servers that misbehave on purpose (issue 8): each answers both the GET and the POST as named.
 * `expired` serves a valid answer over a certificate from the test CA that expired in 2020.
 */
export const HOSTILE = [
  "slowheaders",
  "trickle",
  "huge",
  "laughs",
  "malformed",
  "login",
  "redirectloop",
  "otherhost",
  "status500",
  "status429",
  "expired",
] as const;

/** Size of the `huge` scenario's body: 50 MB, announced in Content-Length and sent in full if read. */
export const HUGE_BYTES = 50 * 1024 * 1024;

export const SCENARIOS = [
  "federated",
  "onpremise",
  "certificate",
  "chunked",
  "empty",
  "wrongtype",
  "notfound",
  "tohttp",
  "silent",
  "untrusted",
  "wrongname",
  "httpredirect",
  ...FAULTS.map((f) => `fault-${f.value.toLowerCase()}`),
  ...HOSTILE,
] as const;

export interface DiscoveryServer {
  readonly port: number;
  /** Plain HTTP on loopback, where Windows' fallback GET goes when HTTPS fails. */
  readonly httpPort: number;
  /** A TCP port that accepts connections and never says anything. */
  readonly blackholePort: number;
  readonly caFile: string;
  /** `--connect-to` value for a scenario's HTTPS port. */
  connectTo(scenario: string, port?: number): string;
  /** The `--connect-to` flags for a scenario's HTTPS and HTTP ports, so no request leaves loopback. */
  connectArgs(scenario: string, port?: number): string[];
  close(): Promise<void>;
}

function makeCertificates(dir: string): {
  ca: string;
  good: [string, string];
  rogue: [string, string];
  wrongName: [string, string];
} {
  makeCa(dir, "ca", "winenroll test CA");
  const leaf = (name: string, hosts: string[], signer: "ca" | "self") => {
    makeKey(dir, name);
    const extensions = `basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${hosts.map((h) => `DNS:${h}`).join(",")}\n`;
    const subject = `/CN=${hosts[0]}`;
    if (signer === "self") {
      selfSign(dir, name, subject, [`subjectAltName=${hosts.map((h) => `DNS:${h}`).join(",")}`]);
    } else {
      signLeaf(dir, name, "ca", subject, extensions);
    }
    return [
      readFileSync(join(dir, `${name}.key`), "utf8"),
      readFileSync(join(dir, `${name}.pem`), "utf8"),
    ] as [string, string];
  };
  const hosts = SCENARIOS.filter(
    (s) => !["untrusted", "wrongname", "httpredirect"].includes(s),
  ).map((s) => `enterpriseenrollment.${s}.example`);
  return {
    ca: readFileSync(join(dir, "ca.pem"), "utf8"),
    good: leaf("good", hosts, "ca"),
    rogue: leaf(
      "rogue",
      ["enterpriseenrollment.untrusted.example", "enterpriseenrollment.httpredirect.example"],
      "self",
    ),
    wrongName: leaf("wrongname", ["somewhere-else.example"], "ca"),
  };
}

const SOAP = "application/soap+xml; charset=utf-8";

function messageIdOf(body: string): string | undefined {
  return /<a:MessageID>([^<]*)<\/a:MessageID>/.exec(body)?.[1]?.trim();
}

/** Starts the server on 127.0.0.1 with a random port. */
export async function startDiscoveryServer(): Promise<DiscoveryServer> {
  const dir = mkdtempSync(join(tmpdir(), "winenroll-discovery-"));
  const certs = makeCertificates(dir);
  const contexts = {
    rogue: createSecureContext({ key: certs.rogue[0], cert: certs.rogue[1] }),
    wrongName: createSecureContext({ key: certs.wrongName[0], cert: certs.wrongName[1] }),
    expired: createSecureContext(makeExpiredCertificate(dir)),
  };
  const timers: NodeJS.Timeout[] = [];
  const held: net.Socket[] = [];
  const server = https.createServer(
    {
      key: certs.good[0],
      cert: certs.good[1],
      SNICallback: (name, callback) => {
        if (
          name === "enterpriseenrollment.untrusted.example" ||
          name === "enterpriseenrollment.httpredirect.example"
        )
          callback(null, contexts.rogue);
        else if (name === "enterpriseenrollment.wrongname.example")
          callback(null, contexts.wrongName);
        else if (name === "enterpriseenrollment.expired.example") callback(null, contexts.expired);
        else callback(null, undefined);
      },
    },
    (req, res) => {
      const host = String(req.headers.host ?? "")
        .toLowerCase()
        .replace(/:\d+$/, "");
      const scenario = host.split(".")[1] ?? "";
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const send = (status: number, type: string | undefined, text: string) => {
          const headers: Record<string, string | number> = {
            "Content-Length": Buffer.byteLength(text),
          };
          if (type) headers["Content-Type"] = type;
          res.writeHead(status, headers).end(text);
        };
        if (scenario === "silent") {
          held.push(req.socket);
          return;
        }
        if (serveHostile(scenario, req, res, body, held, timers)) return;
        if (req.url?.toLowerCase() !== "/enrollmentserver/discovery.svc")
          return send(404, "text/plain", "not here");
        if (req.method === "GET") {
          if (scenario === "notfound") return send(404, "text/html", "<html>Not Found</html>");
          if (scenario === "tohttp") {
            res
              .writeHead(302, {
                Location: `http://${host}/EnrollmentServer/Discovery.svc`,
                "Content-Length": 0,
              })
              .end();
            return;
          }
          return send(200, "text/html", "");
        }
        if (req.method !== "POST") return send(405, "text/plain", "");
        const messageId = messageIdOf(body);
        const samples = discoverResponseSamples(messageId);
        const sample = (name: string) => samples.find((s) => s.name === name)!.xml;
        switch (scenario) {
          case "federated":
          case "untrusted":
          case "wrongname":
            return send(200, SOAP, sample("federated"));
          case "onpremise":
            return send(200, SOAP, sample("on-premise"));
          case "certificate":
            return send(200, SOAP, sample("certificate"));
          case "chunked":
            res.writeHead(200, { "Content-Type": SOAP });
            res.write(sample("federated").slice(0, 200));
            res.end(sample("federated").slice(200));
            return;
          case "empty":
            return send(200, SOAP, "");
          case "wrongtype":
            return send(200, "text/html", sample("federated"));
        }
        const fault = FAULTS.find((f) => `fault-${f.value.toLowerCase()}` === scenario);
        if (fault) {
          const xml = fault.errorType
            ? buildDiscoverFault({
                subcode: "Authorization",
                errorType: fault.value,
                reason: `test ${fault.value}`,
              })
            : buildDiscoverFault({
                namespace: fault.namespace,
                subcode: fault.value,
                reason: `test ${fault.value}`,
              });
          return send(500, SOAP, xml);
        }
        return send(404, "text/plain", "unknown scenario");
      });
    },
  );
  // The HTTP side: redirects to HTTPS for the httpredirect scenario, 404 for everything else.
  const plain = http.createServer((req, res) => {
    const host = String(req.headers.host ?? "").toLowerCase();
    if (host.startsWith("enterpriseenrollment.httpredirect.example")) {
      res
        .writeHead(302, {
          Location: "https://enterpriseenrollment.federated.example/EnrollmentServer/Discovery.svc",
          "Content-Length": 0,
        })
        .end();
    } else res.writeHead(404, { "Content-Length": 0 }).end();
  });
  const blackhole = net.createServer((socket) => {
    held.push(socket);
  });
  const listen = (s: net.Server) =>
    new Promise<number>((resolve) =>
      s.listen(0, "127.0.0.1", () => resolve((s.address() as net.AddressInfo).port)),
    );
  const port = await listen(server);
  const blackholePort = await listen(blackhole);
  const httpPort = await listen(plain);
  const caFile = join(dir, "ca.pem");
  return {
    port,
    httpPort,
    blackholePort,
    caFile,
    connectTo: (scenario, to = port) =>
      `enterpriseenrollment.${scenario}.example:443:127.0.0.1:${to}`,
    connectArgs: (scenario, to = port) => [
      "--connect-to",
      `enterpriseenrollment.${scenario}.example:443:127.0.0.1:${to}`,
      "--connect-to",
      `enterpriseenrollment.${scenario}.example:80:127.0.0.1:${httpPort}`,
    ],
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of held) socket.destroy();
      server.closeAllConnections();
      plain.closeAllConnections();
      await Promise.all([
        new Promise((r) => server.close(r)),
        new Promise((r) => plain.close(r)),
        new Promise((r) => blackhole.close(r)),
      ]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A leaf for `enterpriseenrollment.expired.example`, signed by the test CA, valid only in January 2020. */
function makeExpiredCertificate(dir: string): { key: string; cert: string } {
  makeKey(dir, "expired");
  writeFileSync(
    join(dir, "expired.cnf"),
    [
      "[ca]",
      "default_ca = test",
      "[test]",
      `database = ${join(dir, "index.txt")}`,
      `new_certs_dir = ${dir}`,
      `serial = ${join(dir, "expired.srl")}`,
      "default_md = sha256",
      "policy = any",
      "[any]",
      "commonName = supplied",
      "[leaf]",
      "basicConstraints = CA:FALSE",
      "extendedKeyUsage = serverAuth",
      "subjectAltName = DNS:enterpriseenrollment.expired.example",
      "",
    ].join("\n"),
  );
  writeFileSync(join(dir, "index.txt"), "");
  writeFileSync(join(dir, "expired.srl"), "1000\n");
  makeCsr(dir, "expired", "/CN=enterpriseenrollment.expired.example");
  // OpenSSL 3.0's `x509` has no -not_before/-not_after; `openssl ca` takes explicit dates.
  openssl(
    [
      "ca",
      "-batch",
      "-notext",
      "-config",
      "expired.cnf",
      "-extensions",
      "leaf",
      "-cert",
      "ca.pem",
      "-keyfile",
      "ca.key",
      "-in",
      "expired.csr",
      "-out",
      "expired.pem",
      "-startdate",
      "20200101000000Z",
      "-enddate",
      "20200102000000Z",
    ],
    dir,
  );
  return {
    key: readFileSync(join(dir, "expired.key"), "utf8"),
    cert: readFileSync(join(dir, "expired.pem"), "utf8"),
  };
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><DiscoverResponse xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment"><DiscoverResult><AuthPolicy>&lol9;</AuthPolicy></DiscoverResult></DiscoverResponse></s:Body></s:Envelope>`;

const LOGIN_PAGE = `<!doctype html><html><head><title>Sign in</title></head><body><form method="post" action="/login"><label>User name <input name="user"></label><label>Password <input name="password" type="password"></label><button>Sign in</button></form></body></html>`;

/** Sends `text` one character every `everyMs`, with its full Content-Length announced. */
export function trickle(
  res: http.ServerResponse,
  type: string,
  text: string,
  everyMs: number,
): NodeJS.Timeout {
  res.writeHead(200, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) });
  let i = 0;
  const timer = setInterval(() => {
    if (res.destroyed || i >= text.length) return clearInterval(timer);
    res.write(text[i++]);
  }, everyMs);
  return timer;
}

/** Announces `bytes` in Content-Length and sends that much filler, for as long as it is read. */
export function sendHuge(res: http.ServerResponse, type: string, bytes: number): void {
  res.writeHead(200, { "Content-Type": type, "Content-Length": bytes });
  const block = Buffer.alloc(64 * 1024, "<a>");
  let sent = 0;
  const pump = () => {
    while (sent < bytes && !res.destroyed) {
      sent += block.length;
      if (!res.write(block)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end();
  };
  res.on("error", () => {});
  pump();
}

function whole(res: http.ServerResponse, type: string, text: string): true {
  res.writeHead(200, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) }).end(text);
  return true;
}

/** Answers the hostile scenarios; false when `scenario` is not one of them. */
function serveHostile(
  scenario: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  held: net.Socket[],
  timers: NodeJS.Timeout[],
): boolean {
  const url = "/EnrollmentServer/Discovery.svc";
  switch (scenario) {
    case "slowheaders": {
      // Accepts the request, then one header line every 200 ms, never finishing the head.
      held.push(req.socket);
      const socket = req.socket;
      socket.write("HTTP/1.1 200 OK\r\n");
      let n = 0;
      const timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        socket.write(`X-Slow-${n++}: ${"x".repeat(10)}\r\n`);
      }, 200);
      timers.push(timer);
      return true;
    }
    case "trickle": {
      held.push(req.socket);
      const xml = discoverResponseSamples(messageIdOf(body)).find(
        (s) => s.name === "federated",
      )!.xml;
      timers.push(trickle(res, SOAP, xml, 20));
      return true;
    }
    case "huge":
      sendHuge(res, SOAP, HUGE_BYTES);
      return true;
    case "laughs":
      return whole(res, SOAP, BILLION_LAUGHS);
    case "malformed":
      return whole(
        res,
        SOAP,
        '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><Discover',
      );
    case "login":
      return whole(res, "text/html; charset=utf-8", LOGIN_PAGE);
    case "redirectloop":
      res
        .writeHead(302, {
          Location: `https://enterpriseenrollment.redirectloop.example${url}`,
          "Content-Length": 0,
        })
        .end();
      return true;
    case "otherhost":
      res
        .writeHead(302, { Location: `https://login.elsewhere.example${url}`, "Content-Length": 0 })
        .end();
      return true;
    case "status500":
      res.writeHead(500, { "Content-Type": "text/html" }).end("<html>Internal Server Error</html>");
      return true;
    case "expired":
      if (req.method !== "POST") return false;
      res
        .writeHead(200, { "Content-Type": SOAP })
        .end(discoverResponseSamples(messageIdOf(body)).find((s) => s.name === "federated")!.xml);
      return true;
    case "status429":
      res
        .writeHead(429, { "Content-Type": "text/plain", "Retry-After": "120" })
        .end("Too Many Requests");
      return true;
  }
  return false;
}
