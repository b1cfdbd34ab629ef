import { maskSecret } from "../link/secrets.js";

/**
 * Nodes whose value is a secret: DM-level credentials of the w7 APPAUTH block, passwords, tokens,
 * certificate blobs with their keys. Matched on the last segment of an Item's LocURI.
 */
const SECRET_NODE = /\/(?:[^/<]*(?:secret|password|token)[^/<]*|AAUTHDATA|PFXCertBlob)<\/LocURI>/i;
/** The 1224 alert that carries the Entra user token. */
const TOKEN_TYPE = /com\.microsoft\/MDM\/AADUserToken/i;

function maskData(block: string): string {
  return block.replace(
    /(<Data>)([^<]*)(<\/Data>)/g,
    (_, open: string, value: string, close: string) => `${open}${maskSecret(value)}${close}`,
  );
}

/**
 * Masks the secrets a SyncML message can carry, for a trace: the Data of `<Cred>`, of Items that
 * address a secret node (a password, a token, a DM secret), and of the AADUserToken alert.
 *
 * @example
 * maskSyncMLSecrets("<Cred><Data>c2VjcmV0LXZhbHVl</Data></Cred>"); // "<Cred><Data>********…ZHVl</Data></Cred>"
 */
export function maskSyncMLSecrets(xml: string): string {
  return xml
    .replace(/<Cred>[\s\S]*?<\/Cred>/g, maskData)
    .replace(/<Item>[\s\S]*?<\/Item>/g, (item) =>
      SECRET_NODE.test(item) || TOKEN_TYPE.test(item) ? maskData(item) : item,
    );
}
