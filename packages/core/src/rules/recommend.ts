import type { Citation } from "../sources/sources.js";
import { evaluateEnrollment, type MethodResult, type Verdict } from "./evaluate.js";
import type { MethodId } from "./methods.js";
import type { DeviceState } from "./state.js";

export interface RecommendOptions {
  readonly ownership: "corporate" | "personal";
  readonly want: "management" | "identity" | "both";
}

export interface Recommendation {
  /** The best method that is not blocked; absent when every candidate is blocked. */
  readonly method?: MethodId;
  readonly verdict?: Verdict;
  readonly why: string;
  /** The candidates in order of preference, with their verdicts. */
  readonly candidates: readonly { method: MethodId; verdict: Verdict }[];
}

const PREFERENCE: Record<
  RecommendOptions["ownership"],
  Record<RecommendOptions["want"], MethodId[]>
> = {
  corporate: {
    management: ["entra-join", "mdm-only", "ad-join"],
    identity: ["entra-join", "ad-join"],
    both: ["entra-join", "ad-join", "mdm-only"],
  },
  personal: {
    management: ["mdm-only", "work-account"],
    identity: ["work-account"],
    both: ["work-account", "mdm-only"],
  },
};

const REASON: Record<MethodId, string> = {
  "entra-join":
    "a company device joined to Entra ID gets a work identity and, with auto-enrollment, MDM management in one pass",
  "ad-join": "a domain join gives the company identity and group policy",
  "work-account":
    "adding a work account keeps the personal device the owner's while apps get the work identity",
  "mdm-only": "device management only puts the device under MDM without adding a work identity",
};

/**
 * Names the best way to connect a device for an owner and a goal, and why: the first method in order
 * of preference that is available, else the first that depends on unknown facts.
 *
 * @example
 * recommendMethod({ edition: "pro", account: "admin" }, { ownership: "personal", want: "identity" }).method; // "work-account"
 */
export function recommendMethod(state: DeviceState, options: RecommendOptions): Recommendation {
  const result = evaluateEnrollment(state);
  const byId = new Map<MethodId, MethodResult>(result.methods.map((m) => [m.method, m]));
  const candidates = PREFERENCE[options.ownership][options.want].map((method) => ({
    method,
    verdict: (byId.get(method) as MethodResult).verdict,
  }));
  const pick =
    candidates.find((c) => c.verdict === "available") ??
    candidates.find((c) => c.verdict === "depends");
  if (!pick) {
    return {
      why: `Every way that fits a ${options.ownership} device wanting ${options.want} is blocked; see each method's rules.`,
      candidates,
    };
  }
  const skipped = candidates.slice(0, candidates.indexOf(pick)).map((c) => c.method);
  const m = byId.get(pick.method) as MethodResult;
  let why = `${m.name}: ${REASON[pick.method]}.`;
  if (skipped.length)
    why += ` Preferred ${skipped.join(", ")} ${skipped.length > 1 ? "are" : "is"} blocked here.`;
  if (pick.verdict === "depends")
    why += ` It depends on: ${[...new Set(m.dependsOn.map((d) => d.fact))].join(", ")}.`;
  if (
    options.want !== "identity" &&
    (pick.method === "entra-join" || pick.method === "work-account")
  )
    why += ` ${m.leadsTo}`;
  return { method: pick.method, verdict: pick.verdict, why, candidates };
}

/** What Settings > Accounts > Access work or school offers for existing connections. */
export interface ConnectionManagement {
  /** Whether the Info button shows (it appears on connections that involve MDM); undefined when unknown. */
  readonly infoShown: boolean | undefined;
  readonly infoOffers: readonly string[];
  readonly disconnect: {
    readonly allowed: boolean | undefined;
    readonly why: string;
    readonly source: Citation;
  };
  readonly logs: readonly string[];
  readonly source: Citation;
}

const experience: Citation = {
  doc: "policy-csp-experience",
  section: "AllowManualMDMUnenrollment",
};

/**
 * Whether the Info and Disconnect buttons are there for this device's connection, and how to collect
 * the management logs and the advanced diagnostic report.
 *
 * @example
 * manageConnections({ managedBy: "mdm", allowManualMdmUnenrollment: false }).disconnect.allowed; // false
 */
export function manageConnections(state: DeviceState): ConnectionManagement {
  const mdm = state.managedBy === "mdm";
  const infoShown = state.managedBy === undefined ? undefined : mdm;
  const mobile = state.formFactor === "mobile" || state.edition === "mobile";
  let disconnect: ConnectionManagement["disconnect"];
  if (state.joined === "entra" && mobile) {
    disconnect = {
      allowed: false,
      why: "A phone cannot leave Entra ID from Settings; only a reset removes the join.",
      source: { doc: "mdm-enrollment-2024", section: "Disconnect" },
    };
  } else if (state.joined === "entra" && mdm && state.tenant?.autoEnrollment === true) {
    disconnect = {
      allowed: true,
      why: "AllowManualMDMUnenrollment has no effect on a device joined to Entra ID and auto-enrolled: disconnecting the join is allowed.",
      source: experience,
    };
  } else if (mdm && state.allowManualMdmUnenrollment === false) {
    disconnect = {
      allowed: false,
      why: "AllowManualMDMUnenrollment is 0: only the MDM server can remove the enrollment (a server-initiated unenroll).",
      source: experience,
    };
  } else if (mdm && state.allowManualMdmUnenrollment === undefined) {
    disconnect = {
      allowed: undefined,
      why: "Depends on AllowManualMDMUnenrollment (default 1, allowed).",
      source: experience,
    };
  } else {
    disconnect = {
      allowed: true,
      why: "Disconnect removes the connection; data tied to it may be lost.",
      source: { doc: "mdm-enrollment-2017", section: "Disconnect" },
    };
  }
  return {
    infoShown,
    infoOffers: [
      "the organisation's support contacts, where configured",
      "a sync with the MDM server",
      "the policies and line-of-business apps the organisation installed (from 1709)",
      "the advanced diagnostic report (from 1709)",
    ],
    disconnect,
    logs: [
      "Settings > Accounts > Access work or school > Export your management logs (under Related settings).",
      "For the advanced diagnostic report, open the connection's Info page and use the button at the bottom to create the report.",
    ],
    source: {
      doc: "mdm-enrollment-2017",
      section: "Managing connections; Collecting diagnostic logs",
    },
  };
}
