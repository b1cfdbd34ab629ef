import { createPublicKey, createVerify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TLSSocket } from "node:tls";
import { createSecureContext } from "node:tls";
import { gzipSync } from "node:zlib";
import { FAULTS, HUGE_BYTES, sendHuge, trickle } from "./discovery-server.js";
import {
  type CertificatePolicy,
  type DiscoverAnswer,
  discoverResponse,
  type FaultAnswer,
  faultResponse,
  policiesResponse,
  provisioningDocument,
  tokenResponse,
  URI,
} from "./enrollment-documents.js";
import {
  base64Der,
  type EnrollmentPki,
  issueCertificate,
  makeEnrollmentPki,
  signedByDeviceCa,
  strangerKey,
  thumbprint,
  x509,
} from "./enrollment-pki.js";

/**
 * A reference MDM enrollment server on loopback for the CLI's end-to-end tests: discovery
 * (MS-MDE2), the policy service (MS-XCEP GetPolicies) and the enrollment service (MS-WSTEP
 * RequestSecurityToken), over HTTPS with certificates made at start-up. It checks each request the
 * way a server must (action, credentials, the PKCS#10 request and its signature, the key length and
 * hash the policy asked for), signs the request into a real certificate with its device CA, and
 * answers with a real provisioning document. Each scenario is its own domain, `<scenario>.example`:
 * pass `connectArgs(scenario)` and `--ca caFile`. Nothing listens anywhere but 127.0.0.1.
 */

/** The OnPremise password and the Federated token the server accepts. */
export const PASSWORD = "correct horse battery staple";
export const TOKEN = "federated-token-from-the-sts";
export const PROVIDER_ID = "winenroll-test-mdm";

type CertificateMethod = "tls-client-certificate" | "signed-header";

/** What a scenario changes; everything else is the well-behaved server. */
interface ScenarioSpec {
  readonly authPolicy: DiscoverAnswer["authPolicy"];
  readonly policy?: CertificatePolicy;
  /** Certificate auth: which of the two methods this server accepts. */
  readonly accepts?: readonly CertificateMethod[];
  /** Policy and enrollment services on `enroll.<scenario>.example` instead of the discovery host. */
  readonly otherHost?: boolean;
  /** The enrollment service named with http:// (and served on the plain HTTP port). */
  readonly plainEnrollment?: boolean;
  /** How the RequestSecurityTokenResponse travels. */
  readonly wire?: "chunked" | "slow" | "huge" | "wrongtype" | "gzip";
  /** The RequestSecurityToken is answered with this fault. */
  readonly fault?: FaultAnswer;
  /** What is wrong with the issued certificate or the document. */
  readonly flaw?: "noclientauth" | "otherkey" | "noroot" | "httpaddr" | "brokenbase64";
  /** The document's certificates in two CertificateStore characteristics (a layout, not a flaw). */
  readonly splitStores?: boolean;
}

const ONPREMISE: ScenarioSpec = { authPolicy: "OnPremise" };

export const SCENARIO_SPECS: Readonly<Record<string, ScenarioSpec>> = {
  onpremise: ONPREMISE,
  federated: { authPolicy: "Federated" },
  certificate: { authPolicy: "Certificate", accepts: ["tls-client-certificate", "signed-header"] },
  "certificate-tls": { authPolicy: "Certificate", accepts: ["tls-client-certificate"] },
  "certificate-header": { authPolicy: "Certificate", accepts: ["signed-header"] },
  policy3072: { ...ONPREMISE, policy: { minimalKeyLength: 3072, hash: "SHA-256" } },
  otherhost: { ...ONPREMISE, otherHost: true },
  splitstores: { ...ONPREMISE, splitStores: true },
  untrusted: { ...ONPREMISE, otherHost: true },
  plainhttp: { ...ONPREMISE, plainEnrollment: true },
  chunked: { ...ONPREMISE, wire: "chunked" },
  gzip: { ...ONPREMISE, wire: "gzip" },
  slow: { ...ONPREMISE, wire: "slow" },
  huge: { ...ONPREMISE, wire: "huge" },
  wrongtype: { ...ONPREMISE, wire: "wrongtype" },
  noclientauth: { ...ONPREMISE, flaw: "noclientauth" },
  otherkey: { ...ONPREMISE, flaw: "otherkey" },
  noroot: { ...ONPREMISE, flaw: "noroot" },
  httpaddr: { ...ONPREMISE, flaw: "httpaddr" },
  brokenbase64: { ...ONPREMISE, flaw: "brokenbase64" },
  ...Object.fromEntries(
    FAULTS.map((f) => [
      `fault-${f.value.toLowerCase()}`,
      {
        ...ONPREMISE,
        fault: f.errorType
          ? {
              namespace: "s",
              subcode: "Authorization",
              errorType: f.value,
              reason: `test ${f.value}`,
            }
          : { namespace: f.namespace, subcode: f.value, reason: `test ${f.value}` },
      } satisfies ScenarioSpec,
    ]),
  ),
};

