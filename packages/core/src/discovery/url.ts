/** The path every discovery service answers on; MS-MDE2 says it is always the same. */
export const DISCOVERY_PATH = "/EnrollmentServer/Discovery.svc";

/** The label Windows puts in front of the user's domain. */
export const DISCOVERY_LABEL = "EnterpriseEnrollment";

export class DiscoveryInputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "DiscoveryInputError";
  }
}

/**
 * The domain of an e-mail address or of a bare domain, lower-cased and in punycode. Throws
 * {@link DiscoveryInputError} when there is no domain to take (an empty string, `user@`,
 * `domain\user`, a single label such as `localhost`).
 *
 * @example
 * domainOf("Someone@Contoso.com"); // "contoso.com"
 * domainOf("user@bücher.example"); // "xn--bcher-kva.example"
 */
export function domainOf(emailOrDomain: string): string {
  const input = emailOrDomain.trim();
  if (input === "")
    throw new DiscoveryInputError(
      "no e-mail address or domain given",
      "pass the user's e-mail address, e.g. someone@contoso.com",
    );
  if (input.includes("\\")) {
    throw new DiscoveryInputError(
      `"${input}" is a domain\\user name, which has no DNS domain for discovery`,
      "Windows cannot discover a server from domain\\user; give the user's e-mail address (UPN), or the server's URL",
    );
  }
  const at = input.lastIndexOf("@");
  const domain = (at >= 0 ? input.slice(at + 1) : input).replace(/\.$/, "");
  if (domain === "")
    throw new DiscoveryInputError(
      `"${input}" has no domain after the @`,
      "give the whole e-mail address, e.g. someone@contoso.com",
    );
  if (/[/:?#\s]/.test(domain)) {
    throw new DiscoveryInputError(
      `"${domain}" is not a valid domain name`,
      "pass a domain such as contoso.com, or the full https:// URL of the discovery service",
    );
  }
  let host: string;
  try {
    host = new URL(`https://${domain}/`).hostname;
  } catch {
    throw new DiscoveryInputError(
      `"${domain}" is not a valid domain name`,
      "a domain is labels separated by dots, e.g. contoso.com",
    );
  }
  if (!host.includes(".") || /^[0-9.]+$/.test(host) || host.startsWith("[")) {
    throw new DiscoveryInputError(
      `"${domain}" is not a DNS domain Windows could discover from`,
      "use the domain of the user's e-mail address, e.g. contoso.com",
    );
  }
  return host;
}

/**
 * The URL Windows tries for a user: `https://EnterpriseEnrollment.<domain>/EnrollmentServer/Discovery.svc`,
 * with international domains in punycode.
 *
 * @example
 * discoveryUrl("someone@contoso.com");
 * // "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc"
 */
export function discoveryUrl(emailOrDomain: string): string {
  return `https://${DISCOVERY_LABEL}.${domainOf(emailOrDomain)}${DISCOVERY_PATH}`;
}
