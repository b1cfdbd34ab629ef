import { type CliResult, run } from "./cli.js";
import { type EnrollmentServer, PASSWORD } from "./enrollment-server.js";

/** `winenroll enroll --json` as issue 15 fixes it. */
export interface EnrollJson {
  ok: boolean;
  steps: {
    id: string;
    verdict: string;
    summary: string;
    diagnostics: { code: string; severity: string; windowsError?: string }[];
  }[];
  errors: string[];
  certificate?: {
    subject: string;
    issuer: string;
    notBefore: string;
    notAfter: string;
    thumbprint: string;
  };
  managementUrl?: string;
  /** With `--manage`. */
  management?: {
    rounds: number;
    commands: { cmd: string; target: string | null; status: number }[];
  };
}

export const ENROLL_STEPS = [
  "dns",
  "get",
  "post",
  "response",
  "policies",
  "enrollment",
  "provisioning",
  "certificate",
];

/** The flags that keep every request of a scenario on the loopback server. */
export function serverArgs(server: EnrollmentServer, scenario: string): string[] {
  return [...server.connectArgs(scenario), "--ca", server.caFile];
}

/**
 * Enrolls `someone@<scenario>.example` through the CLI, in process, with --json and the right
 * password piped in unless `stdin` says otherwise.
 */
export async function enrollJson(
  server: EnrollmentServer,
  scenario: string,
  extra: string[] = [],
  stdin = `${PASSWORD}\n`,
): Promise<CliResult & { json: EnrollJson }> {
  const result = await run(
    [
      "enroll",
      `someone@${scenario}.example`,
      ...serverArgs(server, scenario),
      "--json",
      ...(stdin === "" ? [] : ["--password-stdin"]),
      // --timeout budgets the whole run, the device's key generation included (a 3072-bit RSA key
      // can take seconds on a busy CI machine); a test that wants a short budget passes its own,
      // which comes later and wins.
      "--timeout",
      "60s",
      ...extra,
    ],
    { stdin },
  );
  if (!result.stdout) throw new Error(`no report on stdout; stderr: ${result.stderr}`);
  return { ...result, json: JSON.parse(result.stdout) as EnrollJson };
}

/** The step that failed, and the ids and verdicts of all steps. */
export function failedStep(json: EnrollJson): string | undefined {
  return json.steps.find((s) => s.verdict === "fail")?.id;
}
