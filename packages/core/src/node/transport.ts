import { promises as dnsPromises } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from "node:tls";
import type {
  DiscoveryTransport,
  DnsAnswer,
  HttpExchange,
  HttpRequest,
  SendOptions,
  TlsDetails,
  TransportFailure,
} from "../discovery/transport.js";
import { applyConnectTo, type ConnectTo } from "./connect-to.js";

export interface NodeTransportOptions {
  /** curl-style overrides: where connections for a host:port really go. */
  readonly connectTo?: readonly ConnectTo[];
  /** PEM text of the CA certificate(s) to trust instead of Node's bundled roots (as curl's --cacert). */
  readonly ca?: string;
  /** Longest wait for a TCP and TLS connection, within each request's own budget. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** PEM text of the TLS client certificate to present over HTTPS (with `clientKey`). */
  readonly clientCertificate?: string;
  /** PEM text of the client certificate's private key. */
  readonly clientKey?: string;
}

function formatName(name: PeerCertificate["subject"] | undefined): string | undefined {
  if (!name) return undefined;
  const parts = Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

function tlsDetails(socket: TLSSocket, servername: string): TlsDetails {
  const cert = socket.getPeerCertificate();
  const nameError =
    cert && Object.keys(cert).length > 0
      ? checkServerIdentity(servername, cert)
      : new Error("no certificate");
  const altNames = cert?.subjectaltname
    ?.split(/,\s*/)
    .filter((n) => n.startsWith("DNS:") || n.startsWith("IP Address:"))
    .map((n) => n.replace(/^DNS:|^IP Address:/, ""));
  // Node counts a name mismatch as "not authorized"; keep the chain's trust and the name apart.
  const rawError = socket.authorizationError as unknown;
  const authorizationError =
    rawError === "ERR_TLS_CERT_ALTNAME_INVALID" ||
    (rawError instanceof Error &&
      (rawError as NodeJS.ErrnoException).code === "ERR_TLS_CERT_ALTNAME_INVALID")
      ? undefined
      : rawError;
  const protocol = socket.getProtocol();
  const subject = formatName(cert?.subject);
  const issuer = formatName(cert?.issuer);
  const validFrom = isoDate(cert?.valid_from);
  const validTo = isoDate(cert?.valid_to);
  return {
    trusted: socket.authorized || authorizationError === undefined,
    ...(authorizationError
      ? {
          trustError: String(
            authorizationError instanceof Error ? authorizationError.message : authorizationError,
          ),
        }
      : {}),
    ...(protocol ? { protocol } : {}),
    ...(subject ? { subject } : {}),
    ...(issuer ? { issuer } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validTo ? { validTo } : {}),
    ...(altNames && altNames.length > 0 ? { altNames } : {}),
    nameMatches: nameError === undefined,
    ...(nameError ? { nameError: nameError.message } : {}),
  };
}

function classify(error: NodeJS.ErrnoException): TransportFailure {
  const code = error.code ?? "";
  const base = { message: error.message, ...(code ? { code } : {}) };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { kind: "dns", ...base };
  if (/^ERR_SSL|^ERR_TLS|CERT|EPROTO/.test(code)) return { kind: "tls", ...base };
  if (code === "HPE_INVALID_CONSTANT" || code.startsWith("HPE_"))
    return { kind: "protocol", ...base };
  return { kind: "connect", ...base };
}

class TimeoutError extends Error {
  constructor(
    readonly kind: "connect-timeout" | "timeout",
    ms: number,
  ) {
    super(
      kind === "connect-timeout"
        ? `no connection within ${ms} ms`
        : `no complete answer within ${ms} ms`,
    );
  }
}

/**
 * The Node transport for {@link probeDiscovery}: real DNS (the CNAME chain, then the addresses),
 * HTTP and HTTPS with the server certificate's details, connect and total timeouts, a response size
 * limit, a CA file and curl-style connect-to overrides. It never follows redirects (the probe
 * decides, as Windows would) and never rejects: failures come back in the exchange.
 *
 * @example
 * import { createNodeTransport, parseConnectTo } from "@winenroll/core/node";
 * const transport = createNodeTransport({
 *   connectTo: [parseConnectTo("enterpriseenrollment.contoso.com:443:127.0.0.1:8443")],
 *   ca: readFileSync("ca.pem", "utf8"),
 * });
 */
export function createNodeTransport(options: NodeTransportOptions = {}): DiscoveryTransport {
  const rules = options.connectTo ?? [];
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;

  async function resolve(host: string, { timeoutMs }: { timeoutMs: number }): Promise<DnsAnswer> {
    const override = rules.find((r) => r.host === "" || r.host === host.toLowerCase());
    if (override) {
      const target = applyConnectTo(rules, host, override.port ?? 443);
      return { host, cnames: [], addresses: [], overriddenBy: `${target.host}:${target.port}` };
    }
    const resolver = new dnsPromises.Resolver({
      timeout: Math.max(1, Math.min(timeoutMs, 5_000)),
      tries: 1,
    });
    const cnames: string[] = [];
    let name = host;
    try {
      for (let i = 0; i < 10; i++) {
        let next: string[];
        try {
          next = await resolver.resolveCname(name);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENODATA" || code === "ENOTFOUND") break;
          throw error;
        }
        if (!next[0]) break;
        cnames.push(next[0]);
        name = next[0];
      }
      let timer: NodeJS.Timeout | undefined;
      const lookup = dnsPromises.lookup(name, { all: true });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              Object.assign(new Error(`no DNS answer within ${timeoutMs} ms`), {
                code: "ETIMEOUT",
              }),
            ),
          timeoutMs,
        );
      });
      try {
        const addresses = await Promise.race([lookup, timeout]);
        return { host, cnames, addresses: addresses.map((a) => a.address) };
      } finally {
        clearTimeout(timer);
      }
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      return {
        host,
        cnames,
        addresses: [],
        error: e.message,
        ...(e.code ? { errorCode: e.code } : {}),
      };
    }
  }

  function send(
    request: HttpRequest,
    { timeoutMs, maxResponseBytes }: SendOptions,
  ): Promise<HttpExchange> {
    const url = new URL(request.url);
    const secure = url.protocol === "https:";
    const originalPort = Number(url.port || (secure ? 443 : 80));
    const target = applyConnectTo(rules, url.hostname, originalPort);
    const connectedTo = `${target.host}:${target.port}`;
    if (timeoutMs <= 0) {
      return Promise.resolve({
        request,
        connectedTo,
        failure: { kind: "timeout", message: "the time budget was used up before this request" },
      });
    }
    const servername = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const headers: Record<string, string> = {
      ...request.headers,
      Host: url.host,
      Connection: "close",
    };
    if (request.body !== undefined)
      headers["Content-Length"] = String(Buffer.byteLength(request.body));

    return new Promise<HttpExchange>((done) => {
      let tls: TlsDetails | undefined;
      let settled = false;
      const finish = (exchange: Omit<HttpExchange, "request" | "connectedTo">) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        done({ request, connectedTo, ...(tls ? { tls } : {}), ...exchange });
      };
      const common = {
        method: request.method,
        host: target.host,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        headers,
        agent: false as const,
      };
      const req = secure
        ? https.request({
            ...common,
            ...(isIP(servername) ? {} : { servername }),
            rejectUnauthorized: false,
            ...(options.ca ? { ca: options.ca } : {}),
            ...(options.clientCertificate ? { cert: options.clientCertificate } : {}),
            ...(options.clientKey ? { key: options.clientKey } : {}),
          })
        : http.request(common);
      const fail = (error: Error) => {
        if (error instanceof TimeoutError)
          finish({ failure: { kind: error.kind, message: error.message } });
        else finish({ failure: classify(error as NodeJS.ErrnoException) });
        req.destroy();
      };
      const connectLimit = Math.min(connectTimeoutMs, timeoutMs);
      const connectTimer = setTimeout(
        () => fail(new TimeoutError("connect-timeout", connectLimit)),
        connectLimit,
      );
      const totalTimer = setTimeout(() => fail(new TimeoutError("timeout", timeoutMs)), timeoutMs);
      req.on("socket", (socket) => {
        socket.once(secure ? "secureConnect" : "connect", () => {
          clearTimeout(connectTimer);
          if (secure) tls = tlsDetails(socket as TLSSocket, servername);
        });
      });
      req.on("error", fail);
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        let truncated = false;
        const respond = () =>
          finish({
            response: {
              status: res.statusCode ?? 0,
              ...(res.statusMessage ? { statusText: res.statusMessage } : {}),
              headers: Object.fromEntries(
                Object.entries(res.headers).map(([k, v]) => [
                  k.toLowerCase(),
                  Array.isArray(v) ? v.join(", ") : (v ?? ""),
                ]),
              ),
              body: Buffer.concat(chunks).toString("utf8"),
              bytes,
              truncated,
              chunked: /chunked/i.test(String(res.headers["transfer-encoding"] ?? "")),
            },
          });
        res.on("data", (chunk: Buffer) => {
          if (truncated) return;
          const room = maxResponseBytes - bytes;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, Math.max(0, room)));
            bytes += Math.max(0, room);
            truncated = true;
            respond();
            res.destroy();
            req.destroy();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        res.on("end", respond);
        res.on("error", (error) => fail(error));
      });
      req.end(request.body);
    });
  }

  return { resolve, send };
}
