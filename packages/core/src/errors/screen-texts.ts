/**
 * The text Windows shows on screen when MDM enrollment fails, per HRESULT, as Microsoft's
 * enrollment error table lists it. `{0}` stands for the code, as in the table.
 */
import type { Citation } from "../sources/sources.js";
import { formatHResult } from "./hresult.js";

const table: Citation = {
  doc: "wid-mdm-enrollment-error-codes",
  section: "MDM enrollment error codes (included by the Entra integration article)",
};

const TRY_AGAIN =
  " You can try to do this again or contact your system administrator with the error code {0}.";
const CONTACT = " Contact your system administrator with the error code {0}.";

/** The table's texts by their string id (`idError<Name>` without the prefix). */
export const SCREEN_TEXTS = {
  ServerConnectivity: `There was an error communicating with the server.${TRY_AGAIN.slice(0, -1)}`,
  AuthenticationFailure: `There was a problem authenticating your account or device.${TRY_AGAIN}`,
  AuthorizationFailure: `This user isn't authorized to enroll.${TRY_AGAIN}`,
  MDMCertificateError: `There was a certificate error.${TRY_AGAIN}`,
  AlreadyInProgress: `Another enrollment is in progress.${TRY_AGAIN}`,
  MDMAlreadyEnrolled:
    "This device is already enrolled. You can contact your system administrator with the error code {0}.",
  DeviceLimit: `Looks like there are too many devices or users for this account.${CONTACT}`,
  MDMNotSupported: `This feature isn't supported.${CONTACT}`,
  MDMRenewalRejected: `The server did not accept the request.${TRY_AGAIN}`,
  MDMAccountMaintenance:
    "The service is in maintenance. You can try to do this again later or contact your system administrator with the error code {0}.",
  MDMLicenseError: `There was an error with your license.${TRY_AGAIN}`,
  InvalidServerConfig: `Looks like the server isn't correctly configured.${TRY_AGAIN}`,
  UntrustedServer: `The server being contacted isn't trusted.${CONTACT}`,
  InvalidCertificate: `Looks like you have an invalid certificate.${CONTACT}`,
} as const;

export type ScreenTextId = keyof typeof SCREEN_TEXTS;

/** Which text each MENROLL_E HRESULT shows, per the table. */
export const SCREEN_TEXT_BY_HRESULT: ReadonlyMap<number, ScreenTextId> = new Map<
  number,
  ScreenTextId
>([
  [0x80180001, "ServerConnectivity"],
  [0x80180002, "AuthenticationFailure"],
  [0x80180003, "AuthorizationFailure"],
  [0x80180004, "MDMCertificateError"],
  [0x80180005, "ServerConnectivity"],
  [0x80180006, "ServerConnectivity"],
  [0x80180007, "AuthenticationFailure"],
  [0x80180008, "ServerConnectivity"],
  [0x80180009, "AlreadyInProgress"],
  [0x8018000a, "MDMAlreadyEnrolled"],
  [0x8018000d, "MDMCertificateError"],
  [0x8018000e, "AuthenticationFailure"],
  [0x8018000f, "AuthenticationFailure"],
  [0x80180010, "ServerConnectivity"],
  [0x80180012, "MDMCertificateError"],
  [0x80180013, "DeviceLimit"],
  [0x80180014, "MDMNotSupported"],
  [0x80180015, "MDMNotSupported"],
  [0x80180016, "MDMRenewalRejected"],
  [0x80180017, "MDMAccountMaintenance"],
  [0x80180018, "MDMLicenseError"],
  [0x80180019, "InvalidServerConfig"],
]);

/** Where the texts come from. */
export const SCREEN_TEXT_SOURCE: Citation = table;

/**
 * The text Windows shows for an enrollment HRESULT, with the code filled in, when the table lists one.
 *
 * @example
 * screenTextFor(0x80180002);
 * // "There was a problem authenticating your account or device. You can try to do this again or
 * //  contact your system administrator with the error code 0x80180002."
 */
export function screenTextFor(hresult: number): string | undefined {
  const id = SCREEN_TEXT_BY_HRESULT.get(hresult >>> 0);
  return id ? SCREEN_TEXTS[id].replace("{0}", formatHResult(hresult)) : undefined;
}
