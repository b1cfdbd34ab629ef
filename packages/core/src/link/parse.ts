import { decodeLinkValue } from "./encode.js";
import { LINK_SCHEME } from "./params.js";

/** One `name=value` pair of the query, as written and as decoded. */
export interface QueryPair {
  /** The name exactly as written. */
  readonly name: string;
  /** The value exactly as written (empty when there was no `=`). */
  readonly rawValue: string;
  /** The percent-decoded value; the raw value when it could not be decoded. */
  readonly value: string;
  readonly hasEquals: boolean;
  readonly decodeFailed: boolean;
  /** Zero-based position among the pairs. */
  readonly position: number;
}

/** What the parser saw in a piece of text that should hold a deep link. Never thrown away. */
export interface ParsedLink {
  readonly input: string;
  /** The link itself, once quotes, commands and surrounding text were taken off. */
  readonly link: string;
  /** What was taken off or undone to find the link, in the order it was done. */
  readonly unwrapped: readonly string[];
  /** Whether `ms-device-enrollment` occurs at all. */
  readonly schemeFound: boolean;
  /** The scheme as written (for a foreign link, whatever stands before the first `:`). */
  readonly scheme: string;
  /** What stands between the scheme name and the first parameter; correct is exactly `:?`. */
  readonly separator: string;
  readonly query: string;
  readonly pairs: readonly QueryPair[];
  /** Further links found in the same text after the first one. */
  readonly otherLinks: readonly string[];
  /** Whether white space had to be removed from inside the link to read it. */
  readonly innerWhitespace: boolean;
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  "`": "`",
  "\u201C": "\u201D",
  "\u2018": "\u2019",
  "<": ">",
  "(": ")",
};
const SCHEME_PATTERN = /ms-device-enrollment/i;
const ENCODED_SCHEME_PATTERN = /ms-device-enrollment%3a/i;
// Quotes and white space are the only things the two clean-ups below act on.
const QUOTE_OR_WHITESPACE = /[\s"'`]/;
/** Characters a paste leaves after the link: closing quotes and a statement's semicolon. */
const TRAILING_JUNK = new Set(['"', "'", "`", ";"]);

function withoutTrailingJunk(link: string): string {
  let end = link.length;
  while (end > 0 && TRAILING_JUNK.has(link[end - 1]!)) end--;
  return end === link.length ? link : link.slice(0, end);
}

function stripEnclosing(text: string, unwrapped: string[]): string {
  let current = text;
  for (;;) {
    const open = current[0];
    const close = open === undefined ? undefined : QUOTE_PAIRS[open];
    if (close === undefined || current.length < 2 || !current.endsWith(close)) return current;
    current = current.slice(1, -1).trim();
    unwrapped.push(
      open === "<" ? "removed angle brackets around the link" : "removed quotes around the link",
    );
  }
}

/** Cuts the link out of the text around it: a command line, a markdown link, an HTML attribute. */
function extractFromSurroundings(text: string, start: number, unwrapped: string[]): string {
  const before = text.slice(0, start);
  let link = text.slice(start);
  const opener = before.trimEnd().at(-1);
  const closer = opener === undefined ? undefined : QUOTE_PAIRS[opener];
  if (closer === "'") {
    // A single-quoted PowerShell string writes a quote as two: Start-Process '…o''brien…'
    const quoted = /^(?:[^']|'')*/.exec(link)![0];
    if (quoted.includes("''")) unwrapped.push("undid the doubled single quotes of PowerShell");
    link = quoted.replace(/''/g, "'");
  } else if (closer !== undefined) {
    // PowerShell users quote the ampersand: Start-Process ms-device-enrollment:?mode=mdm"&"username=…
    const end = link.indexOf(closer);
    if (end >= 0) link = link.slice(0, end);
  }
  if (/start-process|explorer(\.exe)?|\bstart\b/i.test(before)) {
    unwrapped.push("took the link out of a command line");
  } else if (before.trim() !== "") {
    unwrapped.push("took the link out of the text around it");
  }
  return link;
}

function joinQuotedAmpersands(link: string, unwrapped: string[]): string {
  const joined = link.replace(/(["'`])&\1/g, "&");
  if (joined !== link) unwrapped.push('joined "&" that PowerShell quoting had split the link at');
  return joined;
}

/**
 * Splits the candidate at white space. Pieces that continue the query (starting or following an `&`,
 * `=` or `?`) are joined back; the first piece that does not is where the link ends.
 */
function gatherAcrossWhitespace(
  link: string,
  unwrapped: string[],
): { link: string; joined: boolean } {
  const pieces = link.split(/\s+/).filter((p) => p !== "");
  let result = pieces[0] ?? "";
  let joined = false;
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const continues = /[&=?]$/.test(result) || /^[&=]/.test(piece);
    if (!continues) {
      unwrapped.push("ignored the text after the link");
      break;
    }
    result += piece;
    joined = true;
  }
  return { link: result, joined };
}

function splitQuery(query: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (const segment of query.split("&")) {
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const name = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? "" : segment.slice(eq + 1);
    const decoded = decodeLinkValue(rawValue);
    pairs.push({
      name: decodeLinkValue(name) ?? name,
      rawValue,
      value: decoded ?? rawValue,
      hasEquals: eq >= 0,
      decodeFailed: decoded === undefined,
      position: pairs.length,
    });
  }
  return pairs;
}

/**
 * Finds and reads a deep link in whatever a person pasted: surrounding white space or quotes, a
 * PowerShell `Start-Process` line, a markdown or HTML link, a link URL-encoded as a whole, or two links
 * run together. Never throws; says in `unwrapped` what it had to undo.
 *
 * @example
 * const parsed = parseEnrollmentLink("Start-Process 'ms-device-enrollment:?mode=mdm'");
 * parsed.schemeFound; // true
 */
export function parseEnrollmentLink(input: string): ParsedLink {
  const unwrapped: string[] = [];
  let text = stripEnclosing(input.trim(), unwrapped);

  if (!/ms-device-enrollment:/i.test(text) && ENCODED_SCHEME_PATTERN.test(text)) {
    const decoded = decodeLinkValue(text);
    if (decoded !== undefined) {
      text = stripEnclosing(decoded.trim(), unwrapped);
      unwrapped.push("decoded a link that had been URL-encoded as a whole");
    }
  }

  const start = text.search(SCHEME_PATTERN);
  if (start < 0) return foreignLink(input, text, unwrapped);

  let link = extractFromSurroundings(text, start, unwrapped);

  // A second scheme after the first means two links were run together.
  const otherLinks: string[] = [];
  const second = link.slice(LINK_SCHEME.length).search(SCHEME_PATTERN);
  if (second >= 0) {
    const tail = link.slice(LINK_SCHEME.length + second);
    link = link.slice(0, LINK_SCHEME.length + second);
    otherLinks.push(...tail.split(/(?=ms-device-enrollment)/i).map((l) => l.trim()));
  }

  // Most links hold neither quotes nor white space: one scan, and both clean-ups are skipped.
  const gathered = QUOTE_OR_WHITESPACE.test(link)
    ? gatherAcrossWhitespace(joinQuotedAmpersands(link, unwrapped), unwrapped)
    : { link, joined: false };
  link = withoutTrailingJunk(gathered.link);

  const scheme = link.slice(0, LINK_SCHEME.length);
  const afterScheme = link.slice(LINK_SCHEME.length);
  const separator = /^[^A-Za-z0-9%]*/.exec(afterScheme)?.[0] ?? "";
  const query = afterScheme.slice(separator.length);
  return {
    input,
    link,
    unwrapped,
    schemeFound: true,
    scheme,
    separator,
    query,
    pairs: splitQuery(query),
    otherLinks,
    innerWhitespace: gathered.joined,
  };
}

function foreignLink(input: string, text: string, unwrapped: string[]): ParsedLink {
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text);
  const scheme = schemeMatch?.[1] ?? "";
  const questionMark = text.indexOf("?");
  const query = questionMark < 0 ? "" : text.slice(questionMark + 1);
  return {
    input,
    link: text,
    unwrapped,
    schemeFound: false,
    scheme,
    separator: "",
    query,
    pairs: splitQuery(query),
    otherLinks: [],
    innerWhitespace: false,
  };
}
