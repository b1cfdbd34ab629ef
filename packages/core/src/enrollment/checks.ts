import type { EnrollmentCheckInfo, EnrollmentDiagnosis, EnrollmentObservation } from "./types.js";

/** diagnoseEnrollment's checks, as data (code, severity, step, source, Windows' error). */
export const ENROLLMENT_CHECKS: readonly EnrollmentCheckInfo[] = [];

/**
 * Judges one enrollment attempt the way Windows would: the policy, the enrollment response, the
 * provisioning document and the issued certificate, and the HTTP facts the transport saw. Returns
 * the steps `policies`, `enrollment`, `provisioning`, `certificate` with their verdicts, every
 * diagnostic, and the catalog entries Windows would report. Accepts a pasted document alone.
 *
 * @example
 * const diagnosis = await diagnoseEnrollment({ enrollment: { body: pastedXml } });
 * diagnosis.ok; // false when Windows would refuse it
 * diagnosis.diagnostics.map((d) => d.code);
 */
export async function diagnoseEnrollment(
  observation: EnrollmentObservation,
): Promise<EnrollmentDiagnosis> {
  void observation;
  throw new Error("not implemented");
}
