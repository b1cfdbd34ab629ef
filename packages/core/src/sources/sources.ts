/**
 * The documents winenroll's facts come from. Every rule, parameter, error code and release in core
 * points at one of these by id, with the section it comes from, so a reader can check the fact.
 *
 * Add a document here once, then cite it with {@link cite}.
 */
export interface SourceDocument {
  /** Short title as the document names itself. */
  readonly title: string;
  /** Who published it. */
  readonly publisher: string;
  /** Where to read it, when it has a stable public address. */
  readonly url?: string;
  /** Revision or date of the text the facts were taken from. */
  readonly revision?: string;
}

export const SOURCES = {
  "mdm-enrollment-2017": {
    title: "MDM enrollment of Windows-based devices",
    publisher: "Microsoft (windows-itpro-docs)",
    url: "https://learn.microsoft.com/windows/client-management/mdm-enrollment-of-windows-devices",
    revision: "2017-11-15, the article the project started from",
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
} as const satisfies Record<string, SourceDocument>;

export type SourceId = keyof typeof SOURCES;

/** A pointer to the place in a document that states a fact. */
export interface Citation {
  readonly doc: SourceId;
  readonly section?: string;
}

/** Names a fact's source as one line: "Title, section (revision)". */
export function cite(doc: SourceId, section?: string): string {
  const document: SourceDocument = SOURCES[doc];
  const where = section ? `, ${section}` : "";
  const when = document.revision ? ` (${document.revision})` : "";
  return `${document.title}${where}${when}`;
}

/** Formats a citation object the same way as {@link cite}. */
export function formatCitation(citation: Citation): string {
  return cite(citation.doc, citation.section);
}