const DEFAULT_POLICY: CertificatePolicy = { minimalKeyLength: 2048, hash: "SHA-256" };
const SOAP = "application/soap+xml; charset=utf-8";
export const DISCOVERY_PATH = "/EnrollmentServer/Discovery.svc";
export const POLICY_PATH = "/EnrollmentServer/Policy.svc";
export const ENROLLMENT_PATH = "/EnrollmentServer/Enrollment.svc";

/** One request the server received, for the tests to look at. */
export interface LoggedRequest {
  readonly scenario: string;
  readonly host: string;
  readonly method: string;
  readonly path: string;
  readonly contentType?: string;
  readonly body: string;
  /** How the caller authenticated, when it did. */
  readonly auth?: "password" | "token" | CertificateMethod;
}

export interface EnrollmentServer {
  readonly port: number;
  readonly httpPort: number;
  /** The CA to pass to `--ca`. */
  readonly caFile: string;
  /** TLS key and certificate that also name `mdm.<scenario>.example`, for a management server. */
  readonly tls: { readonly key: string; readonly cert: string };
  /** The MDM's device CA, PEM: the root a correct document installs. */
  readonly deviceCaPem: string;
  /** A device certificate and key the server trusts for Certificate auth, as files. */
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
  /** A client certificate and key from a CA the server does not know. */
  readonly strangerCertFile: string;
  readonly strangerKeyFile: string;
  readonly requests: readonly LoggedRequest[];
  /** The `--connect-to` flags for every host of a scenario, HTTPS and HTTP. */
  connectArgs(scenario: string): string[];
  close(): Promise<void>;
}

function hostsOf(scenario: string): string[] {
  return [`enterpriseenrollment.${scenario}.example`, `enroll.${scenario}.example`];
}

