/**
 * The `dsregcmd /status` fields winenroll reads, as a table: where each is printed, how its value
 * is read, where it lands in {@link DsregcmdStatus}, and the device fact it feeds. The parser reads
 * fields only through this table, and the docs' reference table is rendered from it.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { FactPath } from "../rules/rules.js";
import type { Citation } from "../sources/sources.js";
import { dsregcmdFinding } from "./dsregcmd-checks.js";
import { type DsregcmdField, normalizeDsregcmdKey } from "./dsregcmd-sections.js";

/** A fact read from one field, with the field it came from. */
export interface DsregcmdFact<T> {
  readonly value: T;
  /** The field: section, key as printed, line. */
  readonly from: DsregcmdField;
}

/**
 * How a value is read: `yes-no` (anything else is reported and left unknown), `text` (kept even
 * when empty), `non-empty` (left out when empty).
 */
export type DsregcmdFieldKind = "yes-no" | "text" | "non-empty";

/** Where a field's value lands: a property path of {@link DsregcmdStatus}. */
export type DsregcmdTarget =
  | "join.azureAdJoined"
  | "join.enterpriseJoined"
  | "join.domainJoined"
  | "join.workplaceJoined"
  | "deviceName"
  | "domainName"
  | "deviceId"
  | "tenantName"
  | "tenantId"
  | "mdm.url"
  | "mdm.termsOfUseUrl"
  | "mdm.complianceUrl"
  | "prt.azureAd"
  | "prt.azureAdUpdateTime"
  | "prt.azureAdExpiryTime"
  | "prt.enterprise"
  | "userInEntra"
  | "userContext"
  | "workAccounts.tenantId"
  | "workAccounts.tenantName"
  | "workAccounts.mdmUrl";

/** One field winenroll reads. */
export interface DsregcmdFieldSpec {
  /** The section it is printed in; `Work Account N` stands for each numbered section. */
  readonly section: string;
  /** The key as dsregcmd prints it. */
  readonly key: string;
  readonly kind: DsregcmdFieldKind;
  readonly target: DsregcmdTarget;
  /** The device facts it feeds (through {@link dsregcmdToDeviceState}); none when it is only shown. */
  readonly feeds: readonly FactPath[];
  /** What it says, in a few words. */
  readonly reads: string;
  readonly source: Citation;
}

const DOC = (section: string): Citation => ({ doc: "dsregcmd-troubleshoot", section });
const OBSERVED = (section: string): Citation => ({ doc: "dsregcmd-observed", section });
const WORK_ACCOUNTS = OBSERVED("Work Account sections");

/** Every field {@link parseDsregcmd} reads by name, in the order dsregcmd prints them. */
export const DSREGCMD_FIELDS: readonly DsregcmdFieldSpec[] = [
  {
    section: "Device State",
    key: "AzureAdJoined",
    kind: "yes-no",
    target: "join.azureAdJoined",
    feeds: ["joined"],
    reads: "joined to Microsoft Entra ID",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "EnterpriseJoined",
    kind: "yes-no",
    target: "join.enterpriseJoined",
    feeds: ["joined"],
    reads:
      "joined to an on-premises DRS (the join table and the 2019 text); the 2025 field list says on-premises Active Directory instead",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "DomainJoined",
    kind: "yes-no",
    target: "join.domainJoined",
    feeds: ["joined"],
    reads: "joined to an Active Directory domain",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "Device Name",
    kind: "non-empty",
    target: "deviceName",
    feeds: [],
    reads: "the device's name",
    source: OBSERVED("Device State"),
  },
  {
    section: "Device State",
    key: "DomainName",
    kind: "non-empty",
    target: "domainName",
    feeds: [],
    reads: "the domain's name",
    source: DOC("Device state"),
  },
  {
    section: "Device Details",
    key: "DeviceId",
    kind: "non-empty",
    target: "deviceId",
    feeds: [],
    reads: "the device's id in the tenant",
    source: DOC("Device details"),
  },
  {
    section: "Tenant Details",
    key: "TenantName",
    kind: "text",
    target: "tenantName",
    feeds: [],
    reads: "the tenant's display name (may be empty)",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "TenantId",
    kind: "non-empty",
    target: "tenantId",
    feeds: [],
    reads: "the tenant's id",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmUrl",
    kind: "non-empty",
    target: "mdm.url",
    feeds: ["tenant.autoEnrollment"],
    reads: "the tenant's MDM auto-enrollment URL for this user; present is not enrolled",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmTouUrl",
    kind: "non-empty",
    target: "mdm.termsOfUseUrl",
    feeds: [],
    reads: "the MDM terms of use URL",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmComplianceUrl",
    kind: "non-empty",
    target: "mdm.complianceUrl",
    feeds: [],
    reads: "the MDM compliance URL",
    source: DOC("Tenant details"),
  },
  {
    section: "User State",
    key: "WorkplaceJoined",
    kind: "yes-no",
    target: "join.workplaceJoined",
    feeds: ["workAccount"],
    reads: "this user added a work account (Entra registered)",
    source: DOC("User state"),
  },
  {
    section: "SSO State",
    key: "AzureAdPrt",
    kind: "yes-no",
    target: "prt.azureAd",
    feeds: [],
    reads: "a Microsoft Entra primary refresh token is held",
    source: DOC("SSO state"),
  },
  {
    section: "SSO State",
    key: "AzureAdPrtUpdateTime",
    kind: "non-empty",
    target: "prt.azureAdUpdateTime",
    feeds: [],
    reads: "when the Microsoft Entra primary refresh token was last renewed",
    source: DOC("SSO state"),
  },
  {
    section: "SSO State",
    key: "AzureAdPrtExpiryTime",
    kind: "non-empty",
    target: "prt.azureAdExpiryTime",
    feeds: [],
    reads: "when the Microsoft Entra primary refresh token expires",
    source: DOC("SSO state"),
  },
  {
    section: "SSO State",
    key: "EnterprisePrt",
    kind: "yes-no",
    target: "prt.enterprise",
    feeds: [],
    reads: "an AD FS primary refresh token is held",
    source: DOC("SSO state"),
  },
  {
    section: "Ngc Prerequisite Check",
    key: "IsUserAzureAD",
    kind: "yes-no",
    target: "userInEntra",
    feeds: ["tenant.userFound"],
    reads: "the signed-in user exists in Microsoft Entra ID",
    source: DOC("Ngc prerequisite check"),
  },
  {
    section: "Diagnostic Data",
    key: "User Context",
    kind: "non-empty",
    target: "userContext",
    feeds: [],
    reads: "the context the diagnostics ran in",
    source: DOC("Diagnostic data"),
  },
  {
    section: "Work Account N",
    key: "WorkplaceTenantId",
    kind: "non-empty",
    target: "workAccounts.tenantId",
    feeds: ["workAccount"],
    reads: "a registered account's tenant id (older builds print it in User State)",
    source: WORK_ACCOUNTS,
  },
  {
    section: "Work Account N",
    key: "WorkplaceTenantName",
    kind: "non-empty",
    target: "workAccounts.tenantName",
    feeds: ["workAccount"],
    reads: "a registered account's tenant name",
    source: WORK_ACCOUNTS,
  },
  {
    section: "Work Account N",
    key: "WorkplaceMdmUrl",
    kind: "non-empty",
    target: "workAccounts.mdmUrl",
    feeds: ["workAccount", "tenant.autoEnrollment"],
    reads: "a registered account's tenant MDM URL",
    source: WORK_ACCOUNTS,
  },
];

