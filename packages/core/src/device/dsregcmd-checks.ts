import { type CheckEntry, findingsOf } from "../diagnostics/check.js";
import type { Citation } from "../sources/sources.js";

/** One thing reading a `dsregcmd /status` paste can report. */
export interface DsregcmdCheck extends CheckEntry {
  readonly source: Citation;
}

const FORMAT: Citation = { doc: "dsregcmd-observed", section: "Output format" };
export const JOIN_TABLE_SOURCE: Citation = {
  doc: "dsregcmd-troubleshoot",
  section: "Device state (join type table)",
};

const CHECKS = [
  {
    code: "dsregcmd-not-found",
    severity: "error",
    summary: "No Device State section: the text is not dsregcmd /status output.",
    source: FORMAT,
  },
  {
    code: "dsregcmd-join-fields-missing",
    severity: "error",
    summary: "Device State has none of AzureAdJoined, EnterpriseJoined, DomainJoined.",
    source: JOIN_TABLE_SOURCE,
  },
  {
    code: "dsregcmd-value-unreadable",
    severity: "warning",
    summary: "A YES/NO field holds something else; its fact stays unknown.",
    source: FORMAT,
  },
  {
    code: "dsregcmd-join-unusual",
    severity: "warning",
    summary: "The join flags fit no row of the join table, or need WorkplaceJoined to decide.",
    source: JOIN_TABLE_SOURCE,
  },
  {
    code: "dsregcmd-user-state-missing",
    severity: "info",
    summary: "WorkplaceJoined was not read (dsregcmd ran as another user or as SYSTEM).",
    source: { doc: "dsregcmd-troubleshoot", section: "User state" },
  },
  {
    code: "dsregcmd-line-unread",
    severity: "info",
    summary: "A line inside a section is not a key : value field and was left out.",
    source: FORMAT,
  },
] as const satisfies readonly DsregcmdCheck[];

export type DsregcmdCode = (typeof CHECKS)[number]["code"];

/** Everything {@link parseDsregcmd} can report, with severity and source. */
export const DSREGCMD_CHECKS: readonly DsregcmdCheck[] = CHECKS;

/** A diagnostic of `code`, its severity and source read from the table. */
export const dsregcmdFinding = findingsOf<DsregcmdCode>(CHECKS);
