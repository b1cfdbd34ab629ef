/**
 * Reads the text `dsregcmd /status` prints, as admins paste it: sections, `key : value` lines, and
 * the join state Microsoft's table derives from three of them. Pastes are often mangled (CRLF,
 * stripped indentation, markdown fences, line numbers, console wraps, a prompt around the output);
 * the reader undoes what it can and reports every line it could not place instead of guessing.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type ErrorExplanation, explainError } from "../errors/explain.js";
import { type Citation, cite } from "../sources/sources.js";

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

/** A fact read from one field, with the field it came from. */
export interface DsregcmdFact<T> {
  readonly value: T;
  /** The field: section, key as printed, line. */
  readonly from: DsregcmdField;
}

/**
 * The device's join state as Microsoft's table derives it from AzureAdJoined, EnterpriseJoined and
 * DomainJoined, with WorkplaceJoined (User State) for a device registered by its user.
 * `unknown` when the fields needed are missing or contradict the table.
 */
export type DsregcmdJoinType =
  | "entra-joined"
  | "hybrid-joined"
  | "domain-joined"
  | "drs-joined"
  | "registered"
  | "none"
  | "unknown";

export interface DsregcmdJoin {
  readonly type: DsregcmdJoinType;
  readonly azureAdJoined?: DsregcmdFact<boolean>;
  readonly enterpriseJoined?: DsregcmdFact<boolean>;
  readonly domainJoined?: DsregcmdFact<boolean>;
  /**
   * WorkplaceJoined from User State: a Microsoft Entra registered account was added by the user
   * dsregcmd ran as. Undefined when User State was not printed or not read (run as SYSTEM, say).
   */
  readonly workplaceJoined?: DsregcmdFact<boolean>;
  /** Why the type is what it is, in one sentence. */
  readonly reason: string;
  readonly source: Citation;
}

/** A registered work or school account (a `Work Account N` section, or the older User State fields). */
export interface DsregcmdWorkAccount {
  /** The section it was read from. */
  readonly section: string;
  readonly line: number;
  readonly tenantId?: string;
  readonly tenantName?: string;
  /** WorkplaceMdmUrl: the tenant's MDM URL for this account; present is not enrolled. */
  readonly mdmUrl?: string;
}

/** An error code found in a field, explained through the error catalog. */
export interface DsregcmdErrorCode {
  /** The code as `0x` and eight lower-case hex digits. */
  readonly code: string;
  readonly from: DsregcmdField;
  readonly explanation: ErrorExplanation;
}

/** A line that is neither a header nor a field nor a known remark, kept for the reader to see. */
export interface DsregcmdUnreadLine {
  readonly line: number;
  readonly text: string;
  /** Where it stood: before the first section, inside one, or after the closing remark. */
  readonly where: "before" | "inside" | "after";
}

