/**
 * The join table: how the flags `dsregcmd /status` prints make a join type, as Microsoft's table
 * has it, and the two states it leaves out.
 */
import type { Citation } from "../sources/sources.js";
import { JOIN_TABLE_SOURCE as TABLE } from "./dsregcmd-checks.js";
import type { DsregcmdFact } from "./dsregcmd-fields.js";

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

/** The join type the flags make, with the reason in one sentence. */
export function deriveJoin(parts: {
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
