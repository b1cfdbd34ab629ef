import type { Diagnostic } from "@winenroll/core";
import type { DiscoveryReport } from "@winenroll/core/discovery";
import type { EnrollmentDiagnosis, EnrollmentStepId } from "@winenroll/core/enrollment";
import type { ManagementReport, ManagementSummary } from "@winenroll/core/management";
import type { PrintedStep } from "../output/steps.js";

/**
 * The `enroll` report: discovery's four steps, the authentication step when the run stops there,
 * then core's four enrollment steps, in the order and shape the design fixes (after a failed
 * step, every later one is skipped).
 */

export type EnrollStepId =
  | "dns"
  | "get"
  | "post"
  | "response"
  | "authentication"
  | EnrollmentStepId
  | "management";

export interface EnrollStep extends PrintedStep {
  readonly id: EnrollStepId;
}

export interface EnrollReport {
  readonly ok: boolean;
  readonly steps: readonly EnrollStep[];
  readonly errors: readonly string[];
  readonly certificate?: {
    readonly subject: string;
    readonly issuer: string;
    readonly notBefore: string;
    readonly notAfter: string;
    readonly thumbprint: string;
  };
  readonly managementUrl?: string;
  /** With `--manage`: the first OMA-DM session, when it ran. */
  readonly management?: ManagementSummary;
}

/** Why the run stopped before the policy service: no credential of the kind the server chose. */
export interface AuthenticationStop {
  readonly summary: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The catalog entry Windows would report, when one fits. */
  readonly error?: string;
}

const TITLES: Record<EnrollStepId, string> = {
  dns: "DNS",
  get: "GET",
  post: "POST",
  response: "Response",
  authentication: "Authentication",
  policies: "Policies",
  enrollment: "Enrollment",
  provisioning: "Provisioning",
  certificate: "Certificate",
  management: "Management",
};

const ENROLLMENT_STEPS: readonly EnrollmentStepId[] = [
  "policies",
  "enrollment",
  "provisioning",
  "certificate",
];

export interface ReportParts {
  readonly discovery: DiscoveryReport;
  readonly authentication?: AuthenticationStop;
  readonly diagnosis?: EnrollmentDiagnosis;
  /** With `--manage`: the session's report, or undefined when enrollment failed before it. */
  readonly manage?: { readonly report?: ManagementReport };
}

function notReached(id: EnrollStepId): EnrollStep {
  return {
    id,
    title: TITLES[id],
    verdict: "skipped",
    summary: "Not reached: an earlier step failed.",
    diagnostics: [],
  };
}

/** Marks every step after the first failed one as skipped, whatever it said. */
function skipAfterFailure(steps: readonly EnrollStep[]): EnrollStep[] {
  const failed = steps.findIndex((s) => s.verdict === "fail");
  return failed < 0
    ? [...steps]
    : steps.map((s, i) => (i > failed && s.verdict !== "skipped" ? notReached(s.id) : s));
}

function enrollmentSteps(parts: ReportParts): EnrollStep[] {
  const diagnosis = parts.diagnosis;
  if (!diagnosis) return ENROLLMENT_STEPS.map(notReached);
  return ENROLLMENT_STEPS.map((id) => {
    const step = diagnosis.steps.find((s) => s.id === id);
    if (!step) return notReached(id);
    const { verdict, summary, diagnostics } = step;
    return { id, title: TITLES[id], verdict, summary, diagnostics };
  });
}

/** Puts the parts together into the one report `enroll` prints. */
export function composeReport(parts: ReportParts): EnrollReport {
  const discoverySteps: EnrollStep[] = parts.discovery.steps.map((s) => ({
    id: s.id,
    title: s.title,
    verdict: s.verdict,
    summary: s.summary,
    details: s.details,
    diagnostics: s.diagnostics,
  }));
  const authentication: EnrollStep[] = parts.authentication
    ? [
        {
          id: "authentication",
          title: TITLES.authentication,
          verdict: "fail",
          summary: parts.authentication.summary,
          diagnostics: parts.authentication.diagnostics,
        },
      ]
    : [];
  const steps = skipAfterFailure([
    ...discoverySteps,
    ...authentication,
    ...enrollmentSteps(parts),
    ...managementSteps(parts),
  ]);
  const errors = [
    ...parts.discovery.errors,
    ...(parts.authentication?.error ? [parts.authentication.error] : []),
    ...(parts.diagnosis?.errors ?? []),
    ...(parts.manage?.report?.errors ?? []),
  ];
  const management = parts.manage?.report?.management;
  const ok = steps.every((s) => s.verdict !== "fail");
  // Shown whenever the server issued them, even when Windows would refuse them: that is the news.
  const certificate = parts.diagnosis?.certificate;
  const managementUrl = parts.diagnosis?.managementUrl;
  return {
    ok,
    steps,
    errors: [...new Set(errors)],
    ...(certificate
      ? {
          certificate: {
            subject: certificate.subject,
            issuer: certificate.issuer,
            notBefore: certificate.notBefore,
            notAfter: certificate.notAfter,
            thumbprint: certificate.thumbprint,
          },
        }
      : {}),
    ...(managementUrl ? { managementUrl } : {}),
    ...(management ? { management } : {}),
  };
}

/** The `management` step, asked for with `--manage`: the session's own step, or not reached. */
function managementSteps(parts: ReportParts): EnrollStep[] {
  if (!parts.manage) return [];
  const step = parts.manage.report?.steps[0];
  if (!step) return [notReached("management")];
  const { verdict, summary, diagnostics } = step;
  return [{ id: "management", title: TITLES.management, verdict, summary, diagnostics }];
}

/** The report as `--json` prints it: exactly the shape issue 15 gives. */
export function jsonReport(report: EnrollReport): object {
  return {
    ok: report.ok,
    steps: report.steps.map((s) => ({
      id: s.id,
      verdict: s.verdict,
      summary: s.summary,
      diagnostics: s.diagnostics,
    })),
    errors: report.errors,
    ...(report.certificate ? { certificate: report.certificate } : {}),
    ...(report.managementUrl ? { managementUrl: report.managementUrl } : {}),
    ...(report.management ? { management: report.management } : {}),
  };
}
