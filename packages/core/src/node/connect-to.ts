/**
 * curl's `--connect-to HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT`: requests for HOST:PORT are sent
 * to the other address instead, while the Host header, TLS server name and certificate check stay
 * those of HOST. An empty HOST or PORT matches any; an empty target part keeps the original.
 */
export interface ConnectTo {
  readonly host: string;
  readonly port?: number;
  readonly toHost: string;
  readonly toPort?: number;
}

function splitFields(text: string): string[] {
  const fields: string[] = [];
  let current = "";
  let bracket = false;
  for (const ch of text) {
    if (ch === "[") bracket = true;
    if (ch === "]") bracket = false;
    if (ch === ":" && !bracket) {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

function port(text: string, what: string): number | undefined {
  if (text === "") return undefined;
  if (!/^\d{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    throw new RangeError(`${what} "${text}" is not a port number (1-65535)`);
  }
  return Number(text);
}

/**
 * Parses one `--connect-to` value the way curl does.
 *
 * @example
 * parseConnectTo("enterpriseenrollment.contoso.com:443:127.0.0.1:8443");
 * // { host: "enterpriseenrollment.contoso.com", port: 443, toHost: "127.0.0.1", toPort: 8443 }
 */
export function parseConnectTo(value: string): ConnectTo {
  const fields = splitFields(value.trim());
  if (fields.length !== 4) {
    throw new RangeError(`"${value}" is not HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT`);
  }
  const [host, fromPort, toHost, toPort] = fields as [string, string, string, string];
  const strip = (h: string) => h.replace(/^\[(.*)\]$/, "$1");
  const result: ConnectTo = {
    host: strip(host).toLowerCase(),
    toHost: strip(toHost),
    ...(port(fromPort, "port") !== undefined ? { port: port(fromPort, "port")! } : {}),
    ...(port(toPort, "connect-to port") !== undefined
      ? { toPort: port(toPort, "connect-to port")! }
      : {}),
  };
  return result;
}

/**
 * Where a connection to host:port really goes, given the overrides (first match wins, as in curl).
 *
 * @example
 * applyConnectTo([parseConnectTo("a.example:443:127.0.0.1:8443")], "a.example", 443);
 * // { host: "127.0.0.1", port: 8443, overridden: true }
 */
export function applyConnectTo(
  rules: readonly ConnectTo[],
  host: string,
  portNumber: number,
): { host: string; port: number; overridden: boolean } {
  const wanted = host.toLowerCase();
  for (const rule of rules) {
    if (
      (rule.host === "" || rule.host === wanted) &&
      (rule.port === undefined || rule.port === portNumber)
    ) {
      return {
        host: rule.toHost === "" ? host : rule.toHost,
        port: rule.toPort ?? portNumber,
        overridden: true,
      };
    }
  }
  return { host, port: portNumber, overridden: false };
}
