import type { Citation } from "../sources/sources.js";
import { formatHResult } from "./hresult.js";

/** Text Windows (or its event log) shows, quoted exactly, with where it was seen. */
export interface WindowsMessage {
  readonly text: string;
  readonly source: Citation;
  /**
   * The id of the string resource Windows shows it from (`idErrorAuthenticationFailure`), where a
   * source names it. Several codes share one string, and so one text.
   */
  readonly stringId?: string;
}

/** One row of Microsoft's MDM enrollment error-code table, as the source gives it. */
export interface ScreenMessageRow {
  /** The code, or the name the table gives in its place (`rejectedTermsOfUse`). */
  readonly code: number | string;
  readonly stringId: string;
  /** The constant the table's comment names, exactly (for 0x80180006 the table names 0x80180005's). */
  readonly constant?: string;
  /** Windows' words; `{0}` stands for the code Windows puts there. */
  readonly text: string;
}

/** Microsoft's table of the messages the enrollment app shows for each code. */
export const SCREEN_TABLE: Citation = { doc: "wid-mdm-enrollment-error-codes" };

const SERVER =
  "There was an error communicating with the server. You can try to do this again or contact your system administrator with the error code {0}";
const AUTHENTICATION =
  "There was a problem authenticating your account or device. You can try to do this again or contact your system administrator with the error code {0}.";
const AUTHORIZATION =
  "This user isn't authorized to enroll. You can try to do this again or contact your system administrator with the error code {0}.";
const CERTIFICATE =
  "There was a certificate error. You can try to do this again or contact your system administrator with the error code {0}.";
const DEVICE_LIMIT =
  "Looks like there are too many devices or users for this account. Contact your system administrator with the error code {0}.";
const NOT_SUPPORTED =
  "This feature isn't supported. Contact your system administrator with the error code {0}.";

const row = (
  code: number | string,
  stringId: string,
  constant: string | undefined,
  text: string,
): ScreenMessageRow => ({ code, stringId, ...(constant ? { constant } : {}), text });

/**
 * Every row of the table, in its order: code, string id, the constant its comment names, and the
 * message. The messages are Windows' words, quoted exactly (some end without a full stop after
 * `{0}`, as in the source).
 */
