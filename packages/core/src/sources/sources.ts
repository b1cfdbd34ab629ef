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
  "wid-mdm-enrollment-error-codes": {
    title: "MDM enrollment error codes (Code, ID, Error message)",
    publisher:
      "Microsoft (windows-itpro-docs, windows/client-management/includes/mdm-enrollment-error-codes.md)",
    url: "https://github.com/MicrosoftDocs/windows-itpro-docs/blob/6b5819017d9626c499fec0de668ba8795d079b29/windows/client-management/includes/mdm-enrollment-error-codes.md",
    revision: "ms.date 2023-04-06, commit 6b581901",
  },
  "entra-hybrid-join-troubleshoot": {
    title: "Troubleshoot Microsoft Entra hybrid joined devices (Common error codes)",
    publisher: "Microsoft (Entra documentation, troubleshoot-hybrid-join-windows-current.md)",
    url: "https://learn.microsoft.com/entra/identity/devices/troubleshoot-hybrid-join-windows-current",
    revision: "ms.date 2022-08-29",
  },
  "winerror-h": {
    title: "winerror.h (Windows SDK): FACILITY_* and MENROLL_E_* definitions",
    publisher:
      "Microsoft Windows SDK, read in the TerraFX.Interop.Windows port (terrafx/terrafx.interop.windows, shared/winerror)",
    revision:
      "SDK 10.0.20348.0 (Windows.cs), 10.0.26100.0 (MENROLL.cs) and 10.0.28000.0 (FACILITY.cs)",
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
  "ms-xcep": {
    title: "[MS-XCEP]: X.509 Certificate Enrollment Policy Protocol",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-xcep/",
    revision: "v17.0, 2024-04-23",
  },
  "ms-wstep": {
    title: "[MS-WSTEP]: WS-Trust X.509v3 Token Enrollment Extensions",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-wstep/",
    revision: "v15.0, 2024-04-23",
  },
  "ms-mdm": {
    title: "[MS-MDM]: Mobile Device Management Protocol",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-mdm/",
    revision: "v15.0, 2024-04-23",
  },
  "ms-crtd": {
    title: "[MS-CRTD]: Certificate Templates Structure",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-crtd/",
  },
  "wid-entra-mdm-integration": {
    title: "Microsoft Entra integration with MDM",
    publisher: "Microsoft (windows-itpro-docs, azure-active-directory-integration-with-mdm.md)",
    url: "https://learn.microsoft.com/windows/client-management/azure-active-directory-integration-with-mdm",
    revision: "ms.date 2024-07-08, commit 9a70ec2e",
  },
  "w7-application-csp": {
    title: "w7 APPLICATION configuration service provider",
    publisher: "Microsoft (windows-itpro-docs, mdm/w7-application-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/w7-application-csp",
    revision: "ms.date 2017-06-26, commit 154bf532",
  },
  "certificatestore-csp": {
    title: "CertificateStore CSP",
    publisher: "Microsoft (windows-itpro-docs, mdm/certificatestore-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/certificatestore-csp",
    revision: "ms.date 2017-06-26, commit 750a0e70, and the current generated page",
  },
  "certificatestore-ddf": {
    title: "CertificateStore DDF file",
    publisher: "Microsoft (windows-itpro-docs, mdm/certificatestore-ddf-file.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/certificatestore-ddf-file",
    revision: "ms.date 2024-06-28, commit 0888ed62",
  },
  "dmclient-csp": {
    title: "DMClient CSP",
    publisher: "Microsoft (windows-itpro-docs, mdm/dmclient-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/dmclient-csp",
    revision: "ms.date 2017-11-01, commit 3548c4fb",
  },
  "dmacc-csp": {
    title: "DMAcc CSP",
    publisher: "Microsoft (windows-itpro-docs, mdm/dmacc-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/dmacc-csp",
  },
  "wid-server-requirements": {
    title: "Server requirements for using OMA DM to manage Windows devices",
    publisher: "Microsoft (windows-itpro-docs, server-requirements-windows-mdm.md)",
    url: "https://learn.microsoft.com/windows/client-management/server-requirements-windows-mdm",
    revision: "ms.date 2024-07-08, commit 0888ed62",
  },
  "fleet-windows-capture": {
    title:
      "Fleet's log of a real Windows 10 21H1 client (10.0.19043.2364) enrolling against a demo server",
    publisher:
      "fleetdm/fleet, tools/mdm/windows/poc-mdm-server/misc/mdm_ngrok_comm_dump.txt (commit 8e197bdf); observation, not authority",
  },
  "fleet-windows-fixtures": {
    title: "Fleet's request fixtures from a Windows 10 22H2 device (10.0.19045.2965)",
    publisher: "fleetdm/fleet, server/service/microsoft_mdm_test.go; observation, not authority",
  },
  "fleet-wstep": {
    title: "Fleet's WSTEP server code (certificate issuing, CSR parsing)",
    publisher:
      "fleetdm/fleet, server/mdm/microsoft/wstep.go (0506ebe0) and wstep_csr.go (4d10c975); observation, not authority",
  },
  "fleet-syncml": {
    title: "Fleet's MDM SOAP and SyncML code",
    publisher:
      "fleetdm/fleet, server/mdm/microsoft/syncml.go (0777b8ad) and server/service/microsoft_mdm.go; observation, not authority",
  },
  "windows-mdm-go": {
    title: "oscartbeaumont/windows_mdm mde_enrollment.go",
    publisher:
      "GitHub (commit 23375e95; its README says it does not work); observation, not authority",
  },
  "intune-sslclientcert-scripts": {
    title: "Public Intune PowerShell scripts reading SslClientCertSearchCriteria",
    publisher: "community scripts (repositories not identified); observation, not authority",
  },
  "enrollment-handshake-research": {
    title: "winenroll research: the enrollment handshake",
    publisher:
      "winenroll project (shared/research/enrollment-handshake-facts.md): inferences, marked [I] there",
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