/** Starts the server on 127.0.0.1 with random ports. */
export async function startEnrollmentServer(): Promise<EnrollmentServer> {
  const names = Object.keys(SCENARIO_SPECS);
  const pki = await makeEnrollmentPki(
    names
      .filter((s) => s !== "untrusted")
      .flatMap((s) => [...hostsOf(s), `mdm.${s}.example`])
      .concat(hostsOf("untrusted")[0]!),
  );
  const dir = mkdtempSync(join(tmpdir(), "winenroll-enrollment-"));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const requests: LoggedRequest[] = [];
  const timers: NodeJS.Timeout[] = [];
  const held: net.Socket[] = [];
  const untrusted = createSecureContext({ key: pki.untrustedTls.key, cert: pki.untrustedTls.cert });
  const state: ServerState = {
    pki,
    requests,
    timers,
    held,
    ports: { https: 0, http: 0 },
    otherKey: await strangerKey(),
  };
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) =>
    void handle(state, req, res).catch((error: Error) => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(`server error: ${error.message}`);
    });
  const server = https.createServer(
    {
      key: pki.tls.key,
      cert: pki.tls.cert,
      // Asks every client for a certificate and judges it itself (Certificate auth over TLS).
      requestCert: true,
      rejectUnauthorized: false,
      ca: pki.deviceCa.certificate.toString("pem"),
      SNICallback: (name, callback) =>
        callback(null, name === "enroll.untrusted.example" ? untrusted : undefined),
    },
    handler,
  );
  const plain = http.createServer(handler);
  const listen = (s: net.Server) =>
    new Promise<number>((resolve) =>
      s.listen(0, "127.0.0.1", () => resolve((s.address() as net.AddressInfo).port)),
    );
  state.ports.https = await listen(server);
  state.ports.http = await listen(plain);
  return {
    port: state.ports.https,
    httpPort: state.ports.http,
    caFile: file("tls-ca.pem", pki.tlsCaPem),
    tls: pki.tls,
    deviceCaPem: pki.deviceCa.certificate.toString("pem"),
    clientCertFile: file("client.pem", pki.client.cert),
    clientKeyFile: file("client.key", pki.client.key),
    strangerCertFile: file("stranger.pem", pki.strangerClient.cert),
    strangerKeyFile: file("stranger.key", pki.strangerClient.key),
    requests,
    connectArgs: (scenario) =>
      hostsOf(scenario).flatMap((host) => [
        "--connect-to",
        `${host}:443:127.0.0.1:${state.ports.https}`,
        "--connect-to",
        `${host}:80:127.0.0.1:${state.ports.http}`,
      ]),
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of held) socket.destroy();
      server.closeAllConnections();
      plain.closeAllConnections();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => plain.close(r))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface ServerState {
  readonly pki: EnrollmentPki;
  readonly requests: LoggedRequest[];
  readonly timers: NodeJS.Timeout[];
  readonly held: net.Socket[];
  readonly ports: { https: number; http: number };
  /** The key the `otherkey` scenario certifies instead of the device's: made once, since an RSA
   * key takes seconds on a busy machine and the client's time budget would pay for it. */
  readonly otherKey: Awaited<ReturnType<typeof strangerKey>>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, text: string): void {
  res
    .writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text) })
    .end(text);
}

async function handle(
  state: ServerState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const host = String(req.headers.host ?? "")
    .toLowerCase()
    .replace(/:\d+$/, "");
  const labels = host.split(".");
  const scenario = labels[labels.length - 1] === "example" ? (labels[labels.length - 2] ?? "") : "";
  const spec = SCENARIO_SPECS[scenario];
  const body = await readBody(req);
  const path = (req.url ?? "").split("?")[0]!.toLowerCase();
  const entry: LoggedRequest = {
    scenario,
    host,
    method: req.method ?? "",
    path,
    ...(req.headers["content-type"] ? { contentType: req.headers["content-type"] } : {}),
    body,
  };
  if (!spec) {
    state.requests.push(entry);
    return send(res, 404, "text/plain", "unknown scenario");
  }
  const secure = "encrypted" in req.socket;
  const log = (auth?: LoggedRequest["auth"]) =>
    state.requests.push(auth ? { ...entry, auth } : entry);
  if (path === DISCOVERY_PATH.toLowerCase()) {
    log();
    if (req.method === "GET") return send(res, 200, "text/html", "");
    return send(
      res,
      200,
      SOAP,
      discoverResponse(discoverAnswer(scenario, spec), messageIdOf(body)),
    );
  }
  if (req.method !== "POST") return send(res, 405, "text/plain", "POST only");
  if (!/^application\/soap\+xml/i.test(String(req.headers["content-type"] ?? ""))) {
    log();
    return send(res, 415, "text/plain", "application/soap+xml expected");
  }
  const isPolicy = path === POLICY_PATH.toLowerCase();
  const isEnrollment = path === ENROLLMENT_PATH.toLowerCase();
  if ((!isPolicy && !isEnrollment) || (isEnrollment && secure === Boolean(spec.plainEnrollment))) {
    log();
    return send(res, 404, "text/plain", "not here");
  }
  const relatesTo = messageIdOf(body);
  const fault = (answer: FaultAnswer) => send(res, 500, SOAP, faultResponse(answer, relatesTo));
  const action = textOf(body, "Action");
  const expected = isPolicy ? URI.getPolicies : URI.rst;
  if (action !== expected) {
    log();
    return fault({ namespace: "s", subcode: "MessageFormat", reason: `expected ${expected}` });
  }
  const auth = await authenticate(state, spec, req, body);
  log(auth.ok ? auth.method : undefined);
  if (!auth.ok) return fault(auth.fault);
  if (isPolicy)
    return send(res, 200, SOAP, policiesResponse(spec.policy ?? DEFAULT_POLICY, relatesTo));
  if (spec.fault) return fault(spec.fault);
  const issued = await enroll(state, scenario, spec, body);
  if ("fault" in issued) return fault(issued.fault);
  return deliver(state, spec, req, res, tokenResponse(issued.token, relatesTo));
}

