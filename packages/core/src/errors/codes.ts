import type { Citation } from "../sources/sources.js";

/** A numbered error from a Windows component other than enrollment itself. */
export interface NamedCode {
  readonly code: number;
  readonly name: string;
  /** What it means, in winenroll's words. */
  readonly meaning: string;
  readonly source: Citation;
}

const winhttp: Citation = { doc: "winhttp-error-messages" };

function w(code: number, name: string, meaning: string): NamedCode {
  return { code, name: `ERROR_WINHTTP_${name}`, meaning, source: winhttp };
}

/**
 * WinHTTP errors (12000–12184). Windows' enrollment client talks HTTP through WinHTTP, so these
 * show up inside facility 25 (0x8019xxxx) and, as plain Win32 errors, in facility 7 (0x8007xxxx).
 */
export const WINHTTP_ERRORS: readonly NamedCode[] = [
  w(12001, "OUT_OF_HANDLES", "Obsolete; no longer returned."),
  w(12002, "TIMEOUT", "The request timed out: the server did not answer in time."),
  w(12004, "INTERNAL_ERROR", "WinHTTP hit an internal error."),
  w(12005, "INVALID_URL", "The URL is not valid."),
  w(12006, "UNRECOGNIZED_SCHEME", "The URL uses a scheme other than http: or https:."),
  w(12007, "NAME_NOT_RESOLVED", "DNS could not resolve the server name."),
  w(12009, "INVALID_OPTION", "An invalid option value was set on the request."),
  w(12011, "OPTION_NOT_SETTABLE", "An option that can only be read was set."),
  w(12012, "SHUTDOWN", "WinHTTP is shutting down or being unloaded."),
  w(12015, "LOGIN_FAILURE", "The login attempt failed."),
  w(12017, "OPERATION_CANCELLED", "The request was cancelled, usually because its handle closed."),
  w(12018, "INCORRECT_HANDLE_TYPE", "A handle of the wrong type was used."),
  w(12019, "INCORRECT_HANDLE_STATE", "A handle was used in the wrong state."),
  w(
    12029,
    "CANNOT_CONNECT",
    "The connection to the server failed (nothing listening, or blocked).",
  ),
  w(
    12030,
    "CONNECTION_ERROR",
    "The connection was reset or closed, or the TLS protocol versions did not match.",
  ),
  w(12032, "RESEND_REQUEST", "The request has to be sent again."),
  w(12037, "SECURE_CERT_DATE_INVALID", "The server certificate is expired or not yet valid."),
  w(12038, "SECURE_CERT_CN_INVALID", "The server certificate does not name the host connected to."),
  w(12044, "CLIENT_AUTH_CERT_NEEDED", "The server asks for a client certificate."),
  w(12045, "SECURE_INVALID_CA", "The server certificate chains to a CA the device does not trust."),
  w(
    12057,
    "SECURE_CERT_REV_FAILED",
    "Revocation could not be checked: the revocation server is offline.",
  ),
  w(12150, "HEADER_NOT_FOUND", "A requested header is not in the response."),
  w(12152, "INVALID_SERVER_RESPONSE", "The server's response could not be parsed."),
  w(12156, "REDIRECT_FAILED", "A redirect failed: the scheme changed or too many redirects."),
  w(
    12157,
    "SECURE_CHANNEL_ERROR",
    "The TLS channel failed (an SEC_E_ or SEC_I_ error underneath).",
  ),
  w(12166, "BAD_AUTO_PROXY_SCRIPT", "The proxy auto-configuration (PAC) script failed."),
  w(
    12167,
    "UNABLE_TO_DOWNLOAD_SCRIPT",
    "The proxy auto-configuration (PAC) file could not be downloaded.",
  ),
  w(12169, "SECURE_INVALID_CERT", "The server certificate is invalid."),
  w(12170, "SECURE_CERT_REVOKED", "The server certificate has been revoked."),
  w(12175, "SECURE_FAILURE", "A TLS certificate error: the server certificate failed validation."),
  w(12178, "AUTO_PROXY_SERVICE_ERROR", "No proxy could be found for the URL."),
  w(
    12179,
    "SECURE_CERT_WRONG_USAGE",
    "The server certificate is not valid for server authentication.",
  ),
  w(12180, "AUTODETECTION_FAILED", "The proxy auto-configuration URL could not be discovered."),
  w(12181, "HEADER_COUNT_EXCEEDED", "The response has more headers than WinHTTP accepts."),
  w(12182, "HEADER_SIZE_OVERFLOW", "The response headers are larger than allowed."),
  w(12183, "CHUNKED_ENCODING_HEADER_SIZE_OVERFLOW", "Parsing a chunked response overflowed."),
  w(12184, "RESPONSE_DRAIN_OVERFLOW", "The response is larger than WinHTTP's internal limit."),
];

const systemErrors: Citation = { doc: "win32-system-error-codes" };

function e(code: number, name: string, meaning: string): NamedCode {
  return { code, name, meaning, source: systemErrors };
}

