import { verdictOf } from "../diagnostics/step.js";
import { formatCitation } from "../sources/sources.js";
import { CERTIFICATE_PRESENTATIONS } from "./authentication.js";
import { ENROLLMENT_CHECKS } from "./checks.js";
import { type EnrollmentContext, prepareContext } from "./observed.js";
import type {
  EnrollmentDiagnosis,
  EnrollmentDiagnostic,
  EnrollmentObservation,
  EnrollmentStep,
  EnrollmentStepId,
} from "./types.js";

const STEP_IDS: readonly EnrollmentStepId[] = [
  "policies",
  "enrollment",
  "provisioning",
  "certificate",
];

function runChecks(context: EnrollmentContext): EnrollmentDiagnostic[] {
  return ENROLLMENT_CHECKS.flatMap((check) =>
    check.check(context).map((finding): EnrollmentDiagnostic => {
      const windowsError = finding.windowsError ?? check.windowsError;
      return {
        code: check.code,
        severity: check.severity,
        message: finding.message,
        ...(finding.hint ? { hint: finding.hint } : {}),
        ...(finding.param ? { param: finding.param } : {}),
        source: formatCitation(check.source),
        step: finding.step ?? check.step,
        ...(windowsError && check.severity === "error" ? { windowsError } : {}),
      };
    }),
  );
}

/** Whether the observation holds anything for a step (otherwise it is skipped). */
function hasInput(context: EnrollmentContext, step: EnrollmentStepId): boolean {
  switch (step) {
    case "policies":
      return (
        context.observation.policy !== undefined ||
        context.observation.enrollment?.exchange !== undefined
      );
    case "enrollment":
      return (
        context.enrollment !== undefined || context.exchanges.some((e) => e.step === "enrollment")
      );
    case "provisioning":
      return context.parsedDocument !== undefined && context.parsedDocument.kind !== "fault";
    case "certificate":
      return context.client !== undefined;
  }
}

function summaryOf(context: EnrollmentContext, step: EnrollmentStepId): string {
  const { keyRequirements: k, document, client } = context;
  switch (step) {
    case "policies": {
      const template =
        context.policy?.kind === "policies" ? context.policy.policies[0]?.templateName : undefined;
      const from =
        k.keyLengthFrom === "default" && k.hashFrom === "default" ? " (Windows' defaults)" : "";
      return `${template ? `Template ${template}: ` : ""}${k.keyLength}-bit RSA key, ${k.hash}${from}.`;
    }
    case "enrollment":
      if (context.enrollment?.kind === "fault")
        return `${`SOAP fault ${context.enrollment.fault.subcode ?? ""}`.trim()}.`;
      return context.enrollment?.kind === "token"
        ? `Provisioning document received (${context.enrollment.provisioningXml?.length ?? 0} characters).`
        : "No readable enrollment response.";
    case "provisioning":
      return document
        ? `${context.certificates.length} certificate(s); management server ${document.application?.addr ?? "(none)"}.`
        : "No readable provisioning document.";
    case "certificate":
      return client?.summary
        ? `${client.summary.subject}, issued by ${client.summary.issuer}, valid until ${client.summary.notAfter}, thumbprint ${client.summary.thumbprint}.`
        : "The client certificate could not be decoded.";
  }
}

/**
 * Says on the first step that carried the credential which way of presenting the client
 * certificate the server accepted (when it did not refuse it there).
 */
function sayAccepted(steps: EnrollmentStep[], observation: EnrollmentObservation): void {
  const method = observation.certificateAuthentication;
  const first = steps.findIndex((s) => s.verdict !== "skipped");
  const step = steps[first];
  if (!method || !step || step.verdict === "fail") return;
  steps[first] = {
    ...step,
    summary: `${step.summary} (${CERTIFICATE_PRESENTATIONS[method].accepted})`,
  };
}

/**
 * Judges one enrollment attempt the way Windows would: the policy, the enrollment response, the
 * provisioning document and the issued certificate, and the HTTP facts the transport saw. Returns
 * the steps `policies`, `enrollment`, `provisioning`, `certificate` with their verdicts (after a
 * failed step the later ones are `skipped`), every diagnostic, and the catalog entries Windows would
 * report. Accepts a pasted response or document alone.
 *
 * @example
 * const diagnosis = await diagnoseEnrollment({ enrollment: { body: pastedXml } });
 * diagnosis.ok; // false when Windows would refuse it
 * diagnosis.diagnostics.map((d) => d.code);
 */
export async function diagnoseEnrollment(
  observation: EnrollmentObservation,
): Promise<EnrollmentDiagnosis> {
  const context = await prepareContext(observation);
  const all = runChecks(context);
  const steps: EnrollmentStep[] = [];
  let failed = false;
  for (const id of STEP_IDS) {
    if (failed || !hasInput(context, id)) {
      steps.push({
        id,
        verdict: "skipped",
        summary: failed ? "Not reached: an earlier step failed." : "Nothing to check.",
        diagnostics: [],
      });
      continue;
    }
    const diagnostics = all.filter((d) => d.step === id);
    const verdict = verdictOf(diagnostics);
    steps.push({ id, verdict, summary: summaryOf(context, id), diagnostics });
    failed = verdict === "fail";
  }
  sayAccepted(steps, observation);
  const diagnostics = steps.flatMap((s) => s.diagnostics);
  const errors = [...new Set(diagnostics.flatMap((d) => (d.windowsError ? [d.windowsError] : [])))];
  const certificates = context.certificates.flatMap((c) =>
    c.summary ? [{ ...c.summary, store: c.provisioned.store }] : [],
  );
  const addr = context.document?.application?.addr;
  return {
    ok: !steps.some((s) => s.verdict === "fail"),
    steps,
    errors,
    diagnostics,
    ...(context.policy ? { policy: context.policy } : {}),
    keyRequirements: context.keyRequirements,
    ...(context.enrollment ? { enrollment: context.enrollment } : {}),
    ...(context.document ? { document: context.document } : {}),
    ...(context.client?.summary ? { certificate: context.client.summary } : {}),
    certificates,
    ...(addr ? { managementUrl: addr } : {}),
  };
}
