/**
 * Splits cleaned `dsregcmd /status` lines into sections and `key : value` fields, joining console
 * wraps back to their field and keeping every line it cannot place.
 */
import type { PastedLine } from "./dsregcmd-paste.js";

/** One `key : value` line, where it was found, and how it was written. */
export interface DsregcmdField {
  /** The section it belongs to, as printed (`Device State`); "" before any section header. */
  readonly section: string;
  /** The key as printed (`AzureAdJoined`, `HTTP status`). */
  readonly key: string;
  /** The key in lower-case letters and digits only, so spelling variants compare equal. */
  readonly name: string;
  /** The value, trimmed; "" when dsregcmd printed the key with nothing after it. */
  readonly value: string;
  /** 1-based line of the pasted text the field starts on. */
  readonly line: number;
  /** True when the value continued on following lines (a console wrap) and was joined back. */
  readonly wrapped?: boolean;
}

export interface DsregcmdSection {
  /** The name as printed (`Device State`, `Work Account 1`). */
  readonly name: string;
  /** 1-based line of the header's name. */
  readonly line: number;
  readonly fields: readonly DsregcmdField[];
}

/** A line that is neither a header nor a field nor a known remark, kept for the reader to see. */
export interface DsregcmdUnreadLine {
  readonly line: number;
  readonly text: string;
  /** Where it stood: before the first section, inside one, or after the closing remark. */
  readonly where: "before" | "inside" | "after";
}

/** Section names dsregcmd prints, as documented or observed; used to recognise a bare name line. */
export const DSREGCMD_SECTIONS: readonly string[] = [
  "Device State",
  "Device Details",
  "Tenant Details",
  "User State",
  "SSO State",
  "Diagnostic Data",
  "Work Account",
  "IE Proxy Config for Current User",
  "IE Proxy Config for System Account",
  "URL Specific Proxy Config",
  "WinHttp Default Proxy Config",
  "Ngc Prerequisite Check",
];

/**
 * Lower-case letters and digits only, so the spellings of one `dsregcmd /status` key across Windows
 * releases meet.
 *
 * @example
 * ```ts
 * normalizeDsregcmdKey("AzureAdJoined"); // "azureadjoined"
 * normalizeDsregcmdKey("HTTP Status"); // "httpstatus"
 * ```
 */
export function normalizeDsregcmdKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const BORDER = /^\s*\+-{10,}\+?\s*$/;
const HEADER = /^\s*\|\s*(.+?)\s*\|?\s*$/;
const FIELD = /^\s*([A-Za-z][A-Za-z0-9 ()\-_/]*?)\s*:(?:\s(.*)|)$/;
const PROMPT = /^\s*(PS\s+)?[A-Za-z]:\\[^>]*>\s*(.*)$/;
const CLOSING_REMARK = /^For more information, please visit/i;
const REMARKS = [CLOSING_REMARK, /^Waiting for Diagnostics Task to complete/i];

function sectionName(line: string): string | undefined {
  const header = HEADER.exec(line);
  if (header && !BORDER.test(line)) return header[1]!.replace(/\s+/g, " ");
  const bare = line.trim().replace(/\s+/g, " ");
  const lower = bare.toLowerCase();
  for (const name of DSREGCMD_SECTIONS) {
    if (lower === name.toLowerCase()) return bare;
    if (name === "Work Account" && /^work account \d+$/.test(lower)) return bare;
  }
  return undefined;
}

/** The sections and fields of the lines, the lines left unread, and what was repaired on the way. */
export function readSections(lines: readonly PastedLine[]): {
  sections: DsregcmdSection[];
  unread: DsregcmdUnreadLine[];
  repairs: string[];
} {
  const repairs: string[] = [];
  const unread: DsregcmdUnreadLine[] = [];
  const sections: { name: string; line: number; fields: DsregcmdField[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  let last: DsregcmdField | undefined;
  let after = false;
  let strippedIndent = false;
  let prompts = 0;

  for (const { line, text: value } of lines) {
    if (value.trim() === "" || BORDER.test(value)) {
      last = undefined;
      continue;
    }
    if (PROMPT.test(value)) {
      prompts++;
      last = undefined;
      continue;
    }
    const name = sectionName(value);
    if (name !== undefined) {
      current = { name, line, fields: [] };
      sections.push(current);
      last = undefined;
      after = false;
      continue;
    }
    const trimmed = value.trim();
    if (REMARKS.some((r) => r.test(trimmed))) {
      if (CLOSING_REMARK.test(trimmed)) after = true;
      last = undefined;
      continue;
    }
    const field = current && !after ? FIELD.exec(value) : null;
    if (field && current) {
      if (!/^\s{2,}/.test(value) && field[1]!.length < 24) strippedIndent = true;
      const key = field[1]!.replace(/\s+/g, " ");
      last = {
        section: current.name,
        key,
        name: normalizeDsregcmdKey(key),
        value: (field[2] ?? "").trim(),
        line,
      };
      current.fields.push(last);
      continue;
    }
    if (last && current && !after) {
      // A console wrap: the value goes on without a key. Join it back to the field it belongs to.
      last = { ...last, value: last.value + trimmed, wrapped: true };
      current.fields[current.fields.length - 1] = last;
      continue;
    }
    unread.push({ line, text: trimmed, where: current ? (after ? "after" : "inside") : "before" });
  }
  if (strippedIndent) repairs.push("indentation was stripped; keys read by name");
  if (prompts) repairs.push("shell prompt lines skipped");
  return { sections, unread, repairs };
}
