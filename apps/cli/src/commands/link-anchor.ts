export type AnchorFormat = "uri" | "html" | "markdown";

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Markdown link text with the characters that would end or restyle it escaped. */
function escapeMarkdownText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (c) => `\\${c}`);
}

/**
 * Prints a link as it is, or as a ready-made anchor. Parentheses are percent-encoded in markdown so
 * the destination cannot end early; angle brackets are never used, since Windows would keep them.
 */
export function formatAnchor(link: string, format: AnchorFormat, text: string): string {
  switch (format) {
    case "uri":
      return link;
    case "html":
      return `<a href="${escapeHtml(link)}">${escapeHtml(text)}</a>`;
    case "markdown":
      return `[${escapeMarkdownText(text)}](${link.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20")})`;
  }
}
