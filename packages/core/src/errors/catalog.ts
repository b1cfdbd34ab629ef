import type { Citation } from "../sources/sources.js";
import {
  SCREEN_MESSAGE_ROWS,
  SCREEN_TABLE,
  screenMessagesFor,
  type WindowsMessage,
} from "./screen-messages.js";

export type { WindowsMessage } from "./screen-messages.js";

/**
 * Which part of Windows reports the code. The same number can mean different things in different
 * parts (Workplace Join reuses 0x8018000x), so an entry always says where it comes from.
 */
export type ErrorOrigin =
  | "mdm-enrollment"
  | "mdm-registration"
  | "workplace-join"
  | "device-registration"
  | "autopilot"
  | "intune-pc-agent"
  | "discovery";

/** A SOAP fault an enrollment server can send, and how it is spelled on the wire. */
export interface SoapFault {
  /** Namespace prefix in MS-MDE2's table: `s` (SOAP envelope) or `a` (WS-Addressing). */
  readonly namespace: "s" | "a";
  /** Where it goes: the fault subcode, or the `errortype` of DeviceEnrollmentServiceError. */
  readonly element: "subcode" | "errortype";
  readonly value: string;
}

/** One explanation of one error code or message. */
export interface ErrorCatalogEntry {
  /** Stable kebab-case id. */
  readonly id: string;
  /** The HRESULT as an unsigned 32-bit number; absent for message-only entries. */
  readonly hresult?: number;
  /** Constant names, the usual spelling first, then aliases seen in headers, metadata and docs. */
  readonly names: readonly string[];
  readonly origin: ErrorOrigin;
  readonly faults?: readonly SoapFault[];
  /** What the code means, in winenroll's words. */
  readonly meaning: string;
  readonly causes: readonly string[];
  /** What to do, in winenroll's words. */
  readonly actions: readonly string[];
  /** Exact text Windows shows for it, where known. */
  readonly messages?: readonly WindowsMessage[];
  /** The Windows release that introduced it, where a source says so. */
  readonly since?: string;
  /** Where sources disagree about this number or name: said in words, with the other entries. */
  readonly conflict?: { readonly note: string; readonly with: readonly string[] };
  readonly sources: readonly Citation[];
}

const header: Citation = { doc: "sdk-mdmregistration-h" };
const constantsDoc: Citation = { doc: "win32-mdm-registration-constants" };
const metadata: Citation = { doc: "win32-metadata-mdm" };
const mde2Faults: Citation = { doc: "ms-mde2", section: "2.2.10 SOAP Faults" };
const widFaults: Citation = {
  doc: "wid-mobile-device-enrollment",
  section: "Enrollment error messages",
};
const intune: Citation = { doc: "intune-enrollment-errors" };
const wpj: Citation = { doc: "winevt-kb-deviceregistration" };

const winerror: Citation = { doc: "winerror-h" };
const hybridJoin: Citation = {
  doc: "entra-hybrid-join-troubleshoot",
  section: "Step 4: Discover phase, Common error codes",
};

const MENROLL = [header, constantsDoc, metadata] as const;

/** The origins whose numbers the screen-message table speaks for (not Workplace Join's reuse). */
const SCREEN_ORIGINS: readonly ErrorOrigin[] = ["mdm-enrollment", "device-registration"];

function fault(namespace: "s" | "a", value: string): SoapFault {
  return { namespace, element: "subcode", value };
}
function errortype(value: string): SoapFault {
  return { namespace: "s", element: "errortype", value };
}

const CANCEL_CONFLICT =
  "Two generations of Microsoft's definitions disagree: the SDK header MDMRegistration.h defines user-cancelled as 0x8018002A (code 42) and MDM-not-configured as 0x8018002B (code 43); winerror.h, Win32 metadata and the Win32 docs list 0x80180030 and 0x80180031 for the same names. Metadata even carries both spellings, MENROLL_E_USER_CANCELED (0x8018002A) and MENROLL_E_USER_CANCELLED (0x80180030). Field reports of 0x8018002B with MDM-not-configured causes side with the header.";

const WPJ_CONFLICT =
  "The same number is also defined by Workplace Join (deviceregistration.dll) with a different meaning; which one applies depends on the component that reported it.";

/**
 * Every enrollment error winenroll knows: the MENROLL_E_* and MREGISTER_E_* constants with their
 * aliases, the SOAP faults servers send, the field causes Intune documents, the Workplace Join
 * reuse of the same numbers, and the messages Windows shows without a code.
 */
