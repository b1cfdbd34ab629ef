/** How a link is written out: as it is, as an HTML anchor, or as a markdown link. */
export type AnchorFormat = "uri" | "html" | "markdown";

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

/**
 * Writes a link as it is, or as a ready-made anchor for a mail or a web page. Parentheses are
 * percent-encoded in markdown so the destination cannot end early; angle brackets are never used,
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
    case "markdown":
      return `[${escapeMarkdownText(text)}](${link.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20")})`;
  }
}
