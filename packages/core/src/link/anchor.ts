/**
 * How a link is written out: as it is, as an HTML anchor, as a markdown link, or as a PowerShell
 * line that opens it.
 */
export type AnchorFormat = "uri" | "html" | "markdown" | "powershell";

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML content and double- or single-quoted attributes.
 *
 * @example
 * escapeHtml('<b title="x">Tom & Jerry</b>'); // "&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Markdown link text with the characters that would end or restyle it escaped. */
function escapeMarkdownText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (c) => `\\${c}`);
}

// In a single-quoted PowerShell string nothing is expanded, and a quote is written by doubling it
// (about_Quoting_Rules, learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
// The tokenizer also takes the four typographic single quotes as quotes: observed with PowerShell
// 7.6.9's own parser in apps/cli/test/pwsh/link.test.ts; no document found that says so.
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201A\u201B]/g;

/**
 * Quotes text as a PowerShell single-quoted string: no variable, subexpression, escape or operator
 * inside it is expanded.
 *
 * @example
 * quotePowerShell("it's $HOME"); // "'it''s $HOME'"
 */
export function quotePowerShell(text: string): string {
  return `'${text.replace(POWERSHELL_SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Writes a link as it is, as a ready-made anchor for a mail or a web page, or as a PowerShell line
 * (`Start-Process '…'`, the link single-quoted) for a script. Parentheses are percent-encoded in markdown so the destination cannot end early; angle brackets are never used,
 * since Windows would keep them as part of the link.
 *
 * @example
 * formatEnrollmentAnchor("ms-device-enrollment:?mode=mdm", "html", "Enroll this PC")
 * // '<a href="ms-device-enrollment:?mode=mdm">Enroll this PC</a>'
 */
export function formatEnrollmentAnchor(link: string, format: AnchorFormat, text: string): string {
  switch (format) {
    case "uri":
      return link;
    case "html":
      return `<a href="${escapeHtml(link)}">${escapeHtml(text)}</a>`;
    case "powershell":
      return `Start-Process ${quotePowerShell(link)}`;
    case "markdown":
      return `[${escapeMarkdownText(text)}](${link.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20")})`;
  }
}