const ENTRIES: readonly ErrorCatalogEntry[] = [
  {
    id: "e-datatype-mismatch",
    hresult: 0x8007065d,
    names: ["E_DATATYPE_MISMATCH"],
    origin: "mdm-enrollment",
    meaning: "A value did not have the data type the enrollment client expected.",
    causes: [
      "A provisioning or policy value sent by the server has the wrong type (for example text where a number is expected).",
    ],
    actions: [
      "Check the types of the values in the server's provisioning XML against the CSP's DDF.",
    ],
    sources: [constantsDoc, metadata],
  },
  {
    id: "menroll-e-device-message-format-error",
    hresult: 0x80180001,
    names: ["MENROLL_E_DEVICE_MESSAGE_FORMAT_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("s", "MessageFormat")],
    meaning:
      "The server says the message format is bad, or the client could not read the server's message.",
    causes: [
      "The request or response does not follow the MS-MDE2 schema.",
      "A proxy or load balancer altered the SOAP message.",
    ],
    actions: [
      "Compare the server's SOAP messages with the MS-MDE2 samples; check the server log for schema errors.",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-authentication-error",
    hresult: 0x80180002,
    names: ["MENROLL_E_DEVICE_AUTHENTICATION_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("s", "Authentication")],
    meaning: "The server could not authenticate the user.",
    causes: [
      "Wrong user name or password.",
      "The federated token was missing, expired or not accepted by the server.",
    ],
    actions: [
      "Have the user sign in again with the right account; check the server's authentication logs.",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-authorization-error",
    hresult: 0x80180003,
    names: ["MENROLL_E_DEVICE_AUTHORIZATION_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("s", "Authorization")],
    meaning: "The user was recognised but is not allowed to enroll.",
    causes: [
      "The user has no MDM licence or is outside the group allowed to enroll.",
      "The user's device limit is reached, or an enrollment restriction blocks Windows devices.",
    ],
    actions: [
      "Check the user's licence and the enrollment restrictions and device limit in the MDM service.",
      "See also 0x801C0003, which shows the same text on Microsoft Entra join.",
    ],
    messages: [
      {
        text: "This user is not authorized to enroll.",
        source: { doc: "intune-user-not-authorized" },
      },
    ],
    sources: [...MENROLL, mde2Faults, widFaults, { doc: "intune-user-not-authorized" }],
  },
  {
    id: "menroll-e-device-certificaterequest-error",
    hresult: 0x80180004,
    names: [
      "MENROLL_E_DEVICE_CERTIFCATEREQUEST_ERROR",
      "MENROLL_E_DEVICE_CERTIFICATEREQUEST_ERROR",
    ],
    origin: "mdm-enrollment",
    faults: [fault("s", "CertificateRequest")],
    meaning: "The server could not issue the device certificate.",
    causes: [
      "The enrollment service account lacks permission on the certificate template.",
      "The certification authority cannot be reached.",
    ],
    actions: [
      "Check the certificate template's permissions and that the CA is online and reachable from the enrollment server.",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-configmgrserver-error",
    hresult: 0x80180005,
    names: ["MENROLL_E_DEVICE_CONFIGMGRSERVER_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("s", "EnrollmentServer")],
    meaning:
      "The management server failed in general, for example it could not reach its database.",
    causes: ["A fault inside the management server or its database."],
    actions: ["Look at the management server's own logs; retry once it is healthy."],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-internalservice-error",
    hresult: 0x80180006,
    names: ["MENROLL_E_DEVICE_INTERNALSERVICE_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("a", "InternalServiceFault")],
    meaning: "The server hit an unhandled error.",
    // Microsoft's screen-message table labels this row with 0x80180005's constant; the number,
    // the headers and MS-MDE2 agree it is INTERNALSERVICE.
    causes: ["A bug or crash in the server's enrollment handler."],
    actions: [
      "Collect the server's trace for the request (the fault's TraceId helps) and fix the server.",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-invalidsecurity-error",
    hresult: 0x80180007,
    names: ["MENROLL_E_DEVICE_INVALIDSECURITY_ERROR"],
    origin: "mdm-enrollment",
    faults: [fault("a", "InvalidSecurity")],
    meaning:
      "The server could not read or accept the security header. Sources word it differently: MS-MDE2 says the security header could not be parsed, the enrollment docs say the account could not be validated, the Win32 docs repeat the unhandled-exception text of 0x80180006.",
    causes: [
      "The WS-Security header is malformed, or the token in it is not one the server accepts.",
    ],
    actions: [
      "Check the token type the server expects against what the client sends (BinarySecurityToken ValueType).",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-device-unknown-error",
    hresult: 0x80180008,
    names: ["MENROLL_E_DEVICE_UNKNOWN_ERROR"],
    origin: "mdm-enrollment",
    meaning: "The server failed with an error it did not classify.",
    causes: ["An unexpected server-side failure."],
    actions: ["Look at the server's logs for the time of the attempt."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-enrollment-in-progress",
    hresult: 0x80180009,
    names: ["MENROLL_E_ENROLLMENT_IN_PROGRESS"],
    origin: "mdm-enrollment",
    meaning: "Another enrollment is already running on this device.",
    causes: [
      "A second enrollment was started before the first finished (for example automatic enrollment and a manual one).",
    ],
    actions: ["Wait for the running enrollment to finish or fail, then try again."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-device-already-enrolled",
    hresult: 0x8018000a,
    names: ["MENROLL_E_DEVICE_ALREADY_ENROLLED"],
    origin: "mdm-enrollment",
    meaning: "The device is already enrolled in device management.",
    causes: [
      "Another user already enrolled the device or joined it to Microsoft Entra ID.",
      "A leftover enrollment from an earlier MDM is still on the device.",
    ],
    actions: [
      "Find the existing connection in Settings > Accounts > Access work or school and remove it (or have the server unenroll it), then enroll again.",
    ],
    messages: [{ text: "Something went wrong. The device is already enrolled.", source: intune }],
    conflict: { note: WPJ_CONFLICT, with: ["wpj-0x8018000a"] },
    sources: [...MENROLL, intune],
  },
  {
    id: "menroll-e-device-not-enrolled",
    hresult: 0x8018000b,
    names: ["MENROLL_E_DEVICE_NOT_ENROLLED"],
    origin: "mdm-enrollment",
    meaning: "The operation needs an enrollment but the device is not enrolled.",
    causes: ["Unenroll or renewal was attempted on a device with no enrollment."],
    actions: [
      "Enroll the device first; for stale server records, delete the device on the server.",
    ],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-discovery-sec-cert-date-invalid",
    hresult: 0x8018000d,
    names: ["MENROLL_E_DISCOVERY_SEC_CERT_DATE_INVALID"],
    origin: "mdm-enrollment",
    meaning: "During discovery, the server's certificate was outside its validity dates.",
    causes: [
      "The discovery server's TLS certificate has expired or is not valid yet.",
      "The device clock is wrong.",
    ],
    actions: ["Renew the discovery server's certificate; check the device's date and time."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-password-needed",
    hresult: 0x8018000e,
    names: ["MENROLL_E_PASSWORD_NEEDED"],
    origin: "mdm-enrollment",
    meaning: "A password was needed but none was given.",
    causes: ["The on-premises (OnPremise) flow needs a password and the user left it empty."],
    actions: ["Enter the password when asked."],
    conflict: { note: WPJ_CONFLICT, with: ["wpj-0x8018000e"] },
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-wab-error",
    hresult: 0x8018000f,
    names: ["MENROLL_E_WAB_ERROR"],
    origin: "mdm-enrollment",
    meaning:
      "The web sign-in page (web authentication broker) used by federated enrollment failed.",
    causes: [
      "The AuthenticationServiceUrl page failed, or did not post the token back to the ms-app:// address.",
    ],
    actions: [
      "Open the AuthenticationServiceUrl in a browser and check that it loads and completes the sign-in.",
    ],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-connectivity",
    hresult: 0x80180010,
    names: ["MENROLL_E_CONNECTIVITY"],
    origin: "mdm-enrollment",
    meaning: "A network error stopped enrollment, such as a failed DNS lookup or a timeout.",
    causes: ["No network, a proxy or firewall in the way, or a name that does not resolve."],
    actions: [
      "Check the device's network and proxy; run `winenroll discover` against the user's domain.",
    ],
    sources: [...MENROLL],
  },
  {
    id: "menroll-s-enrollment-suspended",
    hresult: 0x00180011,
    names: ["MENROLL_S_ENROLLMENT_SUSPENDED"],
    origin: "mdm-enrollment",
    meaning: "A success code: enrollment was suspended. No longer used.",
    causes: ["Older Windows builds only."],
    actions: ["Nothing to do on current Windows."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-invalidsslcert",
    hresult: 0x80180012,
    names: ["MENROLL_E_INVALIDSSLCERT"],
    origin: "mdm-enrollment",
    meaning: "The server's TLS certificate was not valid.",
    causes: [
      "A self-signed or private-CA certificate the device does not trust, a name mismatch, or an incomplete chain.",
    ],
    actions: [
      "Use a certificate from a CA the device trusts, serve the full chain, and cover the host name; check with `winenroll discover`.",
    ],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-devicecapreached",
    hresult: 0x80180013,
    // winerror.h up to SDK 10.0.20348.0 spells it DEVICEAPREACHED; Win32 metadata keeps both.
    names: ["MENROLL_E_DEVICECAPREACHED", "MENROLL_E_DEVICEAPREACHED"],
    origin: "mdm-enrollment",
    faults: [errortype("DeviceCapReached")],
    meaning: "The user has already enrolled as many devices as allowed.",
    causes: ["The per-user device limit in the MDM service is reached."],
    actions: [
      "Remove or unenroll devices the user no longer uses (no admin needed), or raise the limit.",
    ],
    sources: [...MENROLL, mde2Faults, winerror],
  },
  {
    id: "menroll-e-devicenotsupported",
    hresult: 0x80180014,
    names: ["MENROLL_E_DEVICENOTSUPPORTED"],
    origin: "mdm-enrollment",
    faults: [errortype("DeviceNotSupported")],
    meaning: "The server does not support this platform or this version of Windows.",
    causes: [
      "In Intune: an enrollment restriction blocks the Windows (MDM) platform, or the Windows version is outside the allowed range.",
      "The server requires a newer Windows release than the device runs.",
    ],
    actions: [
      "Allow Windows (MDM) in the enrollment restrictions that apply to the user, or widen the allowed versions.",
      "Otherwise upgrade the device to a release the server supports.",
    ],
    messages: [
      { text: "Your organization does not support this version of Windows.", source: intune },
    ],
    sources: [...MENROLL, mde2Faults, intune],
  },
  {
    id: "menroll-e-notsupported",
    hresult: 0x80180015,
    names: ["MENROLL_E_NOTSUPPORTED", "MENROLL_E_NOT_SUPPORTED"],
    origin: "mdm-enrollment",
    faults: [errortype("NotSupported")],
    meaning: "The server does not support device management for this device at all.",
    causes: ["The service is not set up for Windows devices."],
    actions: [
      "Check that the MDM service supports Windows and that it is turned on for the tenant.",
    ],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-noteligibletorenew",
    hresult: 0x80180016,
    names: ["MENROLL_E_NOTELIGIBLETORENEW", "MREGISTER_E_NOTELIGIBLETORENEW"],
    origin: "mdm-enrollment",
    faults: [errortype("NotEligibleToRenew")],
    meaning: "The server refused to renew the enrollment certificate.",
    causes: [
      "The device clock is wrong.",
      "The enrollment is too old or was removed on the server.",
    ],
    actions: ["Fix the device's date and time; if it still fails, unenroll and enroll again."],
    conflict: {
      note: "The Win32 constants page labels this value MREGISTER_E_NOTELIGIBLETORENEW; the header and metadata call it MENROLL_E_NOTELIGIBLETORENEW. Same number, same meaning.",
      with: [],
    },
    sources: [...MENROLL, mde2Faults],
  },
  {
    id: "menroll-e-inmaintenance",
    hresult: 0x80180017,
    names: ["MENROLL_E_INMAINTENANCE"],
    origin: "mdm-enrollment",
    faults: [errortype("InMaintenance")],
    meaning: "The account is in maintenance on the server.",
    causes: ["The MDM service is migrating or servicing the tenant."],
    actions: ["Try again later."],
    sources: [...MENROLL, mde2Faults],
  },
  {
    id: "menroll-e-userlicense",
    hresult: 0x80180018,
    names: ["MENROLL_E_USERLICENSE", "MENROLL_E_USER_LICENSE"],
    origin: "mdm-enrollment",
    faults: [errortype("UserLicense")],
    meaning: "The user's licence is in a state that blocks enrollment.",
    causes: ["The user has no MDM licence, or it expired or was removed."],
    actions: ["Assign a valid MDM licence to the user (an admin task)."],
    sources: [...MENROLL, mde2Faults, widFaults],
  },
  {
    id: "menroll-e-enrollmentdatainvalid",
    hresult: 0x80180019,
    names: ["MENROLL_E_ENROLLMENTDATAINVALID"],
    origin: "mdm-enrollment",
    faults: [errortype("InvalidEnrollmentData")],
    meaning: "The server rejected the enrollment data the device sent.",
    causes: [
      "The server is misconfigured, or expects enrollment data (such as an access token) the device did not send.",
    ],
    actions: ["Check the server configuration and what it expects in the enrollment request."],
    sources: [...MENROLL, mde2Faults],
  },
  {
    id: "menroll-e-insecureredirect",
    hresult: 0x8018001a,
    names: ["MENROLL_E_INSECUREREDIRECT"],
    origin: "mdm-enrollment",
    meaning: "The server asked to move from HTTPS to HTTP and the user did not allow it.",
    causes: [
      "HTTPS to the discovery host failed (often an untrusted certificate) and plain HTTP redirected elsewhere.",
    ],
    actions: [
      "Serve discovery over HTTPS with a trusted certificate so no HTTP fallback is needed.",
    ],
    sources: [...MENROLL, { doc: "wid-federated-enrollment", section: "Discovery service" }],
  },
  {
    id: "menroll-e-platform-wrong-state",
    hresult: 0x8018001b,
    names: ["MENROLL_E_PLATFORM_WRONG_STATE"],
    origin: "mdm-enrollment",
    meaning:
      "The operation does not fit the device's state, such as enrolling twice or unenrolling an unknown enrollment.",
    causes: ["A repeated enrollment or an unenroll of something that is not there."],
    actions: ["Check the existing connections under Access work or school before retrying."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-platform-license-error",
    hresult: 0x8018001c,
    names: ["MENROLL_E_PLATFORM_LICENSE_ERROR"],
    origin: "mdm-enrollment",
    meaning: "This Windows edition does not support this kind of enrollment.",
    causes: ["The installed edition (for example Home) lacks the feature."],
    actions: ["Upgrade to Pro, Enterprise or Education, or use a method the edition supports."],
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-platform-unknown-error",
    hresult: 0x8018001d,
    names: ["MENROLL_E_PLATFORM_UNKNOWN_ERROR"],
    origin: "mdm-enrollment",
    meaning: "An unclassified error on the device side.",
    causes: ["A client-side failure without a more specific code."],
    actions: [
      "Export the management logs (Access work or school > Export your management logs) and look at the DeviceManagement-Enterprise-Diagnostics-Provider events.",
    ],
    sources: [...MENROLL],
  },
  ...provisioning(),
  {
    id: "menroll-e-device-management-blocked",
    hresult: 0x80180026,
    names: ["MENROLL_E_DEVICE_MANAGEMENT_BLOCKED"],
    origin: "mdm-enrollment",
    meaning: "Device management is blocked on this device.",
    causes: [
      "Group Policy turns off MDM enrollment, or software called SetManagedExternally().",
      "In Intune: automatic MDM enrollment is on during Microsoft Entra join while the legacy Intune PC agent is installed.",
    ],
    actions: [
      "Remove the block (the Disable MDM Enrollment policy) or uninstall the legacy Intune PC agent, then enroll again.",
    ],
    since: "Windows 10, version 1709",
    sources: [...MENROLL, intune],
  },
  {
    id: "menroll-e-certpolicy-privatekeycreation-failed",
    hresult: 0x80180027,
    names: ["MENROLL_E_CERTPOLICY_PRIVATEKEYCREATION_FAILED"],
    origin: "mdm-enrollment",
    meaning: "The device could not create the private key for its certificate.",
    causes: ["A TPM or key storage provider problem, or a key policy the device cannot meet."],
    actions: [
      "Check the TPM's state (tpm.msc) and the key requirements in the certificate policy.",
    ],
    since: "Windows 10, version 1709",
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-certauth-failed-to-find-cert",
    hresult: 0x80180028,
    names: ["MENROLL_E_CERTAUTH_FAILED_TO_FIND_CERT"],
    origin: "mdm-enrollment",
    meaning: "Certificate authentication was asked for but no suitable certificate was found.",
    causes: [
      "The Certificate auth policy is in use and the user or device has no matching certificate.",
    ],
    actions: ["Deploy the client certificate before enrolling, or offer another AuthPolicy."],
    since: "Windows 10, version 1709",
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-empty-message",
    hresult: 0x80180029,
    names: ["MENROLL_E_EMPTY_MESSAGE"],
    origin: "mdm-enrollment",
    meaning: "The server answered HTTP 200 with an empty body.",
    causes: ["The POST handler returns nothing, or a proxy strips the body."],
    actions: [
      "Make the server answer the POST with a SOAP message; check with `winenroll discover`.",
    ],
    since: "Windows 10, version 1709",
    sources: [...MENROLL],
  },
  {
    id: "menroll-e-user-canceled-header",
    hresult: 0x8018002a,
    names: ["MENROLL_E_USER_CANCELED"],
    origin: "mdm-enrollment",
    meaning: "The user cancelled enrollment (value per the SDK header; see the conflict).",
    causes: ["The user closed the enrollment window or declined a prompt."],
    actions: ["Start enrollment again and complete every step."],
    conflict: { note: CANCEL_CONFLICT, with: ["menroll-e-user-cancelled-metadata"] },
    sources: [header, metadata],
  },
  {
    id: "menroll-e-mdm-not-configured-header",
    hresult: 0x8018002b,
    names: ["MENROLL_E_MDM_NOT_CONFIGURED"],
    origin: "mdm-enrollment",
    meaning:
      "Device management is not configured for this user (value per the SDK header; see the conflict).",
    causes: [
      "The user's UPN has a suffix that is unverified or not routable (such as .local).",
      "In Microsoft Entra ID, the MDM user scope is None, or does not include the user.",
    ],
    actions: [
      "Give the user a UPN on a verified domain.",
      "Set the MDM user scope to All or to a group that contains the user.",
    ],
    messages: [
      { text: "Auto MDM Enroll: Failed (Unknown Win32 Error code: 0x8018002b)", source: intune },
    ],
    conflict: { note: CANCEL_CONFLICT, with: ["menroll-e-mdm-not-configured-metadata"] },
    sources: [header, intune],
  },
  {
    id: "menroll-e-user-cancelled-metadata",
    hresult: 0x80180030,
    names: ["MENROLL_E_USER_CANCELLED", "MENROLL_E_USER_CANCELED"],
    origin: "mdm-enrollment",
    meaning:
      "The user cancelled the operation (value per Win32 metadata and docs; see the conflict).",
    causes: ["The user closed the enrollment window or declined a prompt."],
    actions: ["Start enrollment again and complete every step."],
    since: "Windows 10, version 1709",
    conflict: { note: CANCEL_CONFLICT, with: ["menroll-e-user-canceled-header"] },
    sources: [metadata, constantsDoc, winerror],
  },
  {
    id: "menroll-e-mdm-not-configured-metadata",
    hresult: 0x80180031,
    names: ["MENROLL_E_MDM_NOT_CONFIGURED"],
    origin: "mdm-enrollment",
    meaning:
      "Device management is not configured (value per Win32 metadata and docs; see the conflict).",
    causes: ["No MDM is set up for the user or the tenant."],
    actions: ["Configure MDM (in Microsoft Entra ID: the MDM user scope) for the user."],
    since: "Windows 10, version 1709",
    conflict: { note: CANCEL_CONFLICT, with: ["menroll-e-mdm-not-configured-header"] },
    sources: [metadata, constantsDoc, winerror],
  },
  {
    id: "menroll-e-customservererror",
    hresult: 0x80180032,
    names: ["MENROLL_E_CUSTOMSERVERERROR"],
    origin: "mdm-enrollment",
    faults: [errortype("CustomServerError")],
    meaning: "The server sent its own error text, which Windows shows as the server's message.",
    causes: ["The server chose to explain the refusal itself, in the fault's reason text."],
    actions: [
      "Read the server's message (also in the DeviceManagement-Enterprise-Diagnostics-Provider event log) and follow it.",
    ],
    since: "Windows 10, version 20H2",
    sources: [header, metadata, mde2Faults, { doc: "ms-winerrata-mde2" }],
  },
  {
    id: "menroll-e-server429",
    hresult: 0x80180033,
    names: ["MENROLL_E_SERVER429"],
    origin: "mdm-enrollment",
    meaning: "The server is throttling and told the device to come back later (HTTP 429).",
    causes: ["Too many enrollment requests reached the server at once."],
    actions: ["Wait and retry; spread large rollouts over time."],
    sources: [header, metadata],
  },
  ...mregister(),
  {
    id: "wpj-0x8018000a",
    hresult: 0x8018000a,
    names: [],
    origin: "workplace-join",
    meaning: "Workplace Join's meaning of this number: the device is not joined to the workplace.",
    causes: ["Reported by device registration (Workplace Join), not by MDM enrollment."],
    actions: [
      "Check the device's registration state with `dsregcmd /status` before looking at MDM.",
    ],
    conflict: { note: WPJ_CONFLICT, with: ["menroll-e-device-already-enrolled"] },
    sources: [wpj],
  },
  {
    id: "wpj-0x8018000e",
    hresult: 0x8018000e,
    names: [],
    origin: "workplace-join",
    meaning:
      "Workplace Join's meaning of this number: the user reached the maximum number of registered devices.",
    causes: ["Reported by device registration (Workplace Join), not by MDM enrollment."],
    actions: ["Remove old device registrations for the user, or raise the per-user device limit."],
    conflict: { note: WPJ_CONFLICT, with: ["menroll-e-password-needed"] },
    sources: [wpj],
  },
  {
    id: "dsreg-0x801c0003",
    hresult: 0x801c0003,
    names: ["DSREG_E_DEVICE_AUTHORIZATION_ERROR"],
    origin: "device-registration",
    meaning:
      "Microsoft Entra join or registration refused: the user is not allowed to enroll this device.",
    causes: [
      "The user's device limit in Intune is reached.",
      "A device type restriction blocks Windows (MDM).",
      "The device runs Windows Home.",
      'In Microsoft Entra ID, "Users may join devices to Microsoft Entra ID" is set to None.',
    ],
    actions: [
      "Check the user's device count, the enrollment restrictions and the Entra device settings; use Pro, Enterprise or Education.",
    ],
    messages: [
      {
        text: "This user is not authorized to enroll. You can try to do this again or contact your system administrator with the error code (0x801c0003).",
        source: { doc: "intune-user-not-authorized" },
      },
    ],
    sources: [{ doc: "intune-user-not-authorized" }, SCREEN_TABLE],
  },
  ...deviceRegistration(),
  {
    id: "rejected-terms-of-use",
    names: ["rejectedTermsOfUse"],
    origin: "mdm-enrollment",
    meaning:
      "The person declined the organisation's terms of use during enrollment. Microsoft's table gives a name in place of a code.",
    causes: ["The terms-of-use page was declined or closed."],
    actions: ["Start enrollment again and accept the terms of use, or ask the support contact."],
    sources: [SCREEN_TABLE],
  },
  {
    id: "dsreg-0x801c03ea",
    hresult: 0x801c03ea,
    names: [],
    origin: "autopilot",
    meaning: "Registering the device for management failed during Autopilot because of the TPM.",
    causes: ["The TPM can do 2.0 but has not been upgraded from 1.2 firmware."],
    actions: ["Upgrade the TPM firmware to 2.0, then reset the device and run Autopilot again."],
    messages: [
      {
        text: "Registering your device for mobile management (Failed: 3, 0x801C03EA)",
        source: intune,
      },
    ],
    sources: [intune],
  },
  {
    id: "autopilot-0x80180022",
    hresult: 0x80180022,
    names: [],
    origin: "autopilot",
    meaning: "Autopilot's field cause for this number: the device runs Windows Home.",
    causes: ["Autopilot and Intune enrollment need Pro, Enterprise or Education."],
    actions: ["Upgrade the edition to Pro or higher, then run Autopilot again."],
    messages: [
      {
        text: "Autopilot device enrollment failed with error HRESULT = 0x80180022",
        source: intune,
      },
    ],
    sources: [intune],
  },
  {
    id: "intune-agent-0x8007064c",
    hresult: 0x8007064c,
    names: [],
    origin: "intune-pc-agent",
    meaning: "The legacy Intune PC agent reports that the machine is already enrolled.",
    causes: ["The device is already managed through the legacy Intune PC client."],
    actions: ["Uninstall the legacy agent (or retire the device in it) before enrolling in MDM."],
    sources: [intune],
  },
  {
    id: "intune-agent-0x80cf4017",
    hresult: 0x80cf4017,
    names: [],
    origin: "intune-pc-agent",
    meaning: "The legacy Intune PC client software is out of date.",
    causes: ["An old version of the legacy Intune PC client."],
    actions: ["Move the device to MDM enrollment instead of the legacy client."],
    sources: [intune],
  },
  {
    id: "autopilot-0x800705b4",
    hresult: 0x800705b4,
    names: [],
    origin: "autopilot",
    meaning: "Autopilot self-deploying mode timed out.",
    causes: [
      "The device lacks TPM 2.0 or runs a release older than 1709 (hybrid join: older than 1809).",
    ],
    actions: ["Check the TPM version and the Windows release against Autopilot's requirements."],
    sources: [intune],
  },
  {
    id: "autopilot-0x80070774",
    hresult: 0x80070774,
    names: [],
    origin: "autopilot",
    meaning: "Hybrid Autopilot could not reach a domain controller.",
    causes: [
      "The device has no line of sight to a domain controller during hybrid Microsoft Entra join.",
    ],
    actions: [
      "Give the device network access to a domain controller (on site or through VPN) during provisioning.",
    ],
    sources: [intune],
  },
  {
    id: "discovery-endpoint-not-found",
    names: [],
    origin: "discovery",
    meaning:
      "Windows looked for the enrollment server from the user's e-mail domain and found none.",
    causes: [
      "No DNS record for EnterpriseEnrollment.<domain>, or it points at a host that does not answer the discovery request.",
      "The user typed an address on a domain that has no discovery service (for example a personal address).",
      "HTTPS to the discovery host failed and nothing redirected.",
    ],
    actions: [
      "Create EnterpriseEnrollment.<domain> (for Intune a CNAME to EnterpriseEnrollment-s.manage.microsoft.com) and check it with `winenroll discover <user's e-mail>`.",
      "Or enter the server address by hand, or send a deep link that carries servername.",
    ],
    messages: [
      {
        text: "We couldn't autodiscover a management endpoint matching the username entered. Check your username and try again. If you know the URL to your management endpoint, enter it.",
        source: {
          doc: "mdm-enrollment-2024",
          section: "Help with connecting personally owned devices",
        },
      },
    ],
    sources: [
      { doc: "mdm-enrollment-2024", section: "Help with connecting personally owned devices" },
      { doc: "ms-mde2", section: "3.1 Discovery" },
      { doc: "intune-dns-cname" },
    ],
  },
];

/**
 * Every enrollment error winenroll knows (see {@link ENTRIES}), each carrying the on-screen text of
 * Microsoft's error-code table for its number: a message several codes share is on each of them.
 */
export const ERROR_CATALOG: readonly ErrorCatalogEntry[] = withScreenMessages(ENTRIES);

function withScreenMessages(entries: readonly ErrorCatalogEntry[]): ErrorCatalogEntry[] {
  return entries.map((entry) => {
    const key = entry.hresult ?? entry.names[0];
    if (key === undefined || !SCREEN_ORIGINS.includes(entry.origin)) return entry;
    const table = screenMessagesFor(key);
    if (table.length === 0) return entry;
    const sources = entry.sources.some((c) => c.doc === SCREEN_TABLE.doc)
      ? entry.sources
      : [...entry.sources, SCREEN_TABLE];
    return { ...entry, messages: [...table, ...(entry.messages ?? [])], sources };
  });
}

function formatHex(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, "0")}`;
}

/**
 * The device registration (DSREG) codes of facility 28: the table's DSREG_E_* rows and the
 * hybrid-join troubleshooting table's DSREG_AUTOJOIN_* and other codes. 0x801C0003 stands apart,
 * with the field causes Intune documents.
 */
function deviceRegistration(): ErrorCatalogEntry[] {
  const fromTable = (code: number): string =>
    SCREEN_MESSAGE_ROWS.find((r) => r.code === code)?.constant ?? "";
  const rows: [number, string, string, string[], string[], Citation][] = [
    [
      0x801c0001,
      fromTable(0x801c0001),
      "Device registration could not read the registration service's message, or the service could not read the device's.",
      ["A proxy or inspection device altered the traffic to the registration service."],
      ["Check that nothing between the device and the registration service rewrites its traffic."],
      SCREEN_TABLE,
    ],
    [
      0x801c0002,
      fromTable(0x801c0002),
      "The registration service could not authenticate the user or the device.",
      ["No field cause found in the sources; the name says authentication failed."],
      ["Sign in again with the work account; check the account's state in Microsoft Entra ID."],
      SCREEN_TABLE,
    ],
    [
      0x801c0006,
      fromTable(0x801c0006),
      "The registration service hit an internal error.",
      ["No field cause found in the sources; the name says the service failed internally."],
      [
        "Try again later; if it persists, collect `dsregcmd /status` and contact Microsoft support.",
      ],
      SCREEN_TABLE,
    ],
    [
      0x801c000b,
      fromTable(0x801c000b),
      "Discovery was redirected to a registration server the device does not trust.",
      ["No field cause found in the sources; the name says a discovery redirect was not trusted."],
      ["Check the discovery and federation endpoints the device is sent to."],
      SCREEN_TABLE,
    ],
    [
      0x801c000c,
      fromTable(0x801c000c),
      "Discovery of the registration service failed.",
      ["No field cause found in the sources; the name says discovery failed."],
      ["Check that the device reaches https://enterpriseregistration.windows.net."],
      SCREEN_TABLE,
    ],
    [
      0x801c000e,
      fromTable(0x801c000e),
      "The user has registered as many devices as the organisation allows.",
      ["The per-user device quota in Microsoft Entra ID is reached."],
      ["Remove stale devices of the user in Microsoft Entra ID, or raise the quota."],
      SCREEN_TABLE,
    ],
    [
      0x801c000f,
      fromTable(0x801c000f),
      "Device registration needs a restart to finish.",
      ["Registration completed a step that only takes effect after a restart."],
      ["Restart the device, then check `dsregcmd /status`."],
      SCREEN_TABLE,
    ],
    [
      0x801c0010,
      fromTable(0x801c0010),
      "The TPM attestation identity key (AIK) could not be validated.",
      ["No field cause found in the sources; the name says the AIK certificate failed validation."],
      ["Check the TPM's state and firmware (tpm.msc)."],
      SCREEN_TABLE,
    ],
    [
      0x801c0011,
      fromTable(0x801c0011),
      "Device attestation failed during registration.",
      ["No field cause found in the sources; the name says attestation failed."],
      ["Check the TPM's state and firmware (tpm.msc), then try again."],
      SCREEN_TABLE,
    ],
    [
      0x801c0012,
      fromTable(0x801c0012),
      "The discovery answer could not be read.",
      ["A proxy or inspection device altered the discovery answer."],
      ["Check that nothing between the device and the registration service rewrites its traffic."],
      SCREEN_TABLE,
    ],
    [
      0x801c0013,
      fromTable(0x801c0013),
      "The tenant id was not found during registration.",
      ["No field cause found in the sources; the name says the tenant id was not found."],
      ["Check the tenant the user signs in to and, for hybrid join, the service connection point."],
      SCREEN_TABLE,
    ],
    [
      0x801c0014,
      fromTable(0x801c0014),
      "The user's security identifier (SID) was not found during registration.",
      ["No field cause found in the sources; the name says the user SID was not found."],
      ["Sign in with the work account again; check the user's account in Microsoft Entra ID."],
      SCREEN_TABLE,
    ],
    [
      0x801c001d,
      "DSREG_AUTOJOIN_ADCONFIG_READ_FAILED",
      "Hybrid join could not read the service connection point (SCP) in Active Directory, so it does not know the Microsoft Entra tenant.",
      ["The SCP object is missing or misconfigured, or cannot be read from the domain controller."],
      [
        "Configure the service connection point in the forest (Microsoft Entra Connect or by hand).",
      ],
      hybridJoin,
    ],
    [
      0x801c001f,
      "DSREG_AUTOJOIN_DISC_WAIT_TIMEOUT",
      "Hybrid join timed out during discovery.",
      ["The device cannot reach https://enterpriseregistration.windows.net in the system context."],
      ["Open the network (and any proxy, for the computer account) to the registration service."],
      hybridJoin,
    ],
    [
      0x801c0021,
      "DSREG_AUTOJOIN_DISC_FAILED",
      "Hybrid join discovery failed in general: the discovery metadata could not be fetched.",
      ["A network or proxy failure; the sub-error in `dsregcmd /status` names it."],
      ["Read the DRS Discovery Test line of `dsregcmd /status` for the sub-error."],
      hybridJoin,
    ],
    [
      0x801c0025,
      "DSREG_SERVER_BUSY",
      "The registration service answered HTTP 503.",
      ["The service is temporarily unavailable."],
      ["Try again later."],
      { ...hybridJoin, section: "Step 4: Discover phase, HTTP errors" },
    ],
    [
      0x801c003a,
      "DSREG_DISCOVERY_TENANT_NOT_FOUND",
      "The tenant named by the service connection point was not found, or has no active subscription.",
      ["The SCP carries a wrong tenant id, or the tenant has no active subscription."],
      ["Correct the tenant id in the SCP and check the tenant's subscriptions."],
      { ...hybridJoin, section: "Step 4: Discover phase, HTTP errors" },
    ],
    [
      0x801c003d,
      "DSREG_AUTOJOIN_USERREALM_DISCOVERY_FAILED",
      "Hybrid join could not tell whether the domain is managed or federated.",
      [
        "Realm discovery against https://login.microsoftonline.com failed; the sub-error names why.",
      ],
      ["Check that the device reaches https://login.microsoftonline.com in the system context."],
      hybridJoin,
    ],
  ];
  return rows.map(([hresult, name, meaning, causes, actions, source]) => ({
    id: name.toLowerCase().replaceAll("_", "-"),
    hresult,
    names: [name],
    origin: "device-registration",
    meaning,
    causes,
    actions,
    sources: [source],
  }));
}

function provisioning(): ErrorCatalogEntry[] {
  const rows: [number, string, string, string?][] = [
    [0x8018001e, "MENROLL_E_PROV_CSP_CERTSTORE", "the CertificateStore CSP"],
    [0x8018001f, "MENROLL_E_PROV_CSP_W7", "the W7 (DMAcc) application CSP"],
    [0x80180020, "MENROLL_E_PROV_CSP_DMCLIENT", "the DMClient CSP"],
    [0x80180021, "MENROLL_E_PROV_CSP_PFW", "the PassportForWork CSP"],
    [0x80180022, "MENROLL_E_PROV_CSP_MISC", "a CSP not covered by the other codes"],
    [0x80180023, "MENROLL_E_PROV_UNKNOWN", "a CSP that was not identified"],
    [
      0x80180025,
      "MENROLL_E_PROV_CSP_APPMGMT",
      "the EnterpriseAppManagement CSP",
      "Windows 10, version 1709",
    ],
  ];
  const entries: ErrorCatalogEntry[] = rows.map(([hresult, name, csp, since]) => ({
    id: name.toLowerCase().replaceAll("_", "-"),
    hresult,
    names: [name],
    origin: "mdm-enrollment",
    meaning: `Applying the server's provisioning document failed in ${csp}.`,
    causes: ["The provisioning XML the server sent holds a value the CSP refuses."],
    actions: [
      "Look at the DeviceManagement-Enterprise-Diagnostics-Provider events for the failing node and fix the server's provisioning XML.",
    ],
    ...(since ? { since } : {}),
    sources: [...MENROLL],
  }));
  entries.splice(6, 0, {
    id: "menroll-e-prov-sslcertnotfound",
    hresult: 0x80180024,
    names: ["MENROLL_E_PROV_SSLCERTNOTFOUND"],
    origin: "mdm-enrollment",
    meaning:
      "The public certificate was not found when binding it to its key, or in the provisioning payload.",
    causes: [
      "The certificate went to a different store than expected, or is missing from the payload.",
    ],
    actions: ["Check the certificate store paths in the server's provisioning XML."],
    sources: [...MENROLL],
  });
  return entries;
}

function mregister(): ErrorCatalogEntry[] {
  const rows: [number, string, string][] = [
    [0x80190001, "DEVICE_MESSAGE_FORMAT_ERROR", "the message format was bad"],
    [0x80190002, "DEVICE_AUTHENTICATION_ERROR", "the user could not be authenticated"],
    [0x80190003, "DEVICE_AUTHORIZATION_ERROR", "the user is not allowed to register"],
    [0x80190004, "DEVICE_CERTIFCATEREQUEST_ERROR", "the certificate request failed"],
    [0x80190005, "DEVICE_CONFIGMGRSERVER_ERROR", "the management server failed"],
    [0x80190006, "DEVICE_INTERNALSERVICE_ERROR", "the server hit an unhandled error"],
    [0x80190007, "DEVICE_INVALIDSECURITY_ERROR", "the security header was not accepted"],
    [0x80190008, "DEVICE_UNKNOWN_ERROR", "an unclassified server error"],
    [0x80190009, "REGISTRATION_IN_PROGRESS", "another registration is running"],
    [0x8019000a, "DEVICE_ALREADY_REGISTERED", "the device is already registered"],
    [0x8019000b, "DEVICE_NOT_REGISTERED", "the device is not registered"],
    [0x8019000c, "DISCOVERY_REDIRECTED", "discovery was redirected"],
    [
      0x8019000d,
      "DEVICE_NOT_AD_REGISTERED_ERROR",
      "the device is not registered in Active Directory",
    ],
    [0x8019000e, "DISCOVERY_FAILED", "discovery failed"],
  ];
  return rows.map(([hresult, suffix, what]) => {
    const retired = hresult >= 0x8019000a;
    return {
      id: `mregister-e-${suffix.toLowerCase().replaceAll("_", "-")}`,
      hresult,
      names: [`MREGISTER_E_${suffix}`],
      origin: "mdm-registration",
      meaning: `Windows 8.0–8.1 MDM registration: ${what}.${retired ? " Marked as no longer used." : ""}`,
      causes: ["Reported by the Windows 8.x registration client, or by code using its constants."],
      actions: [
        // 0x80190001-0x80190009 mirror 0x80180001-0x80180009 name for name (REGISTRATION_IN_PROGRESS
        // is ENROLLMENT_IN_PROGRESS); the retired ones have no counterpart.
        retired
          ? "On current Windows, look for the MENROLL_E_ code reported alongside it."
          : `Read it as its Windows 10 counterpart ${formatHex(hresult - 0x10000)}.`,
      ],
      since: "Windows 8",
      sources: [header, constantsDoc],
    };
  });
}
