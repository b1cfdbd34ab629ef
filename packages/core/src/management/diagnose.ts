import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { type ReportStep, type StepDetail, verdictOf } from "../diagnostics/step.js";
import { type ManagementCheckContext, runChecks, type ServerTurn } from "./checks.js";
import { parseSyncML } from "./parse.js";
import type { ManagementObservation } from "./run.js";

/** The `management` step: the shared step report with a title and details, as `discover` gives. */
export interface ManagementStep extends ReportStep<"management"> {
  readonly title: string;
  readonly details: readonly StepDetail[];
}

/** One server command and the status the device gave it. */
export interface ManagedCommand {
  readonly cmd: string;
  readonly target: string | null;
  readonly status: number;
}

export interface ManagementSummary {
  /** POSTs made. */
  readonly rounds: number;
  readonly commands: readonly ManagedCommand[];
}

export interface ManagementReport {
  /** True when the session went as Windows needs it to: no error, and the server closed it. */
  readonly ok: boolean;
  readonly summary: string;
  readonly url: string;
  readonly steps: readonly [ManagementStep];
  /** Catalog entries for what Windows would report; none is sourced for this step yet. */
  readonly errors: readonly string[];
  readonly management: ManagementSummary;
  readonly diagnostics: readonly Diagnostic[];
}

function turnsOf(observation: ManagementObservation): ServerTurn[] {
  return observation.rounds.map(({ client, exchange }, i) => {
    const response = exchange.response;
    const readable = response && response.status === 200 && !response.truncated;
    return {
      round: i + 1,
      client,
      exchange,
      ...(readable ? { parsed: parseSyncML(response.body) } : {}),
    };
  });
}

/**
 * Runs every check of the table on an observation.
 *
 * @example
 * lintManagement(observation).map((d) => d.code); // ["status-missing", …]
 */
export function lintManagement(observation: ManagementObservation): Diagnostic[] {
  const turns = turnsOf(observation);
  const context: ManagementCheckContext = {
    observation,
    turns,
    messages: turns.flatMap((t) => (t.parsed?.ok ? [{ ...t, server: t.parsed.message }] : [])),
  };
  return runChecks(context);
}

const END_SUMMARY: Record<ManagementObservation["end"], string> = {
  "server-finished": "the server closed the session",
  "server-aborted": "the server aborted the session (Alert 1223)",
  "max-rounds": "the session hit the round limit",
  unreadable: "the server's answer could not be read",
  "exchange-failed": "the POST got no usable answer",
};

/**
 * Judges a management session the way Windows would need it: the `management` step with its
 * diagnostics, the commands the server sent and what the device answered. Pure: pass the
 * observation `runManagementSession` collected, or one built by hand.
 *
 * @example
 * const report = diagnoseManagement(await runManagementSession({ serverUrl, transport }));
 * report.ok; // false when the server got the session wrong
 * report.management.commands; // [{ cmd: "Get", target: "./DevDetail/SwV", status: 200 }, …]
 */
export function diagnoseManagement(observation: ManagementObservation): ManagementReport {
  const diagnostics = lintManagement(observation);
  const verdict = verdictOf(diagnostics);
  const commands = observation.answered.map((a) => ({
    cmd: a.cmd,
    target: a.target ?? null,
    status: a.status,
  }));
  const rounds = observation.rounds.length;
  const summary = `${rounds} round${rounds === 1 ? "" : "s"}, ${commands.length} server command${commands.length === 1 ? "" : "s"}; ${END_SUMMARY[observation.end]}`;
  const ok = verdict !== "fail" && observation.end === "server-finished";
  const step: ManagementStep = {
    id: "management",
    title: "Management session",
    verdict: ok || verdict === "fail" ? verdict : "fail",
    summary,
    details: [
      { label: "URL", value: observation.url },
      { label: "client certificate", value: observation.clientCertificate ? "presented" : "none" },
    ],
    diagnostics,
  };
  return {
    ok,
    summary: ok
      ? `The server ran a first management session Windows can follow (${summary}).`
      : `The management session would fail on Windows: ${diagnostics.find((d) => d.severity === "error")?.message ?? END_SUMMARY[observation.end]}`,
    url: observation.url,
    steps: [step],
    errors: [],
    management: { rounds, commands },
    diagnostics,
  };
}
