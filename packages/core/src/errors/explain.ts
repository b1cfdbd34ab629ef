import { closestMatches } from "../text/similarity.js";
import { ERROR_CATALOG, type ErrorCatalogEntry } from "./catalog.js";
import { WIN32_ERRORS, WINHTTP_ERRORS } from "./codes.js";
import { decodeHResult, formatHResult, type HResultDecoding, parseHResult } from "./hresult.js";
import type { KnownMessage } from "./known-message.js";
import { RULE_MESSAGES } from "./rule-messages.js";

export type { KnownMessage };

/** How an entry was found. */
export type MatchKind = "hresult" | "name" | "fault" | "string-id" | "message" | "code-in-text";

export interface ErrorMatch {
  readonly by: MatchKind;
  readonly entry: ErrorCatalogEntry;
}

export interface ErrorExplanation {
  readonly input: string;
  /** How the input was read. */
  readonly kind: "hresult" | "name" | "text" | "empty";
  /** True when anything explains the input: a catalog entry, a rule message or a named code. */
  readonly found: boolean;
  /** Every catalog entry that matches; where sources disagree, each of them. */
  readonly matches: readonly ErrorMatch[];
  /** Messages of other modules (the enrollment rules) that match the text. */
  readonly messages: readonly KnownMessage[];
  /** The structural decoding of the HRESULT in the input (or the first one found in the text). */
  readonly decoded?: HResultDecoding;
  /** The conflicts between sources the matches carry, one note each. */
  readonly conflicts: readonly string[];
  /** The closest known codes, names or messages when nothing matches. */
  readonly suggestions: readonly string[];
}

/**
 * Lower-case letters and digits only: apostrophes, hyphens, spacing and punctuation drop out, so
 * messages typed loosely compare equal.
 *
 * @example
 * normalizeMessage("We couldn’t auto-discover"); // "wecouldntautodiscover"
 */
