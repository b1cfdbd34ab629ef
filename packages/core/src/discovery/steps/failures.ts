import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { finding, winHttpError } from "../checks.js";
import type { TransportFailure } from "../transport.js";
import { seconds } from "./http.js";

const TIMEOUT = winHttpError(12002);
const CANNOT_CONNECT = winHttpError(12029);
const SECURE_FAILURE = winHttpError(12175);

/** The diagnostic for a request that got no answer; `what` names the request ("GET"). */
export function failureFinding(
  failure: TransportFailure,
  what: string,
  timeoutMs: number,
): Diagnostic {
  switch (failure.kind) {
    case "connect-timeout":
    case "timeout":
      return finding(
        "timeout",
        `The ${what} got no ${failure.kind === "connect-timeout" ? "connection" : "answer"} within ${seconds(timeoutMs)}.`,
        `Check that the server is up and that nothing (firewall, proxy) holds the connection; Windows would report a timeout such as ${TIMEOUT.hresult} (WinHTTP ${TIMEOUT.code}).`,
      );
    case "connect":
      return finding(
        "connect-failed",
        `The ${what} could not connect: ${failure.message}.`,
        `Make sure the server listens on port 443 and the firewall lets devices in (WinHTTP ${CANNOT_CONNECT.code}, ${CANNOT_CONNECT.name}).`,
      );
    case "tls":
      return finding(
        "tls-failed",
        `The TLS handshake failed: ${failure.message}.`,
        `Check the server's certificate and TLS configuration (WinHTTP ${SECURE_FAILURE.code}, ${SECURE_FAILURE.name}).`,
      );
    case "too-large":
      return finding(
        "response-too-large",
        `The ${what} answer is larger than the probe accepts: ${failure.message}.`,
        "A Discover response is a few kilobytes; check what the server sends.",
      );
    default:
      return finding("request-failed", `The ${what} failed: ${failure.message}.`);
  }
}