function discoverAnswer(scenario: string, spec: ScenarioSpec): DiscoverAnswer {
  const serviceHost = spec.otherHost
    ? `enroll.${scenario}.example`
    : `enterpriseenrollment.${scenario}.example`;
  return {
    authPolicy: spec.authPolicy,
    enrollmentVersion: spec.authPolicy === "Federated" ? "5.0" : "4.0",
    policyUrl: `https://${serviceHost}${POLICY_PATH}`,
    enrollmentUrl: `${spec.plainEnrollment ? "http" : "https"}://${serviceHost}${ENROLLMENT_PATH}`,
    ...(spec.authPolicy === "Federated"
      ? { authenticationUrl: `https://login.${scenario}.example/LoginRedirect.aspx` }
      : {}),
  };
}

// A few regular expressions stand in for an XML reader: the requests are the client's, and this
// server must not borrow winenroll's parser to judge them.

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(
      e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
}

/** The first element with this local name, whatever its prefix: its attributes and content. */
function elementOf(
  xml: string,
  localName: string,
): { attributes: string; inner: string } | undefined {
  const match = new RegExp(
    `<(?:[\\w.-]+:)?${localName}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>)`,
  ).exec(xml);
  return match ? { attributes: match[1] ?? "", inner: match[2] ?? "" } : undefined;
}

function textOf(xml: string, localName: string): string | undefined {
  const element = elementOf(xml, localName);
  return element ? decodeEntities(element.inner).trim() : undefined;
}

function attributeOf(attributes: string, localName: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${localName}="([^"]*)"`).exec(attributes);
  return match ? decodeEntities(match[1]!) : undefined;
}

function messageIdOf(body: string): string | undefined {
  return textOf(body, "MessageID");
}

/** The BinarySecurityTokens of a fragment, with their ValueType. */
function tokensOf(xml: string): { valueType?: string; content: string }[] {
  return [
    ...xml.matchAll(
      /<(?:[\w.-]+:)?BinarySecurityToken(\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?BinarySecurityToken>/g,
    ),
  ].map((m) => {
    const valueType = attributeOf(m[1] ?? "", "ValueType");
    return { ...(valueType ? { valueType } : {}), content: m[2]!.trim() };
  });
}

function contextItems(body: string): Map<string, string[]> {
  const items = new Map<string, string[]>();
  for (const m of body.matchAll(
    /<(?:[\w.-]+:)?ContextItem\s[^>]*Name="([^"]*)"[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?ContextItem>/g,
  )) {
    const value = textOf(m[2]!, "Value") ?? "";
    items.set(m[1]!, [...(items.get(m[1]!) ?? []), value]);
  }
  return items;
}

type AuthResult =
  | { ok: true; method: NonNullable<LoggedRequest["auth"]> }
  | { ok: false; fault: FaultAnswer };

const INVALID_SECURITY = (reason: string): AuthResult => ({
  ok: false,
  fault: { namespace: "a", subcode: "InvalidSecurity", reason },
});
const NOT_RECOGNISED = (reason: string): AuthResult => ({
  ok: false,
  fault: { namespace: "s", subcode: "Authentication", reason },
});