export function normalizeMessage(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function words(text: string): Set<string> {
  return new Set(
    text
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`´']/g, "")
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2),
  );
}

const NAME_PREFIXES = /^(MENROLL_[ES]_|MREGISTER_E_|ERROR_WINHTTP_|ERROR_|E_)/;

function nameKey(name: string): string {
  return name.trim().toUpperCase().replace(NAME_PREFIXES, "");
}

function faultKey(text: string): string {
  return text
    .trim()
    .replace(/^[sa]:/i, "")
    .toLowerCase();
}

/** The shortest input read as part of a message, so that "the" does not match everything. */
const MIN_MESSAGE_FRAGMENT = 12;

/**
 * Where a message carries a code: Windows' `{0}` placeholder, or a code written out (`0x801c0003`,
 * `801C0003`, `-2145648637`). Both sides of a comparison put the same marker there, so a code typed
 * in place of `{0}` matches, whichever code it is.
 */
const CODE_SLOT = /\{0\}|\b0x[0-9a-f]{1,8}\b|\b(?=[a-f]*[0-9])[0-9a-f]{8}\b|-?\b[0-9]{9,10}\b/gi;
const CODE_MARK = " qqcodeqq ";

/** The form messages are compared in: codes marked, then {@link normalizeMessage}. */
function messageKey(text: string): string {
  return normalizeMessage(text.replace(CODE_SLOT, CODE_MARK));
}

// The compared form of each known message, computed on first use and kept with the message object,
// so a lookup prepares only its input rather than every message of the catalog each call.
const NORMALIZED = new WeakMap<{ readonly text: string }, string>();

function normalizedText(message: { readonly text: string }): string {
  let value = NORMALIZED.get(message);
  if (value === undefined) {
    value = messageKey(message.text);
    NORMALIZED.set(message, value);
  }
  return value;
}

/** `a` is the normalised input, `b` a normalised message. */
function messageMatches(a: string, b: string): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return (a.length >= MIN_MESSAGE_FRAGMENT && b.includes(a)) || a.includes(b);
}

function addUnique(list: ErrorMatch[], by: MatchKind, entry: ErrorCatalogEntry): void {
  if (!list.some((m) => m.entry.id === entry.id)) list.push({ by, entry });
}

function namedCodeHResult(input: string): number | undefined {
  const key = input.trim().toUpperCase();
  const winhttp = WINHTTP_ERRORS.find((c) => c.name === key);
  if (winhttp) return (0x80070000 | winhttp.code) >>> 0;
  const win32 = WIN32_ERRORS.find((c) => c.name === key);
  if (win32) return (0x80070000 | win32.code) >>> 0;
  return undefined;
}

function allNames(catalog: readonly ErrorCatalogEntry[]): string[] {
  const names = new Set<string>();
  for (const entry of catalog) {
    for (const name of entry.names) names.add(name);
    for (const fault of entry.faults ?? []) names.add(fault.value);
  }
  return Array.from(names);
}

function nearbyCodes(value: number, catalog: readonly ErrorCatalogEntry[]): string[] {
  const facility = (value >>> 16) & 0x7ff;
  return catalog
    .filter((e) => e.hresult !== undefined && ((e.hresult >>> 16) & 0x7ff) === facility)
    .map((e) => ({ e, d: Math.abs(e.hresult! - value) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ e }) => `${formatHResult(e.hresult!)}${e.names[0] ? ` ${e.names[0]}` : ""}`);
}

function similarMessages(
  input: string,
  catalog: readonly ErrorCatalogEntry[],
  extra: readonly KnownMessage[],
): string[] {
  const wanted = words(input);
  if (wanted.size === 0) return [];
  const texts = [
    ...catalog.flatMap((e) => (e.messages ?? []).map((m) => m.text)),
    ...extra.map((m) => m.text),
  ];
  return texts
    .map((text) => {
      const have = words(text);
      let shared = 0;
      for (const w of wanted) if (have.has(w)) shared++;
      return { text, shared };
    })
    .filter((t) => t.shared >= 2 || (wanted.size === 1 && t.shared === 1))
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 3)
    .map((t) => t.text);
}

export interface ExplainOptions {
  /** Catalog to search; defaults to {@link ERROR_CATALOG}. */
  readonly catalog?: readonly ErrorCatalogEntry[];
  /** Messages beyond the catalog's; defaults to the enrollment rules' messages. */
  readonly messages?: readonly KnownMessage[];
}

/**
 * Explains an enrollment error from whatever the admin has: an HRESULT in hex (`0x80180014`,
 * `80180014`) or decimal (`-2145910764`), a constant name (`MENROLL_E_DEVICENOTSUPPORTED`, with or
 * without its prefix), a SOAP fault (`DeviceNotSupported`, `s:Authorization`) or the text Windows
 * shows, typed loosely or in part. Returns every matching entry (all of them where sources
 * disagree) and the structural decoding of any HRESULT. Never throws.
 *
 * @example
 * const result = explainError("0x8018002b");
 * result.matches.map((m) => m.entry.id);
 * // ["menroll-e-mdm-not-configured-header"], with result.conflicts naming 0x80180031
 *
 * explainError("We couldn't auto-discover a management endpoint").found; // true
 */
export function explainError(input: string, options: ExplainOptions = {}): ErrorExplanation {
  const catalog = options.catalog ?? ERROR_CATALOG;
  const extra = options.messages ?? RULE_MESSAGES;
  const text = input.trim();
  const matches: ErrorMatch[] = [];
  const messages: KnownMessage[] = [];
  let decoded: HResultDecoding | undefined;
  let kind: ErrorExplanation["kind"];
  let suggestions: string[] = [];

  if (text === "") {
    kind = "empty";
  } else if (parseHResult(text) !== undefined) {
    kind = "hresult";
    const value = parseHResult(text)!;
    decoded = decodeHResult(value);
    for (const entry of catalog) if (entry.hresult === value) addUnique(matches, "hresult", entry);
    if (matches.length === 0 && !decoded.interpretation?.name)
      suggestions = nearbyCodes(value, catalog);
  } else if (/^([sa]:)?[A-Za-z][A-Za-z0-9_]*$/.test(text)) {
    kind = "name";
    const key = nameKey(text);
    for (const entry of catalog) {
      if (entry.names.some((n) => nameKey(n) === key)) addUnique(matches, "name", entry);
    }
    for (const entry of catalog) {
      if (entry.faults?.some((f) => faultKey(f.value) === faultKey(text)))
        addUnique(matches, "fault", entry);
    }
    const stringId = text.toLowerCase();
    for (const entry of catalog) {
      if (entry.messages?.some((m) => m.stringId?.toLowerCase() === stringId))
        addUnique(matches, "string-id", entry);
    }
    const named = namedCodeHResult(text);
    if (named !== undefined) decoded = decodeHResult(named);
    else if (
      matches.length > 0 &&
      matches.every((m) => m.entry.hresult === matches[0]!.entry.hresult)
    ) {
      const value = matches[0]!.entry.hresult;
      if (value !== undefined) decoded = decodeHResult(value);
    }
    if (matches.length === 0 && decoded === undefined) {
      suggestions = closestMatches(
        text.replace(/^[sa]:/i, ""),
        allNames(catalog).concat(WINHTTP_ERRORS.map((c) => c.name)),
      );
    }
  } else {
    kind = "text";
    // A code written in the text comes first: of the codes that share a message, it is the one
    // the screen showed.
    const codes = text.match(/\b0x[0-9a-f]{8}\b/gi) ?? [];
    for (const code of codes) {
      const value = parseHResult(code)!;
      decoded ??= decodeHResult(value);
      for (const entry of catalog)
        if (entry.hresult === value) addUnique(matches, "code-in-text", entry);
    }
    const normalized = messageKey(text);
    for (const entry of catalog) {
      if (entry.messages?.some((m) => messageMatches(normalized, normalizedText(m))))
        addUnique(matches, "message", entry);
    }
    for (const message of extra)
      if (messageMatches(normalized, normalizedText(message))) messages.push(message);
    if (matches.length === 0 && messages.length === 0)
      suggestions = similarMessages(text, catalog, extra);
  }

  // Array.from, not spread: the docs site's loose-mode transpiling turns [...set] into [set].
  const conflicts = Array.from(
    new Set(matches.flatMap((m) => (m.entry.conflict ? [m.entry.conflict.note] : []))),
  );
  const found =
    matches.length > 0 || messages.length > 0 || decoded?.interpretation?.name !== undefined;
  return {
    input,
    kind,
    found,
    matches,
    messages,
    ...(decoded ? { decoded } : {}),
    conflicts,
    suggestions,
  };
}

/**
 * Finds the catalog entries for one HRESULT (all of them where sources disagree).
 *
 * @example
 * findErrorsByHResult(0x8018000a).map((e) => e.origin); // ["mdm-enrollment", "workplace-join"]
 */
export function findErrorsByHResult(value: number): ErrorCatalogEntry[] {
  const unsigned = value >>> 0;
  return ERROR_CATALOG.filter((e) => e.hresult === unsigned);
}
