import { type DocumentCitation, formatSource, type SourceDocument } from "./document.js";
import { LINK_SOURCES } from "./link-sources.js";
import { MANAGEMENT_SOURCES } from "./management-sources.js";

export type { DocumentCitation, SourceDocument } from "./document.js";
export type { LinkCitation, LinkSourceId } from "./link-sources.js";

/**
 * The documents winenroll's facts come from. Every rule, parameter, error code and release in core
 * points at one of these by id, with the section it comes from, so a reader can check the fact.
 *
 * Add a document here once (to `LINK_SOURCES` when the deep-link code cites it), then cite it with
 * {@link cite}.
 */
export const SOURCES = {
  ...LINK_SOURCES,
  ...MANAGEMENT_SOURCES,
  "winenroll-field-notes": {
    title: "winenroll research: real-world links and quirks",
    publisher: "winenroll project (shared/research/windows-enrollment-facts.md §6)",
  },
  "release-health": {
    title: "Windows release information (release health)",
    publisher: "Microsoft, via altrhombus/DataForGeeks releases.json and CSP applicability notes",
  },
  "third-party-build-reports": {
    title: "Third-party build reports (AshleyHow/WindowsOSBuild issue #58 and others)",
    publisher: "community",
  },
  "ms-mde2": {
    title: "[MS-MDE2]: Mobile Device Enrollment Protocol Version 2",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-mde2/",
    revision: "v18.0, 2026-01-26",
  },
  "ms-winerrata-mde2": {
    title: "MS-WINERRATA for MS-MDE2: CustomServerError added",
    publisher: "Microsoft Open Specifications",
    revision: "2023-06-12",
  },
  "wid-mobile-device-enrollment": {
    title: "Mobile device enrollment (Enrollment error messages)",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/mobile-device-enrollment",
    revision: "ms.date 2023-08-10",
  },
  "wid-federated-enrollment": {
    title: "Federated authentication device enrollment",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/federated-authentication-device-enrollment",
    revision: "ms.date 2023-04-05",
  },
  "wid-onpremise-enrollment": {
    title: "On-premises authentication device enrollment",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/on-premise-authentication-device-enrollment",
    revision: "ms.date 2023-08-10",
  },
  "wid-certificate-enrollment": {
    title: "Certificate authentication device enrollment",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/certificate-authentication-device-enrollment",
  },
  "win32-mdm-registration-constants": {
    title: "MDM Registration constants",
    publisher: "Microsoft (MicrosoftDocs/win32, desktop-src/MDMReg/mdm-registration-constants.md)",
    url: "https://learn.microsoft.com/windows/win32/mdmreg/mdm-registration-constants",
    revision: "ms.date 2018-05-31",
  },
  "sdk-mdmregistration-h": {
    title:
      "Windows SDK um/MDMRegistration.h (MENROLL_E_* and MREGISTER_E_* definitions and comments)",
    publisher: "Microsoft Windows SDK",
    revision:
      "full 1-43 header (public copy) and the trimmed header with codes 50/51 (marlersoft/microsoft_windows_sdk_cpp)",
  },
  "win32-metadata-mdm": {
    title:
      "Win32 metadata, Windows.Win32.Management.MobileDeviceManagementRegistration (as generated in windows-rs)",
    publisher: "Microsoft (microsoft/windows-rs)",
  },
  "intune-enrollment-errors": {
    title: "Troubleshoot Windows device enrollment errors in Intune",
    publisher: "Microsoft (SupportArticles-docs, troubleshoot-windows-enrollment-errors.md)",
    url: "https://learn.microsoft.com/troubleshoot/mem/intune/device-enrollment/troubleshoot-windows-enrollment-errors",
    revision: "ms.date 2023-12-05",
  },
  "intune-user-not-authorized": {
    title: "Windows user is not authorized to enroll (0x801c0003)",
    publisher: "Microsoft (SupportArticles-docs, public copy)",
    revision: "ms.date 2021-12-02",
  },
  "winevt-kb-deviceregistration": {
    title: "MessageFile-deviceregistration.dll (Workplace Join message strings)",
    publisher: "libyal/winevt-kb",
    revision: "commit 5e51c65e",
  },
  "winhttp-error-messages": {
    title: "Error Messages (Winhttp.h)",
    publisher: "Microsoft (MicrosoftDocs/win32, desktop-src/WinHttp/error-messages.md)",
    url: "https://learn.microsoft.com/windows/win32/winhttp/error-messages",
    revision: "ms.date 2018-05-31",
  },
  "win32-system-error-codes": {
    title: "System Error Codes (winerror.h)",
    publisher: "Microsoft (MicrosoftDocs/win32)",
    url: "https://learn.microsoft.com/windows/win32/debug/system-error-codes",
  },
  "win32-hresult-structure": {
    title: "Structure of COM error codes (HRESULT)",
    publisher: "Microsoft (MicrosoftDocs/win32)",
    url: "https://learn.microsoft.com/windows/win32/com/structure-of-com-error-codes",
  },
  "rfc-9110": {
    title: "RFC 9110: HTTP Semantics (status codes)",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc9110",
  },
  "rfc-6585": {
    title: "RFC 6585: Additional HTTP Status Codes (429 Too Many Requests)",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc6585",
  },
  "intune-dns-cname": {
    title:
      "Intune enrollment DNS: EnterpriseEnrollment CNAME to EnterpriseEnrollment-s.manage.microsoft.com",
    publisher: "Microsoft Intune documentation and public DNS guides",
  },
  "rfc-7518": {
    title: "RFC 7518: JSON Web Algorithms (JWA)",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc7518",
  },
  "rfc-4180": {
    title: "RFC 4180: Common Format and MIME Type for Comma-Separated Values (CSV) Files",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc4180",
  },
  "dmclient-ddf": {
    title: "DMClient DDF file",
    publisher: "Microsoft (windows-itpro-docs, dmclient-ddf-file.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/dmclient-ddf-file",
    revision: "ms.date 2024-06-28",
  },
  "policy-csp-experience": {
    title: "Policy CSP - Experience (AllowManualMDMUnenrollment)",
    publisher: "Microsoft (windows-itpro-docs, policy-csp-experience.md, public copy)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/policy-csp-experience",
  },
  "dsregcmd-troubleshoot": {
    title: "Troubleshoot devices by using the dsregcmd command",
    publisher: "Microsoft (entra-docs, troubleshoot-device-dsregcmd.md)",
    url: "https://learn.microsoft.com/entra/identity/devices/troubleshoot-device-dsregcmd",
    revision: "ms.date 2025-06-27, commit 07d3251d",
  },
  "dsregcmd-observed": {
    title: "winenroll research: dsregcmd /status outputs seen in the wild",
    publisher: "winenroll project (shared/research/device-state-facts.md §1.2-1.5, public outputs)",
  },
  "well-known-sids": {
    title: "Well-known SIDs",
    publisher: "Microsoft (win32 docs, secauthz/well-known-sids)",
    url: "https://learn.microsoft.com/windows/win32/secauthz/well-known-sids",
  },
  "configmgr-client-wmi": {
    title: "Client framework and data transfer client WMI classes (Configuration Manager)",
    publisher: "Microsoft (Configuration Manager SDK reference)",
    url: "https://learn.microsoft.com/intune/configmgr/develop/reference/core/clients/client-classes/client-framework-and-data-transfer-client-wmi-classes",
  },
  "get-windowsedition": {
    title: "Get-WindowsEdition (DISM PowerShell module)",
    publisher: "Microsoft (windows-powershell-docs, dism/Get-WindowsEdition.md)",
    url: "https://learn.microsoft.com/powershell/module/dism/get-windowsedition",
  },
  "windows-registry-observed": {
    title: "winenroll research: registry locations read by public scripts and lab guides",
    publisher:
      "winenroll project (EditionID values and the PolicyManager\\current\\device mirror of applied Policy CSP settings, as public scripts read them)",
  },
  "mdm-diag-report-observed": {
    title: "winenroll research: MDMDiagReport.xml as read by public scripts",
    publisher: "winenroll project (public scripts reading MDMEnterpriseDiagnosticsReport)",
  },
} as const satisfies Record<string, SourceDocument>;

export type SourceId = keyof typeof SOURCES;

/** A pointer to the place in a document that states a fact. */
export type Citation = DocumentCitation<SourceId>;

/**
 * Names a fact's source as one line: "Title, section (revision)".
 *
 * @example
 * ```ts
 * cite("mdm-enrollment-2024", "Connect to MDM"); // "<title>, Connect to MDM (<revision>)"
 * ```
 */
export function cite(doc: SourceId, section?: string): string {
  return formatSource(SOURCES[doc], section);
}

/**
 * Formats a citation object the same way as {@link cite}.
 *
 * @example
 * ```ts
 * for (const d of lintEnrollmentLink(link)) if (d.source) console.log(formatCitation(d.source));
 * ```
 */
export function formatCitation(citation: Citation): string {
  return cite(citation.doc, citation.section);
}