/** Checks the WS-Security header (and for Certificate, the TLS client certificate) per MS-MDE2 §3.3.4.1.1.1. */
async function authenticate(
  state: ServerState,
  spec: ScenarioSpec,
  req: http.IncomingMessage,
  body: string,
): Promise<AuthResult> {
  const header = elementOf(body, "Security")?.inner;
  if (spec.authPolicy === "OnPremise") {
    if (!header || !elementOf(header, "UsernameToken")) return INVALID_SECURITY("no UsernameToken");
    const user = textOf(header, "Username");
    const password = elementOf(header, "Password");
    if (!user || !password) return INVALID_SECURITY("UsernameToken without user or password");
    if (!attributeOf(password.attributes, "Type")?.endsWith("#PasswordText"))
      return INVALID_SECURITY("password type is not PasswordText");
    return decodeEntities(password.inner) === PASSWORD
      ? { ok: true, method: "password" }
      : NOT_RECOGNISED("user name or password not recognised");
  }
  if (spec.authPolicy === "Federated") {
    const token = header ? tokensOf(header).find((t) => t.valueType === URI.userToken) : undefined;
    if (!token) return INVALID_SECURITY("no DeviceEnrollmentUserToken");
    return Buffer.from(token.content, "base64").toString("utf8") === TOKEN
      ? { ok: true, method: "token" }
      : NOT_RECOGNISED("token not recognised");
  }
  const accepts = spec.accepts ?? [];
  const peer = (req.socket as Partial<TLSSocket>).getPeerCertificate?.();
  if (accepts.includes("tls-client-certificate") && peer?.raw) {
    if (await signedByDeviceCa(peer.raw, state.pki.deviceCa))
      return { ok: true, method: "tls-client-certificate" };
  }
  if (accepts.includes("signed-header") && header && (await signedHeaderValid(state, header)))
    return { ok: true, method: "signed-header" };
  return NOT_RECOGNISED("no certificate this server issued");
}

/**
 * The MS-MDE2 signed header: an X509v3 BinarySecurityToken the device CA signed, and a
 * ds:Signature whose SignatureValue verifies over SignedInfo with that certificate's key.
 * SignedInfo is canonicalised by the rules exclusive C14N applies to such a small element
 * (empty elements written out in full, the ds namespace declared on it). The Reference digest
 * over the envelope is not checked: that needs a whole C14N implementation.
 */
async function signedHeaderValid(state: ServerState, header: string): Promise<boolean> {
  const token = tokensOf(header).find((t) => t.valueType === URI.x509v3);
  if (!token) return false;
  const der = Buffer.from(token.content, "base64");
  if (!(await signedByDeviceCa(der, state.pki.deviceCa))) return false;
  const signedInfo = /<([\w.-]+:)?SignedInfo[\s>][\s\S]*?<\/\1?SignedInfo>/.exec(header)?.[0];
  const signatureValue = textOf(header, "SignatureValue");
  const method = attributeOf(elementOf(header, "SignatureMethod")?.attributes ?? "", "Algorithm");
  if (!signedInfo || !signatureValue || !method) return false;
  const hash = /sha256/i.test(method) ? "sha256" : /sha1/i.test(method) ? "sha1" : undefined;
  if (!hash) return false;
  const key = createPublicKey({
    key: Buffer.from(new x509.X509Certificate(der).publicKey.rawData),
    format: "der",
    type: "spki",
  });
  const signature = Buffer.from(signatureValue.replace(/\s+/g, ""), "base64");
  return [signedInfo, canonicalSignedInfo(signedInfo)].some((text) =>
    createVerify(hash).update(text, "utf8").verify(key, signature),
  );
}

function canonicalSignedInfo(signedInfo: string): string {
  const expanded = signedInfo.replace(
    /<([\w.-]+:)?([\w.-]+)((?:\s[^>]*?)?)\s*\/>/g,
    (_, prefix = "", name: string, attributes: string) =>
      `<${prefix}${name}${attributes}></${prefix}${name}>`,
  );
  const prefix = /^<([\w.-]+):/.exec(expanded)?.[1];
  const declaration = prefix
    ? `xmlns:${prefix}="http://www.w3.org/2000/09/xmldsig#"`
    : 'xmlns="http://www.w3.org/2000/09/xmldsig#"';
  return expanded.includes(declaration)
    ? expanded
    : expanded.replace(/^<([\w.:-]+)/, `<$1 ${declaration}`);
}

type Enrolled = { token: string } | { fault: FaultAnswer };

const REQUEST_FAULT = (reason: string): Enrolled => ({
  fault: { namespace: "s", subcode: "CertificateRequest", reason },
});

