import { LINK_PARAMETER_FACTS, type LinkParamName } from "./params.js";

const SECRET_PARAMS = new Set<string>(
  LINK_PARAMETER_FACTS.filter((p) => p.secret).map((p) => p.name),
);

/**
 * Hides a secret value but keeps enough to tell two apart: its last four characters.
 *
 * @example
 * maskSecret("eyJhbGciOiJSUzI1NiJ9.abcd"); // "********…abcd"
 */
export function maskSecret(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${"*".repeat(8)}…${value.slice(-4)}`;
}

/**
 * Masks the secret parameters (the access token) inside a link or a parameter record.
 *
 * @example
 * maskLinkSecrets("ms-device-enrollment:?mode=mdm&accesstoken=eyJhbGciOiJSUzI1NiJ9.abcd");
 * // "ms-device-enrollment:?mode=mdm&accesstoken=********…abcd"
 */
export function maskLinkSecrets(link: string): string {
  return link.replace(
    /([?&])([^=&]*)=([^&\s]*)/g,
    (whole, lead: string, name: string, value: string) =>
      SECRET_PARAMS.has(name.toLowerCase()) && value !== ""
        ? `${lead}${name}=${maskSecret(value)}`
        : whole,
  );
}

export function isSecretParam(name: string): name is LinkParamName {
  return SECRET_PARAMS.has(name);
}