/** What `dsregcmd /status` says, fact by fact, each with the field it came from. */
export interface DsregcmdStatus {
  /** True when a Device State section with at least one join field was found. */
  readonly ok: boolean;
  readonly sections: readonly DsregcmdSection[];
  readonly join: DsregcmdJoin;
  readonly deviceName?: DsregcmdFact<string>;
  /** DomainName, printed only on domain-joined devices. */
  readonly domainName?: DsregcmdFact<string>;
  readonly deviceId?: DsregcmdFact<string>;
  /** TenantName; may be printed empty (value ""). */
  readonly tenantName?: DsregcmdFact<string>;
  readonly tenantId?: DsregcmdFact<string>;
  /**
   * MdmUrl, MdmTouUrl, MdmComplianceUrl from Tenant Details: the tenant's MDM auto-enrollment
   * configuration for this user. Present does not mean the device is enrolled.
   */
  readonly mdm: {
    readonly url?: DsregcmdFact<string>;
    readonly termsOfUseUrl?: DsregcmdFact<string>;
    readonly complianceUrl?: DsregcmdFact<string>;
  };
  /** Primary refresh tokens (SSO State). */
  readonly prt: {
    readonly azureAd?: DsregcmdFact<boolean>;
    readonly azureAdUpdateTime?: DsregcmdFact<string>;
    readonly azureAdExpiryTime?: DsregcmdFact<string>;
    readonly enterprise?: DsregcmdFact<boolean>;
  };
  /** IsUserAzureAD (Ngc Prerequisite Check): the signed-in user exists in Microsoft Entra ID. */
  readonly userInEntra?: DsregcmdFact<boolean>;
  /** `User Context` of the diagnostics (`SYSTEM`, `UN-ELEVATED User`, `ELEVATED User`). */
  readonly userContext?: DsregcmdFact<string>;
  readonly workAccounts: readonly DsregcmdWorkAccount[];
  readonly errors: readonly DsregcmdErrorCode[];
  readonly unread: readonly DsregcmdUnreadLine[];
  /** What was undone in the paste (`line numbers removed`, `markdown fences removed`, …). */
  readonly repairs: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const TABLE: Citation = {
  doc: "dsregcmd-troubleshoot",
  section: "Device state (join type table)",
};
const FORMAT: Citation = { doc: "dsregcmd-observed", section: "Output format" };

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
const FENCE = /^\s*(```|~~~)/;
const PROMPT = /^\s*(PS\s+)?[A-Za-z]:\\[^>]*>\s*(.*)$/;
const NUMBERED = /^\s*\d{1,4}(?:[:.|)\]]\s*|\s+|$)/;
const REMARKS = [
  /^For more information, please visit/i,
  /^Waiting for Diagnostics Task to complete/i,
];

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

interface CleanLine {
  readonly line: number;
  readonly text: string;
}

function clean(text: string, repairs: string[]): CleanLine[] {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (/\r/.test(text)) repairs.push("line endings normalised");
  const lines: CleanLine[] = [];
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
    return lines.map((l) => ({ line: l.line, text: l.text.replace(NUMBERED, "") }));
  }
  return lines;
}

function parseBoolean(value: string): boolean | undefined {
  const v = value.trim().toUpperCase();
  if (v === "YES") return true;
  if (v === "NO") return false;
  return undefined;
}

/**
 * Reads `dsregcmd /status` output as pasted, mangled or not. Never throws: what it cannot read is
 * listed in `unread` and in `diagnostics`.
 *
 * @example
 * const status = parseDsregcmd(`
 * | Device State |
 *              AzureAdJoined : YES
 *           EnterpriseJoined : NO
 *               DomainJoined : NO
 * `);
 * status.join.type; // "entra-joined"
 */
export function parseDsregcmd(text: string): DsregcmdStatus {
  const repairs: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const unread: DsregcmdUnreadLine[] = [];
  const sections: { name: string; line: number; fields: DsregcmdField[] }[] = [];
  let current: (typeof sections)[number] | undefined;
  let last: DsregcmdField | undefined;
  let after = false;
  let strippedIndent = false;
  let prompts = 0;

  for (const { line, text: value } of clean(text, repairs)) {
    if (value.trim() === "") {
      last = undefined;
      continue;
    }
    if (BORDER.test(value)) {
      last = undefined;
      continue;
    }
    const prompt = PROMPT.exec(value);
    if (prompt) {
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
      if (/^For more information/i.test(trimmed)) after = true;
      last = undefined;
      continue;
    }
    const field = current && !after ? FIELD.exec(value) : null;
    if (field && current) {
      if (!/^\s{2,}/.test(value) && field[1]!.length < 24) strippedIndent = true;
      const key = field[1]!.replace(/\s+/g, " ");
      const parsed: DsregcmdField = {
        section: current.name,
        key,
        name: normalizeDsregcmdKey(key),
        value: (field[2] ?? "").trim(),
        line,
      };
      current.fields.push(parsed);
      last = parsed;
      continue;
    }
    if (last && current && !after) {
      // A console wrap: the value goes on without a key. Join it back to the field it belongs to.
      const joined: DsregcmdField = { ...last, value: last.value + trimmed, wrapped: true };
      current.fields[current.fields.length - 1] = joined;
      last = joined;
      continue;
    }
    unread.push({ line, text: trimmed, where: current ? (after ? "after" : "inside") : "before" });
  }
  if (strippedIndent) repairs.push("indentation was stripped; keys read by name");
  if (prompts) repairs.push("shell prompt lines skipped");

  const all = sections.flatMap((s) => s.fields);
  const find = (sectionPrefix: string, ...keys: string[]): DsregcmdField | undefined => {
    const wanted = keys.map(normalizeDsregcmdKey);
    return all.find(
      (f) =>
        f.section.toLowerCase().startsWith(sectionPrefix.toLowerCase()) && wanted.includes(f.name),
    );
  };
  const bool = (f: DsregcmdField | undefined, what: string): DsregcmdFact<boolean> | undefined => {
    if (!f) return undefined;
    const value = parseBoolean(f.value);
    if (value === undefined) {
      diagnostics.push({
        code: "dsregcmd-value-unreadable",
        severity: "warning",
        message: `${f.key} on line ${f.line} is "${f.value}", not YES or NO, so ${what} stays unknown.`,
        param: f.key,
        source: cite(FORMAT.doc, FORMAT.section),
      });
      return undefined;
    }
    return { value, from: f };
  };
  const str = (f: DsregcmdField | undefined): DsregcmdFact<string> | undefined =>
    f ? { value: f.value, from: f } : undefined;
  const nonEmpty = (f: DsregcmdField | undefined) => (f && f.value !== "" ? str(f) : undefined);

  const azureAdJoined = bool(find("Device State", "AzureAdJoined"), "Entra join");
  const enterpriseJoined = bool(find("Device State", "EnterpriseJoined"), "DRS join");
  const domainJoined = bool(find("Device State", "DomainJoined"), "domain join");
  const workplaceJoined = bool(
    find("User State", "WorkplaceJoined"),
    "Entra registration by the user",
  );
  const join = deriveJoin({ azureAdJoined, enterpriseJoined, domainJoined, workplaceJoined });
  const ok = Boolean(azureAdJoined || enterpriseJoined || domainJoined);

  if (!sections.some((s) => s.name.toLowerCase() === "device state"))
    diagnostics.push({
      code: "dsregcmd-not-found",
      severity: "error",
      message:
        "No Device State section was found: this does not look like dsregcmd /status output.",
      hint: "Run `dsregcmd /status` in a command prompt as the signed-in user and paste all of it.",
      source: cite(FORMAT.doc, FORMAT.section),
    });
  else if (!ok)
    diagnostics.push({
      code: "dsregcmd-join-fields-missing",
      severity: "error",
      message:
        "The Device State section has none of AzureAdJoined, EnterpriseJoined, DomainJoined.",
      hint: "Paste the whole output; the first section must be complete.",
      source: cite(TABLE.doc, TABLE.section),
    });
  if (!workplaceJoined && ok)
    diagnostics.push({
      code: "dsregcmd-user-state-missing",
      severity: "info",
      message:
        "WorkplaceJoined (User State) was not read, so whether the user registered the device stays unknown.",
      hint: "dsregcmd prints user facts only in the user's context: run it un-elevated as the user.",
      source: cite("dsregcmd-troubleshoot", "User state"),
    });
  if (join.type === "unknown" && ok)
    diagnostics.push({
      code: "dsregcmd-join-unusual",
      severity: "warning",
      message: join.reason,
      source: cite(TABLE.doc, TABLE.section),
    });
  for (const u of unread.filter((x) => x.where === "inside"))
    diagnostics.push({
      code: "dsregcmd-line-unread",
      severity: "info",
      message: `Line ${u.line} is not a "key : value" field and was left out: ${u.text}`,
      source: cite(FORMAT.doc, FORMAT.section),
    });

  const workAccounts: DsregcmdWorkAccount[] = sections
    .filter((s) => /^work account\b/i.test(s.name))
    .map((s) => workAccount(s.name, s.line, s.fields));
  // Older builds printed one registered account's fields directly in User State.
  const userState = sections.find((s) => s.name.toLowerCase() === "user state");
  if (userState?.fields.some((f) => f.name === "workplacetenantid"))
    workAccounts.push(workAccount(userState.name, userState.line, userState.fields));

  const errors: DsregcmdErrorCode[] = [];
  for (const f of all) {
    for (const m of f.value.matchAll(/\b0x[0-9a-f]{8}\b/gi)) {
      const code = m[0].toLowerCase();
      if (errors.some((e) => e.code === code && e.from.line === f.line)) continue;
      errors.push({ code, from: f, explanation: explainError(code) });
    }
  }

  return {
    ok,
    sections,
    join,
    ...opt("deviceName", nonEmpty(find("Device State", "Device Name"))),
    ...opt("domainName", nonEmpty(find("Device State", "DomainName"))),
    ...opt("deviceId", nonEmpty(find("Device Details", "DeviceId"))),
    ...opt("tenantName", str(find("Tenant Details", "TenantName"))),
    ...opt("tenantId", nonEmpty(find("Tenant Details", "TenantId"))),
    mdm: {
      ...opt("url", nonEmpty(find("Tenant Details", "MdmUrl"))),
      ...opt("termsOfUseUrl", nonEmpty(find("Tenant Details", "MdmTouUrl"))),
      ...opt("complianceUrl", nonEmpty(find("Tenant Details", "MdmComplianceUrl"))),
    },
    prt: {
      ...opt("azureAd", bool(find("SSO State", "AzureAdPrt"), "the Entra PRT")),
      ...opt("azureAdUpdateTime", nonEmpty(find("SSO State", "AzureAdPrtUpdateTime"))),
      ...opt("azureAdExpiryTime", nonEmpty(find("SSO State", "AzureAdPrtExpiryTime"))),
      ...opt("enterprise", bool(find("SSO State", "EnterprisePrt"), "the enterprise PRT")),
    },
    ...opt("userInEntra", bool(find("Ngc Prerequisite Check", "IsUserAzureAD"), "IsUserAzureAD")),
    ...opt("userContext", nonEmpty(find("Diagnostic Data", "User Context"))),
    workAccounts,
    errors,
    unread,
    repairs,
    diagnostics,
  };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function workAccount(
  section: string,
  line: number,
  fields: readonly DsregcmdField[],
): DsregcmdWorkAccount {
  const get = (key: string) => {
    const value = fields.find((f) => f.name === normalizeDsregcmdKey(key))?.value;
    return value ? value : undefined;
  };
  return {
    section,
    line,
    ...opt("tenantId", get("WorkplaceTenantId")),
    ...opt("tenantName", get("WorkplaceTenantName")),
    ...opt("mdmUrl", get("WorkplaceMdmUrl")),
  };
}

/** One row of the join table: the flags dsregcmd prints and the join type they mean. */
export interface DsregcmdJoinRow {
  readonly azureAdJoined: boolean;
  readonly enterpriseJoined: boolean;
  readonly domainJoined: boolean;
  /** WorkplaceJoined (User State); undefined where the row does not look at it. */
  readonly workplaceJoined?: boolean;
  readonly type: DsregcmdJoinType;
  /** The state's name, as the enrollment guide says it. */
  readonly label: string;
  readonly source: Citation;
}

/**
 * How dsregcmd's flags map to a join type: Microsoft's four rows, then the two its table leaves
 * out (registered by the user, and nothing at all), which rest on the User State section.
 */
export const DSREGCMD_JOIN_TABLE: readonly DsregcmdJoinRow[] = [
  {
    azureAdJoined: true,
    enterpriseJoined: false,
    domainJoined: false,
    type: "entra-joined",
    label: "Microsoft Entra joined",
    source: TABLE,
  },
  {
    azureAdJoined: false,
    enterpriseJoined: false,
    domainJoined: true,
    type: "domain-joined",
    label: "Domain joined",
    source: TABLE,
  },
  {
    azureAdJoined: true,
    enterpriseJoined: false,
    domainJoined: true,
    type: "hybrid-joined",
    label: "Microsoft Entra hybrid joined",
    source: TABLE,
  },
  {
    azureAdJoined: false,
    enterpriseJoined: true,
    domainJoined: true,
    type: "drs-joined",
    label: "On-premises DRS joined",
    source: TABLE,
  },
  {
    azureAdJoined: false,
    enterpriseJoined: false,
    domainJoined: false,
    workplaceJoined: true,
    type: "registered",
    label: "Microsoft Entra registered by the user",
    source: { doc: "dsregcmd-troubleshoot", section: "User state (WorkplaceJoined)" },
  },
  {
    azureAdJoined: false,
    enterpriseJoined: false,
    domainJoined: false,
    workplaceJoined: false,
    type: "none",
    label: "Not joined and not registered",
    source: { doc: "dsregcmd-observed", section: "Join type (no row in Microsoft's table)" },
  },
];

const yn = (v: boolean | undefined) => (v ? "YES" : "NO");

function deriveJoin(parts: {
  azureAdJoined?: DsregcmdFact<boolean>;
  enterpriseJoined?: DsregcmdFact<boolean>;
  domainJoined?: DsregcmdFact<boolean>;
  workplaceJoined?: DsregcmdFact<boolean>;
}): DsregcmdJoin {
  const aad = parts.azureAdJoined?.value;
  // EnterpriseJoined is printed on every documented build; a missing one is read as NO.
  const ent = parts.enterpriseJoined?.value ?? false;
  const dom = parts.domainJoined?.value;
  const wpj = parts.workplaceJoined?.value;
  if (aad === undefined || dom === undefined)
    return {
      ...parts,
      type: "unknown",
      reason: "AzureAdJoined or DomainJoined could not be read.",
      source: TABLE,
    };
  const rows = DSREGCMD_JOIN_TABLE.filter(
    (r) => r.azureAdJoined === aad && r.enterpriseJoined === ent && r.domainJoined === dom,
  );
  const flags = `AzureAdJoined ${yn(aad)}, EnterpriseJoined ${yn(ent)}, DomainJoined ${yn(dom)}`;
  if (rows.length === 1)
    return {
      ...parts,
      type: rows[0]!.type,
      reason: `${flags}: ${rows[0]!.label}.`,
      source: rows[0]!.source,
    };
  if (rows.length > 1) {
    const row = rows.find((r) => r.workplaceJoined === wpj);
    if (row)
      return {
        ...parts,
        type: row.type,
        reason: `${flags}, WorkplaceJoined ${yn(wpj)}: ${row.label}.`,
        source: row.source,
      };
    return {
      ...parts,
      type: "unknown",
      reason: `${flags}: the device is not joined, but WorkplaceJoined was not read, so a user registration is unknown.`,
      source: TABLE,
    };
  }
  return {
    ...parts,
    type: "unknown",
    reason: `${flags} fits no row of Microsoft's table (a device cannot be both EnterpriseJoined and AzureAdJoined).`,
    source: TABLE,
  };
}
