import { type DocumentCitation, formatSource, type SourceDocument } from "./document.js";

/**
 * The documents the deep-link code cites (parameters, modes, lint rules, release gates). They sit
 * apart from the rest of `SOURCES` so that a page that only builds or inspects links ships these
 * few titles and not the whole table; `SOURCES` includes them unchanged.
 */
export const LINK_SOURCES = {
  "mdm-enrollment-2017": {
    title: "MDM enrollment of Windows-based devices",
    publisher: "Microsoft (windows-itpro-docs, windows/client-management/mdm/)",
    // A copy of the 2017 revision in the repository's history; today's page at the same address is
    // the rewritten 2024 text.
    url: "https://github.com/MicrosoftDocs/windows-itpro-docs/blob/d8e9ba79403e0866af86650c81a3dbd2fe68ed11/windows/client-management/mdm/mdm-enrollment-of-windows-devices.md",
    revision: "ms.date 2017-11-15, commit d8e9ba79; the article the project started from",
  },
  "mdm-enrollment-2024": {
    title: "MDM enrollment of Windows devices",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/mdm-enrollment-of-windows-devices",
    revision: "ms.date 2024-07-08, commit baa34962",
  },
  "mdm-enrollment-intermediate": {
    title: "MDM enrollment of Windows 10-based devices",
    publisher: "Microsoft (windows-itpro-docs)",
    revision: "commit 10d2dafa, the last text with per-parameter release gates",
  },
  "wid-federated-enrollment": {
    title: "Federated authentication device enrollment",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/federated-authentication-device-enrollment",
    revision: "ms.date 2023-04-05",
  },
  "wid-pr-306": {
    title: "windows-itpro-docs PR #306: deep link parameters must be lower case",
    publisher: "Microsoft (windows-itpro-docs)",
    revision: "2017-10-12",
  },
  "wid-pr-342": {
    title: "windows-itpro-docs PR #342: new deep link parameters added in 1709",
    publisher: "Microsoft (windows-itpro-docs)",
    revision: "2017-11-15",
  },
  "wid-pr-369": {
    title: "windows-itpro-docs PR #369: deep links fail from other default browsers",
    publisher: "Microsoft (windows-itpro-docs)",
    revision: "2017-12-08",
  },
  "wid-pr-9407": {
    title: "windows-itpro-docs PR #9407: meaning of the ownership values",
    publisher: "Microsoft (windows-itpro-docs)",
    revision: "2021-04-12",
  },
  "wid-issue-4064": {
    title: "windows-itpro-docs issue #4064: Intune ignores ownership",
    publisher: "GitHub issue",
    revision: "2019-06-17",
  },
  "wid-issue-8503": {
    title: "windows-itpro-docs issue #8503: deep link ownership flags not sent to the MDM server",
    publisher: "GitHub issue",
    revision: "2020-10-21",
  },
  "wid-issue-4841": {
    title:
      "windows-itpro-docs issue #4841 and PR #4923: Intune discovery URL must end in discovery.svc",
    publisher: "GitHub issue",
    revision: "2019",
  },
  "cxh-app-manager": {
    title:
      "CloudExperienceHost appManager.js, _setScenario (the handler Windows registers for the scheme)",
    publisher: "Windows client code, public copy",
    revision: "Endermanch/Windows11OOBE commit e2bfdd25; unattributed second copy",
  },
  "ie-url-length": {
    title: "Maximum URL length is 2,083 characters in Internet Explorer (KB208427)",
    publisher: "Microsoft Support",
    url: "https://support.microsoft.com/kb/208427",
    revision: "revision 3.5, 2007-10-27",
  },
  "rfc-3986": {
    title: "RFC 3986: Uniform Resource Identifier (URI): Generic Syntax",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc3986",
  },
  "rfc-7519": {
    title: "RFC 7519: JSON Web Token (JWT)",
    publisher: "IETF",
    url: "https://www.rfc-editor.org/rfc/rfc7519",
  },
} as const satisfies Record<string, SourceDocument>;

export type LinkSourceId = keyof typeof LINK_SOURCES;

/** A citation of a document the link code carries with it. */
export type LinkCitation = DocumentCitation<LinkSourceId>;

const formatted = new WeakMap<LinkCitation, string>();

/**
 * Formats a link citation as `cite` does, once per citation object: every diagnostic of a rule
 * shares its rule's citation, so the text is built on first use and reused.
 */
export function formatLinkCitation(citation: LinkCitation): string {
  let text = formatted.get(citation);
  if (text === undefined) {
    text = formatSource(LINK_SOURCES[citation.doc], citation.section);
    formatted.set(citation, text);
  }
  return text;
}