/** Reads the RequestSecurityToken, checks the PKCS#10 request against the policy and signs it. */
async function enroll(
  state: ServerState,
  scenario: string,
  spec: ScenarioSpec,
  body: string,
): Promise<Enrolled> {
  const rst = elementOf(body, "RequestSecurityToken")?.inner ?? "";
  if (textOf(rst, "TokenType") !== URI.deviceToken || textOf(rst, "RequestType") !== URI.issue)
    return {
      fault: { namespace: "s", subcode: "MessageFormat", reason: "TokenType or RequestType" },
    };
  const token = tokensOf(rst).find((t) => t.valueType === URI.pkcs10);
  if (!token) return REQUEST_FAULT("no PKCS#10 BinarySecurityToken");
  const items = contextItems(rst);
  const deviceId = items.get("DeviceID")?.[0];
  if (!deviceId)
    return { fault: { namespace: "s", subcode: "MessageFormat", reason: "no DeviceID" } };
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(Buffer.from(token.content, "base64"));
    if (!(await csr.verify())) return REQUEST_FAULT("the request's signature does not verify");
  } catch (error) {
    return REQUEST_FAULT(`unreadable request: ${(error as Error).message}`);
  }
  const policy = spec.policy ?? DEFAULT_POLICY;
  const bits = createPublicKey({
    key: Buffer.from(csr.publicKey.rawData),
    format: "der",
    type: "spki",
  }).asymmetricKeyDetails?.modulusLength;
  if (!bits || bits < policy.minimalKeyLength)
    return REQUEST_FAULT(`key of ${bits} bits, policy asks for ${policy.minimalKeyLength}`);
  const hash = (csr.signatureAlgorithm as { hash?: { name?: string } }).hash?.name;
  if ((policy.hash ?? "SHA-1") !== hash)
    return REQUEST_FAULT(`signed with ${hash}, policy asks for ${policy.hash ?? "SHA-1"}`);
  const deviceCa = state.pki.deviceCa;
  const certificate = await issueCertificate(deviceCa, {
    commonName: deviceId,
    publicKey: spec.flaw === "otherkey" ? state.otherKey.publicKey : csr.publicKey,
    extendedKeyUsages: [
      spec.flaw === "noclientauth"
        ? x509.ExtendedKeyUsage.serverAuth
        : x509.ExtendedKeyUsage.clientAuth,
    ],
  });
  const document = provisioningDocument({
    ...(spec.flaw === "noroot"
      ? {}
      : {
          root: {
            thumbprint: thumbprint(deviceCa.certificate),
            der: base64Der(deviceCa.certificate),
          },
        }),
    client: { thumbprint: thumbprint(certificate), der: base64Der(certificate) },
    store: items.get("EnrollmentType")?.[0]?.toLowerCase() === "device" ? "System" : "User",
    providerId: PROVIDER_ID,
    addr: `${spec.flaw === "httpaddr" ? "http" : "https"}://mdm.${scenario}.example/ManagementServer/MDM.svc`,
    deviceId,
    ...(spec.splitStores ? { splitStores: true } : {}),
  });
  return {
    token:
      spec.flaw === "brokenbase64"
        ? `%%${Buffer.from(document).toString("base64").slice(0, 40)}!not base64!`
        : Buffer.from(document).toString("base64"),
  };
}

/** Sends the enrollment answer the way the scenario's wire says. */
function deliver(
  state: ServerState,
  spec: ScenarioSpec,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  xml: string,
): void {
  switch (spec.wire) {
    case "gzip": {
      // Compressed only for a client that says it accepts gzip (Windows says so on its enrollment
      // POSTs, as the Fleet capture shows).
      if (!/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) break;
      const zipped = gzipSync(xml);
      res
        .writeHead(200, {
          "Content-Type": SOAP,
          "Content-Encoding": "gzip",
          "Content-Length": zipped.length,
        })
        .end(zipped);
      return;
    }
    case "chunked":
      res.writeHead(200, { "Content-Type": SOAP });
      res.write(xml.slice(0, 200));
      res.end(xml.slice(200));
      return;
    case "wrongtype":
      send(res, 200, "text/html; charset=utf-8", xml);
      return;
    case "slow":
      // One character every 100 ms: the answer never completes within a test's time budget.
      state.held.push(res.socket!);
      state.timers.push(trickle(res, SOAP, xml, 100));
      return;
    case "huge":
      sendHuge(res, SOAP, HUGE_BYTES);
      return;
  }
  send(res, 200, SOAP, xml);
}
