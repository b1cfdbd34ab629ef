/**
 * What the discovery probe needs from the network, as an interface: core stays free of I/O, the
 * Node implementation lives in `@winenroll/core/node`, and tests can pass a fake.
 */

/** What DNS says about the discovery host. */
export interface DnsAnswer {
  readonly host: string;
  /** The CNAME chain, in order, not including `host` itself. */
  readonly cnames: readonly string[];
  readonly addresses: readonly string[];
  /** Set when the name does not resolve. */
  readonly error?: string;
  /** The resolver's code (`ENOTFOUND`, `ENODATA`, `ETIMEOUT`). */
  readonly errorCode?: string;
  /** Set when a connect-to override replaced DNS for this host: where connections go instead. */
  readonly overriddenBy?: string;
}

/** The server certificate as seen on the connection. */
export interface TlsDetails {
  readonly protocol?: string;
  /** True when the chain verifies against the trusted roots (the system's, or the CA file's). */
  readonly trusted: boolean;
  /** Why the chain did not verify (`SELF_SIGNED_CERT_IN_CHAIN`, `CERT_HAS_EXPIRED`). */
  readonly trustError?: string;
  readonly subject?: string;
  readonly issuer?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  readonly altNames?: readonly string[];
  /** True when the certificate names the host that was asked for. */
  readonly nameMatches: boolean;
  readonly nameError?: string;
}

export interface HttpRequest {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpResponse {
  readonly status: number;
  readonly statusText?: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Bytes received (the body, up to the limit). */
  readonly bytes: number;
  /** True when the body was cut at the size limit. */
  readonly truncated: boolean;
  /** True when the response came with Transfer-Encoding: chunked. */
  readonly chunked: boolean;
}

export type TransportFailureKind =
  | "dns"
  | "connect"
  | "tls"
  | "connect-timeout"
  | "timeout"
  | "too-large"
  | "protocol";

export interface TransportFailure {
  readonly kind: TransportFailureKind;
  readonly message: string;
  /** The underlying error code (`ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`). */
  readonly code?: string;
}

/** One request and what came of it: a response, or a failure, and the TLS details when HTTPS. */
export interface HttpExchange {
  readonly request: HttpRequest;
  readonly response?: HttpResponse;
  readonly failure?: TransportFailure;
  readonly tls?: TlsDetails;
  /** The address actually connected to (after any connect-to override). */
  readonly connectedTo?: string;
}

export interface SendOptions {
  /** Milliseconds left for this request, connection included. */
  readonly timeoutMs: number;
  /** Largest body accepted, in bytes. */
  readonly maxResponseBytes: number;
}

export interface DiscoveryTransport {
  resolve(host: string, options: { readonly timeoutMs: number }): Promise<DnsAnswer>;
  /** Sends one request without following redirects; never rejects, failures are in the exchange. */
  send(request: HttpRequest, options: SendOptions): Promise<HttpExchange>;
}