export const SCREEN_MESSAGE_ROWS: readonly ScreenMessageRow[] = [
  row(0x80180001, "idErrorServerConnectivity", "MENROLL_E_DEVICE_MESSAGE_FORMAT_ERROR", SERVER),
  row(
    0x80180002,
    "idErrorAuthenticationFailure",
    "MENROLL_E_DEVICE_AUTHENTICATION_ERROR",
    AUTHENTICATION,
  ),
  row(
    0x80180003,
    "idErrorAuthorizationFailure",
    "MENROLL_E_DEVICE_AUTHORIZATION_ERROR",
    AUTHORIZATION,
  ),
  row(
    0x80180004,
    "idErrorMDMCertificateError",
    "MENROLL_E_DEVICE_CERTIFCATEREQUEST_ERROR",
    CERTIFICATE,
  ),
  row(0x80180005, "idErrorServerConnectivity", "MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR", SERVER),
  row(0x80180006, "idErrorServerConnectivity", "MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR", SERVER),
  row(
    0x80180007,
    "idErrorAuthenticationFailure",
    "MENROLL_E_DEVICE_INVALIDSECURITY_ERROR",
    AUTHENTICATION,
  ),
  row(0x80180008, "idErrorServerConnectivity", "MENROLL_E_DEVICE_UNKNOWN_ERROR", SERVER),
  row(
    0x80180009,
    "idErrorAlreadyInProgress",
    "MENROLL_E_ENROLLMENT_IN_PROGRESS",
    "Another enrollment is in progress. You can try to do this again or contact your system administrator with the error code {0}.",
  ),
  row(
    0x8018000a,
    "idErrorMDMAlreadyEnrolled",
    "MENROLL_E_DEVICE_ALREADY_ENROLLED",
    "This device is already enrolled. You can contact your system administrator with the error code {0}.",
  ),
  row(
    0x8018000d,
    "idErrorMDMCertificateError",
    "MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID",
    CERTIFICATE,
  ),
  row(0x8018000e, "idErrorAuthenticationFailure", "MENROLL_E_PASSWORD_NEEDED", AUTHENTICATION),
  row(0x8018000f, "idErrorAuthenticationFailure", "MENROLL_E_WAB_ERROR", AUTHENTICATION),
  row(0x80180010, "idErrorServerConnectivity", "MENROLL_E_CONNECTIVITY", SERVER),
  row(0x80180012, "idErrorMDMCertificateError", "MENROLL_E_INVALIDSSLCERT", CERTIFICATE),
  row(0x80180013, "idErrorDeviceLimit", "MENROLL_E_DEVICECAPREACHED", DEVICE_LIMIT),
  row(0x80180014, "idErrorMDMNotSupported", "MENROLL_E_DEVICENOTSUPPORTED", NOT_SUPPORTED),
  row(0x80180015, "idErrorMDMNotSupported", "MENROLL_E_NOTSUPPORTED", NOT_SUPPORTED),
  row(
    0x80180016,
    "idErrorMDMRenewalRejected",
    "MENROLL_E_NOTELIGIBLETORENEW",
    "The server did not accept the request. You can try to do this again or contact your system administrator with the error code {0}.",
  ),
  row(
    0x80180017,
    "idErrorMDMAccountMaintenance",
    "MENROLL_E_INMAINTENANCE",
    "The service is in maintenance. You can try to do this again later or contact your system administrator with the error code {0}.",
  ),
  row(
    0x80180018,
    "idErrorMDMLicenseError",
    "MENROLL_E_USERLICENSE",
    "There was an error with your license. You can try to do this again or contact your system administrator with the error code {0}.",
  ),
  row(
    0x80180019,
    "idErrorInvalidServerConfig",
    "MENROLL_E_ENROLLMENTDATAINVALID",
    "Looks like the server isn't correctly configured. You can try to do this again or contact your system administrator with the error code {0}.",
  ),
  row(
    "rejectedTermsOfUse",
    "idErrorRejectedTermsOfUse",
    undefined,
    "Your organization requires that you agree to the Terms of Use. Please try again or ask your support person for more information.",
  ),
  row(0x801c0001, "idErrorServerConnectivity", "DSREG_E_DEVICE_MESSAGE_FORMAT_ERROR", SERVER),
  row(
    0x801c0002,
    "idErrorAuthenticationFailure",
    "DSREG_E_DEVICE_AUTHENTICATION_ERROR",
    AUTHENTICATION,
  ),
  row(
    0x801c0003,
    "idErrorAuthorizationFailure",
    "DSREG_E_DEVICE_AUTHORIZATION_ERROR",
    AUTHORIZATION,
  ),
  row(0x801c0006, "idErrorServerConnectivity", "DSREG_E_DEVICE_INTERNALSERVICE_ERROR", SERVER),
  row(
    0x801c000b,
    "idErrorUntrustedServer",
    "DSREG_E_DISCOVERY_REDIRECTION_NOT_TRUSTED",
    "The server being contacted isn't trusted. Contact your system administrator with the error code {0}.",
  ),
  row(0x801c000c, "idErrorServerConnectivity", "DSREG_E_DISCOVERY_FAILED", SERVER),
  row(
    0x801c000e,
    "idErrorDeviceLimit",
    "DSREG_E_DEVICE_REGISTRATION_QUOTA_EXCCEEDED",
    DEVICE_LIMIT,
  ),
  row(
    0x801c000f,
    "idErrorDeviceRequiresReboot",
    "DSREG_E_DEVICE_REQUIRES_REBOOT",
    "A reboot is required to complete device registration.",
  ),
  row(
    0x801c0010,
    "idErrorInvalidCertificate",
    "DSREG_E_DEVICE_AIK_VALIDATION_ERROR",
    "Looks like you have an invalid certificate. Contact your system administrator with the error code {0}.",
  ),
  row(
    0x801c0011,
    "idErrorAuthenticationFailure",
    "DSREG_E_DEVICE_ATTESTATION_ERROR",
    AUTHENTICATION,
  ),
  row(0x801c0012, "idErrorServerConnectivity", "DSREG_E_DISCOVERY_BAD_MESSAGE_ERROR", SERVER),
  row(0x801c0013, "idErrorAuthenticationFailure", "DSREG_E_TENANTID_NOT_FOUND", AUTHENTICATION),
  row(0x801c0014, "idErrorAuthenticationFailure", "DSREG_E_USERSID_NOT_FOUND", AUTHENTICATION),
];

/**
 * The table's messages for one code (or the name the table gives in place of a code), as catalog
 * messages citing the table.
 *
 * @example
 * screenMessagesFor(0x801c000f)[0]?.text; // "A reboot is required to complete device registration."
 */
export function screenMessagesFor(code: number | string): WindowsMessage[] {
  return SCREEN_MESSAGE_ROWS.filter((r) => r.code === code).map((r) => ({
    text: r.text,
    stringId: r.stringId,
    source: SCREEN_TABLE,
  }));
}

/**
 * The text Windows shows for an enrollment HRESULT, with the code filled in where the table has `{0}`,
 * when the table lists one.
 *
 * @example
 * screenTextFor(0x80180002);
 * // "There was a problem authenticating your account or device. You can try to do this again or
 * //  contact your system administrator with the error code 0x80180002."
 */
export function screenTextFor(hresult: number): string | undefined {
  const row = SCREEN_MESSAGE_ROWS.find((r) => r.code === hresult >>> 0);
  return row?.text.replace("{0}", formatHResult(hresult));
}
