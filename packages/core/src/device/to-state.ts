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
