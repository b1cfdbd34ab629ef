import type { DeviceState, DeviceStateWithProvenance, FactSource } from "../rules/state.js";
import type { Citation } from "../sources/sources.js";
import type { DsregcmdFact, DsregcmdField, DsregcmdStatus } from "./dsregcmd.js";

/**
 * Facts of {@link DeviceState} that `dsregcmd /status` never prints, so a state read from it always
 * leaves them unknown: the edition, the release, the account's rights, what manages the device and
 * the MDM policies.
 */
export const FACTS_DSREGCMD_CANNOT_GIVE = [
  "edition",
  "release",
  "account",
  "managedBy",
  "mdmEnrollmentDisabledByPolicy",
  "allowManualMdmUnenrollment",
] as const;

const JOIN_TABLE: Citation = {
  doc: "dsregcmd-troubleshoot",
  section: "Device state (join type table)",
};
const TENANT: Citation = { doc: "dsregcmd-troubleshoot", section: "Tenant details (MdmUrl)" };

function where(field: DsregcmdField): string {
  return `${field.section}, line ${field.line}: ${field.key} : ${field.value}`;
}

function from(
  fields: readonly (DsregcmdFact<unknown> | undefined)[],
  source: Citation,
): FactSource {
  const detail = fields
    .filter((f): f is DsregcmdFact<unknown> => f !== undefined)
    .map((f) => where(f.from))
    .join("; ");
  return { kind: "dsregcmd", detail, source };
}

/**
 * Turns what dsregcmd says into the device state the enrollment rules read, each fact with the
 * field and line it came from. Only what dsregcmd shows is set: the edition, release, administrator
 * rights, existing MDM enrollment and MDM policies stay unknown (see
 * {@link FACTS_DSREGCMD_CANNOT_GIVE}). A hybrid joined device is `joined: "hybrid"`; whether its
 * user added a work account is read from User State (WorkplaceJoined) alone, never from the join.
 * A tenant MDM URL sets `tenant.autoEnrollment`, never `managedBy`.
 *
 * @example
 * const { state } = dsregcmdToDeviceState(parseDsregcmd(pastedText));
 * state.joined; // "entra" for an Entra joined device
 * state.managedBy; // undefined: dsregcmd cannot say
 */
export function dsregcmdToDeviceState(status: DsregcmdStatus): DeviceStateWithProvenance {
  const state: DeviceState = {};
  const provenance: DeviceStateWithProvenance["provenance"] = {};
  const { join } = status;
  const joinFacts = [join.azureAdJoined, join.enterpriseJoined, join.domainJoined];
  const aad = join.azureAdJoined?.value;
  const dom = join.domainJoined?.value;
  const ent = join.enterpriseJoined?.value;

  if (aad !== undefined && dom !== undefined && !(aad && ent === true)) {
    if (aad && !dom) state.joined = "entra";
    else if (aad && dom) state.joined = "hybrid";
    else if (dom) state.joined = "ad";
    else if (ent !== true) state.joined = "none";
    if (state.joined) provenance.joined = from(joinFacts, JOIN_TABLE);
  }

  // The device's join (above) and the user's added work account are separate facts: a hybrid joined
  // device says nothing about WorkplaceJoined, and a domain PC's user can add a work account.
  if (join.workplaceJoined) {
    state.workAccount = join.workplaceJoined.value;
    provenance.workAccount = from([join.workplaceJoined], {
      doc: "dsregcmd-troubleshoot",
      section: "User state (WorkplaceJoined)",
    });
  } else if (status.workAccounts.length > 0) {
    state.workAccount = true;
    const first = status.workAccounts[0]!;
    provenance.workAccount = {
      kind: "dsregcmd",
      detail: `${first.section}, line ${first.line}: a registered work account`,
      source: { doc: "dsregcmd-observed", section: "Work Account sections" },
    };
  }

  const mdmUrl = status.mdm.url;
  const accountMdm = status.workAccounts.find((a) => a.mdmUrl);
  const tenant: NonNullable<DeviceState["tenant"]> = {};
  if (mdmUrl) {
    tenant.autoEnrollment = true;
    provenance.tenant = from([mdmUrl], TENANT);
  } else if (accountMdm) {
    tenant.autoEnrollment = true;
    provenance.tenant = {
      kind: "dsregcmd",
      detail: `${accountMdm.section}, line ${accountMdm.line}: WorkplaceMdmUrl : ${accountMdm.mdmUrl}`,
      source: { doc: "dsregcmd-observed", section: "Work Account sections" },
    };
  }
  if (status.userInEntra?.value === true) {
    tenant.userFound = true;
    const source = from([status.userInEntra], {
      doc: "dsregcmd-troubleshoot",
      section: "Ngc prerequisite check (IsUserAzureAD)",
    });
    provenance.tenant = provenance.tenant
      ? { ...provenance.tenant, detail: `${provenance.tenant.detail}; ${source.detail}` }
      : source;
  }
  if (Object.keys(tenant).length) state.tenant = tenant;
  return { state, provenance };
}

