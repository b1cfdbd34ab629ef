/**
 * Undoes what happens to `dsregcmd /status` output on its way into a ticket or a chat: CRLF line
 * endings, markdown fences, line numbers. Every repair made is named, so the reader can see it.
 */

/** A line of the paste after cleaning, with its 1-based number in the text as pasted. */
export interface PastedLine {
  readonly line: number;
  readonly text: string;
}

const FENCE = /^\s*(```|~~~)/;
/** A line number some editors and chat tools prefix: `12:`, `12.`, `12|`, `12)`, `12 `. */
const NUMBERED = /^\s*\d{1,4}(?:[:.|)\]]\s*|\s+|$)/;

/**
 * The pasted text as lines, without fences, trailing blanks or line numbers; `repairs` names what
 * was undone (`markdown fences removed`, …).
 */
export function cleanPaste(text: string): { lines: PastedLine[]; repairs: string[] } {
  const repairs: string[] = [];
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (/\r/.test(text)) repairs.push("line endings normalised");
  const lines: PastedLine[] = [];
  let fences = 0;
  for (let i = 0; i < raw.length; i++) {
    const value = raw[i]!;
    if (FENCE.test(value)) {
      fences++;
      continue;
    }
    lines.push({ line: i + 1, text: value.replace(/\s+$/, "") });
  }
  if (fences) repairs.push("markdown fences removed");
  // Line numbers: only when most non-blank lines start with one, so a value never loses digits.
  const filled = lines.filter((l) => l.text.trim() !== "");
  const numbered = filled.filter((l) => NUMBERED.test(l.text));
  if (filled.length >= 3 && numbered.length / filled.length > 0.6) {
    repairs.push("line numbers removed");
    return {
      lines: lines.map((l) => ({ line: l.line, text: l.text.replace(NUMBERED, "") })),
      repairs,
    };
  }
  return { lines, repairs };
}