/** What a YES/NO field decides, for the warning when its value is neither. */
const DECIDES: Partial<Record<DsregcmdTarget, string>> = {
  "join.azureAdJoined": "Entra join",
  "join.enterpriseJoined": "DRS join",
  "join.domainJoined": "domain join",
  "join.workplaceJoined": "Entra registration by the user",
  "prt.azureAd": "the Entra PRT",
  "prt.enterprise": "the enterprise PRT",
  userInEntra: "IsUserAzureAD",
};

function parseYesNo(value: string): boolean | undefined {
  const v = value.trim().toUpperCase();
  if (v === "YES") return true;
  if (v === "NO") return false;
  return undefined;
}

/** The first field printed under `spec`'s section whose key is `spec`'s key, in any spelling. */
function findField(
  fields: readonly DsregcmdField[],
  spec: DsregcmdFieldSpec,
): DsregcmdField | undefined {
  const section = spec.section.toLowerCase();
  const name = normalizeDsregcmdKey(spec.key);
  return fields.find((f) => f.section.toLowerCase().startsWith(section) && f.name === name);
}

/** One field's fact, read as the spec says; a YES/NO field holding something else is reported. */
function readFact(
  spec: DsregcmdFieldSpec,
  field: DsregcmdField,
  diagnostics: Diagnostic[],
): DsregcmdFact<string | boolean> | undefined {
  if (spec.kind === "text") return { value: field.value, from: field };
  if (spec.kind === "non-empty")
    return field.value === "" ? undefined : { value: field.value, from: field };
  const value = parseYesNo(field.value);
  if (value !== undefined) return { value, from: field };
  diagnostics.push(
    dsregcmdFinding(
      "dsregcmd-value-unreadable",
      `${field.key} on line ${field.line} is "${field.value}", not YES or NO, so ${DECIDES[spec.target] ?? field.key} stays unknown.`,
      { param: field.key },
    ),
  );
  return undefined;
}

/**
 * The facts of every single-valued field in the table (work accounts aside), by target, in table
 * order; unreadable YES/NO values go to `diagnostics`.
 */
export function readDsregcmdFields(
  fields: readonly DsregcmdField[],
  diagnostics: Diagnostic[],
): Map<DsregcmdTarget, DsregcmdFact<string | boolean>> {
  const facts = new Map<DsregcmdTarget, DsregcmdFact<string | boolean>>();
  for (const spec of DSREGCMD_FIELDS) {
    if (spec.target.startsWith("workAccounts.")) continue;
    const field = findField(fields, spec);
    const fact = field && readFact(spec, field, diagnostics);
    if (fact) facts.set(spec.target, fact);
  }
  return facts;
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

/** The work-account fields of one section, by the table's `workAccounts.*` entries. */
export function readWorkAccount(
  section: string,
  line: number,
  fields: readonly DsregcmdField[],
): DsregcmdWorkAccount {
  const account: Record<string, string> = {};
  for (const spec of DSREGCMD_FIELDS) {
    if (!spec.target.startsWith("workAccounts.")) continue;
    const value = fields.find((f) => f.name === normalizeDsregcmdKey(spec.key))?.value;
    if (value) account[spec.target.slice("workAccounts.".length)] = value;
  }
  return { section, line, ...account };
}

/** Besides the fields by name, every value is scanned for error codes (`0x801c03f2`). */
export const DSREGCMD_ERROR_SCAN = {
  reads: "error codes 0x… in any field's value, explained through the error catalog",
  source: DOC("Diagnostic data"),
} as const satisfies { reads: string; source: Citation };