/** Common Win32 errors met around enrollment (facility 7, 0x8007xxxx). */
export const WIN32_ERRORS: readonly NamedCode[] = [
  e(2, "ERROR_FILE_NOT_FOUND", "A file was not found."),
  e(3, "ERROR_PATH_NOT_FOUND", "A path was not found."),
  e(5, "ERROR_ACCESS_DENIED", "Access is denied (often: not running as an administrator)."),
  e(8, "ERROR_NOT_ENOUGH_MEMORY", "Not enough memory."),
  e(13, "ERROR_INVALID_DATA", "The data is invalid."),
  e(50, "ERROR_NOT_SUPPORTED", "The request is not supported."),
  e(87, "ERROR_INVALID_PARAMETER", "A parameter is incorrect."),
  e(1168, "ERROR_NOT_FOUND", "An element was not found."),
  e(1223, "ERROR_CANCELLED", "The user cancelled the operation."),
  e(1326, "ERROR_LOGON_FAILURE", "The user name or password is incorrect."),
  e(1355, "ERROR_NO_SUCH_DOMAIN", "The domain does not exist or could not be contacted."),
  e(1460, "ERROR_TIMEOUT", "The operation timed out."),
  e(
    1612,
    "ERROR_INSTALL_SOURCE_ABSENT",
    "The installation source is not available (the generic text; enrollment reuses the number).",
  ),
  e(1629, "ERROR_DATATYPE_MISMATCH", "A value's data type does not match the expected type."),
  e(1722, "RPC_S_SERVER_UNAVAILABLE", "The RPC server is unavailable."),
  e(1908, "ERROR_DOMAIN_CONTROLLER_NOT_FOUND", "No domain controller could be found."),
];

const rfc9110: Citation = { doc: "rfc-9110", section: "15. Status Codes" };

function h(code: number, name: string, meaning: string): NamedCode {
  return { code, name, meaning, source: rfc9110 };
}

/** HTTP status codes, as they appear in facility 25 (0x80190190 is 400). */
export const HTTP_STATUSES: readonly NamedCode[] = [
  h(400, "Bad Request", "The server rejected the request as malformed."),
  h(401, "Unauthorized", "The server wants authentication that was not given or was refused."),
  h(403, "Forbidden", "The server refuses the request."),
  h(404, "Not Found", "Nothing answers at this path on the server."),
  h(405, "Method Not Allowed", "The server does not accept this method (GET or POST) here."),
  h(
    407,
    "Proxy Authentication Required",
    "A proxy between the device and the server wants credentials.",
  ),
  h(408, "Request Timeout", "The server gave up waiting for the request."),
  h(409, "Conflict", "The request conflicts with the server's state."),
  h(410, "Gone", "The resource is gone for good."),
  h(411, "Length Required", "The server wants a Content-Length header."),
  h(413, "Content Too Large", "The request body is too large for the server."),
  h(415, "Unsupported Media Type", "The server does not accept the request's content type."),
  {
    ...h(429, "Too Many Requests", "The server is throttling: come back later."),
    source: { doc: "rfc-6585", section: "4" },
  },
  h(500, "Internal Server Error", "The server failed while handling the request."),
  h(501, "Not Implemented", "The server does not support the request."),
  h(502, "Bad Gateway", "A gateway or proxy got a bad answer from the server behind it."),
  h(503, "Service Unavailable", "The server is overloaded or down for maintenance."),
  h(504, "Gateway Timeout", "A gateway or proxy timed out waiting for the server behind it."),
];

/** What the facility field of an HRESULT names, for the facilities met in enrollment. */
export interface FacilityInfo {
  readonly facility: number;
  readonly name: string;
  readonly description: string;
  readonly source: Citation;
}

const hresultDoc: Citation = { doc: "win32-hresult-structure" };
const mdmHeader: Citation = { doc: "sdk-mdmregistration-h" };

export const FACILITIES: readonly FacilityInfo[] = [
  { facility: 0, name: "FACILITY_NULL", description: "general COM errors", source: hresultDoc },
  { facility: 1, name: "FACILITY_RPC", description: "RPC errors", source: hresultDoc },
  {
    facility: 4,
    name: "FACILITY_ITF",
    description: "interface-specific errors",
    source: hresultDoc,
  },
  {
    facility: 7,
    name: "FACILITY_WIN32",
    description: "a Win32 error code in the low 16 bits",
    source: hresultDoc,
  },
  {
    facility: 9,
    name: "FACILITY_SECURITY",
    description: "security and TLS (SSPI) errors",
    source: hresultDoc,
  },
  { facility: 11, name: "FACILITY_CERT", description: "certificate errors", source: hresultDoc },
  {
    facility: 12,
    name: "FACILITY_INTERNET",
    description: "internet (WinINet) errors",
    source: hresultDoc,
  },
  {
    facility: 24,
    name: "DEVICE_ENROLLER_FACILITY_CODE",
    description:
      "MDM enrollment errors (MENROLL_E_*), Windows 10 and later; winerror.h names facility 24 FACILITY_WINDOWS_CE",
    source: mdmHeader,
  },
  {
    facility: 25,
    name: "MDM_REGISTRATION_FACILITY_CODE",
    description:
      "MDM registration errors (MREGISTER_E_*, Windows 8.0–8.1); the enrollment client also reports HTTP statuses and WinHTTP errors here; winerror.h names facility 25 FACILITY_HTTP",
    source: mdmHeader,
  },
  {
    facility: 28,
    name: "no FACILITY_ name found in any source",
    description:
      "device registration errors (Microsoft's tables name its codes DSREG_E_* and DSREG_AUTOJOIN_*); winerror.h defines no facility 28",
    source: { doc: "winerror-h", section: "FACILITY_* (26, 27, then 31)" },
  },
];
