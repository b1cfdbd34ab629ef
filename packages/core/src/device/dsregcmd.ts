/**
 * Reads the text `dsregcmd /status` prints, as admins paste it: sections, `key : value` lines, and
 * the join state Microsoft's table derives from three of them. Pastes are often mangled (CRLF,
 * stripped indentation, markdown fences, line numbers, console wraps, a prompt around the output);
 * the reader undoes what it can and reports every line it could not place instead of guessing.
 *
 * The jobs are split by module: cleaning the paste (dsregcmd-paste), sections and fields
 * (dsregcmd-sections), the field table (dsregcmd-fields), the join table (dsregcmd-join) and what
 * can be reported (dsregcmd-checks). This module puts them together.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type ErrorExplanation, explainError } from "../errors/explain.js";
import { dsregcmdFinding } from "./dsregcmd-checks.js";
import {
  type DsregcmdFact,
  type DsregcmdWorkAccount,
  readDsregcmdFields,
  readWorkAccount,
} from "./dsregcmd-fields.js";
import { type DsregcmdJoin, deriveJoin } from "./dsregcmd-join.js";
import { cleanPaste } from "./dsregcmd-paste.js";
import {
  type DsregcmdField,
  type DsregcmdSection,
  type DsregcmdUnreadLine,
  readSections,
} from "./dsregcmd-sections.js";

export { DSREGCMD_CHECKS, type DsregcmdCheck, type DsregcmdCode } from "./dsregcmd-checks.js";
export {
  DSREGCMD_ERROR_SCAN,
  DSREGCMD_FIELDS,
  type DsregcmdFact,
  type DsregcmdFieldKind,
  type DsregcmdFieldSpec,
  type DsregcmdTarget,
  type DsregcmdWorkAccount,
} from "./dsregcmd-fields.js";
export {
  DSREGCMD_JOIN_TABLE,
  type DsregcmdJoin,
  type DsregcmdJoinRow,
  type DsregcmdJoinType,
} from "./dsregcmd-join.js";
export {
  DSREGCMD_SECTIONS,
  type DsregcmdField,
  type DsregcmdSection,
  type DsregcmdUnreadLine,
  normalizeDsregcmdKey,
} from "./dsregcmd-sections.js";

/** An error code found in a field, explained through the error catalog. */
export interface DsregcmdErrorCode {
  /** The code as `0x` and eight lower-case hex digits. */
  readonly code: string;
  readonly from: DsregcmdField;
  readonly explanation: ErrorExplanation;
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
  const pasted = cleanPaste(text);
  const { sections, unread, repairs } = readSections(pasted.lines);
  const diagnostics: Diagnostic[] = [];
  const all = sections.flatMap((s) => s.fields);
  const { join: flags, ...facts } = nestByTarget(readDsregcmdFields(all, diagnostics));
  const join = deriveJoin((flags ?? {}) as Parameters<typeof deriveJoin>[0]);
  const ok = Boolean(join.azureAdJoined || join.enterpriseJoined || join.domainJoined);
  diagnostics.push(...pasteFindings(sections, unread, join, ok));
  return {
    ok,
    sections,
    join,
    ...facts,
    mdm: facts.mdm ?? {},
    prt: facts.prt ?? {},
    workAccounts: workAccounts(sections),
    errors: errorCodes(all),
    unread,
    repairs: [...pasted.repairs, ...repairs],
    diagnostics,
  } as DsregcmdStatus;
}

/**
 * Facts keyed by target nested the way the status holds them: `mdm.url` becomes `{ mdm: { url } }`,
 * a target without a dot is a property of its own.
 */
function nestByTarget(facts: ReadonlyMap<string, DsregcmdFact<unknown>>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [target, fact] of facts) {
    const [head, key] = target.split(".") as [string, string | undefined];
    if (key === undefined) {
      nested[head] = fact;
      continue;
    }
    const group = (nested[head] ?? {}) as Record<string, unknown>;
    group[key] = fact;
    nested[head] = group;
  }
  return nested;
}

/** What the paste as a whole lacks: the Device State section, the join flags, the user's view. */
function pasteFindings(
  sections: readonly DsregcmdSection[],
  unread: readonly DsregcmdUnreadLine[],
  join: DsregcmdJoin,
  ok: boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!sections.some((s) => s.name.toLowerCase() === "device state"))
    out.push(
      dsregcmdFinding(
        "dsregcmd-not-found",
        "No Device State section was found: this does not look like dsregcmd /status output.",
        {
          hint: "Run `dsregcmd /status` in a command prompt as the signed-in user and paste all of it.",
        },
      ),
    );
  else if (!ok)
    out.push(
      dsregcmdFinding(
        "dsregcmd-join-fields-missing",
        "The Device State section has none of AzureAdJoined, EnterpriseJoined, DomainJoined.",
        { hint: "Paste the whole output; the first section must be complete." },
      ),
    );
  if (!join.workplaceJoined && ok)
    out.push(
      dsregcmdFinding(
        "dsregcmd-user-state-missing",
        "WorkplaceJoined (User State) was not read, so whether the user registered the device stays unknown.",
        {
          hint: "dsregcmd prints user facts only in the user's context: run it un-elevated as the user.",
        },
      ),
    );
  if (join.type === "unknown" && ok)
    out.push(dsregcmdFinding("dsregcmd-join-unusual", join.reason));
  for (const u of unread.filter((x) => x.where === "inside"))
    out.push(
      dsregcmdFinding(
        "dsregcmd-line-unread",
        `Line ${u.line} is not a "key : value" field and was left out: ${u.text}`,
      ),
    );
  return out;
}

function workAccounts(sections: readonly DsregcmdSection[]): DsregcmdWorkAccount[] {
  const accounts = sections
    .filter((s) => /^work account\b/i.test(s.name))
    .map((s) => readWorkAccount(s.name, s.line, s.fields));
  // Older builds printed one registered account's fields directly in User State.
  const userState = sections.find((s) => s.name.toLowerCase() === "user state");
  if (userState?.fields.some((f) => f.name === "workplacetenantid"))
    accounts.push(readWorkAccount(userState.name, userState.line, userState.fields));
  return accounts;
}

/** Every HRESULT printed in a field, once per code and line, explained through the catalog. */
function errorCodes(fields: readonly DsregcmdField[]): DsregcmdErrorCode[] {
  const errors: DsregcmdErrorCode[] = [];
  for (const f of fields) {
    for (const m of f.value.matchAll(/\b0x[0-9a-f]{8}\b/gi)) {
      const code = m[0].toLowerCase();
      if (errors.some((e) => e.code === code && e.from.line === f.line)) continue;
      errors.push({ code, from: f, explanation: explainError(code) });
    }
  }
  return errors;
}