/** One dsregcmd field winenroll reads, and what it becomes. */
export interface DsregcmdFieldUse {
  readonly section: string;
  readonly key: string;
  /** What winenroll reads from it, in a few words. */
  readonly reads: string;
  /** The {@link DeviceState} fact it sets, or "" when it is shown but sets no fact. */
  readonly fact: string;
  readonly source: Citation;
}

const DOC = (section: string): Citation => ({ doc: "dsregcmd-troubleshoot", section });
const OBSERVED = (section: string): Citation => ({ doc: "dsregcmd-observed", section });

/** Every field {@link parseDsregcmd} reads by name and how it maps to the device state. */
export const DSREGCMD_FIELDS_READ: readonly DsregcmdFieldUse[] = [
  {
    section: "Device State",
    key: "AzureAdJoined",
    reads: "joined to Microsoft Entra ID",
    fact: "joined",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "EnterpriseJoined",
    reads:
      "joined to an on-premises DRS (the join table and the 2019 text); the 2025 field list says on-premises Active Directory instead",
    fact: "joined",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "DomainJoined",
    reads: "joined to an Active Directory domain",
    fact: "joined",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "DomainName",
    reads: "the domain's name",
    fact: "",
    source: DOC("Device state"),
  },
  {
    section: "Device State",
    key: "Device Name",
    reads: "the device's name",
    fact: "",
    source: OBSERVED("Device State"),
  },
  {
    section: "Device Details",
    key: "DeviceId",
    reads: "the device's id in the tenant",
    fact: "",
    source: DOC("Device details"),
  },
  {
    section: "Tenant Details",
    key: "TenantName",
    reads: "the tenant's display name (may be empty)",
    fact: "",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "TenantId",
    reads: "the tenant's id",
    fact: "",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmUrl",
    reads: "the tenant's MDM auto-enrollment URL for this user; present is not enrolled",
    fact: "tenant.autoEnrollment",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmTouUrl",
    reads: "the MDM terms of use URL",
    fact: "",
    source: DOC("Tenant details"),
  },
  {
    section: "Tenant Details",
    key: "MdmComplianceUrl",
    reads: "the MDM compliance URL",
    fact: "",
    source: DOC("Tenant details"),
  },
  {
    section: "User State",
    key: "WorkplaceJoined",
    reads: "this user added a work account (Entra registered)",
    fact: "workAccount",
    source: DOC("User state"),
  },
  {
    section: "SSO State",
    key: "AzureAdPrt",
    reads: "a Microsoft Entra primary refresh token is held",
    fact: "",
    source: DOC("SSO state"),
  },
  {
    section: "SSO State",
    key: "EnterprisePrt",
    reads: "an AD FS primary refresh token is held",
    fact: "",
    source: DOC("SSO state"),
  },
  {
    section: "Diagnostic Data",
    key: "User Context",
    reads: "the context the diagnostics ran in",
    fact: "",
    source: DOC("Diagnostic data"),
  },
  {
    section: "Diagnostic Data",
    key: "(any value)",
    reads: "error codes 0x…, explained through the error catalog",
    fact: "",
    source: DOC("Diagnostic data"),
  },
  {
    section: "Ngc Prerequisite Check",
    key: "IsUserAzureAD",
    reads: "the signed-in user exists in Microsoft Entra ID",
    fact: "tenant.userFound",
    source: DOC("Ngc prerequisite check"),
  },
  {
    section: "Work Account N",
    key: "WorkplaceTenantId, WorkplaceTenantName, WorkplaceMdmUrl",
    reads: "each registered account's tenant and MDM URL",
    fact: "workAccount, tenant.autoEnrollment",
    source: OBSERVED("Work Account sections"),
  },
];
