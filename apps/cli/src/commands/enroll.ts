import {
  DiscoveryInputError,
  type DiscoveryReport,
  probeDiscovery,
  REQUEST_VERSIONS,
  type RequestVersion,
} from "@winenroll/core/discovery";
import {
  contextItem,
  diagnoseEnrollment,
  type EnrollmentDiagnosis,
  type EnrollmentRequest,
} from "@winenroll/core/enrollment";
import type { DeviceTreeSpec, ManagementReport } from "@winenroll/core/management";
import { createNodeTransport } from "@winenroll/core/node";
import { type Command, Option } from "commander";
import type { CommandContext } from "../context.js";
import {
  attemptsFor,
  checkClientPair,
  firstLine,
  type GivenCredentials,
  readTokenFile,
  type TransportFor,
} from "../enroll/credentials.js";
import { runHandshake } from "../enroll/handshake.js";
import { issuedCertificatePem, privateKeyPem, writeOut } from "../enroll/out.js";
import { composeReport, type EnrollReport, jsonReport } from "../enroll/report.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { parseMaxRounds, readDeviceTree, runManagementStep } from "../manage/session.js";
import {
  addNetworkOptions,
  type NetworkOptionValues,
  type NetworkSettings,
  readNetworkOptions,
  readPemFile,
} from "../network.js";
import { toJson } from "../output/json.js";
import { formatSteps } from "../output/steps.js";
import type { Style } from "../output/style.js";

interface EnrollOptions extends NetworkOptionValues {
  readonly username?: string;
  readonly passwordStdin?: boolean;
  readonly password?: string;
  readonly token?: string;
  readonly tokenFile?: string;
  readonly clientCert?: string;
  readonly clientKey?: string;
  readonly deviceName?: string;
  readonly hwDevId?: string;
  readonly enrollmentType: "full" | "device";
  readonly osVersion?: string;
  readonly requestVersion: RequestVersion;
  readonly out?: string;
  readonly manage?: boolean;
  readonly deviceTree?: string;
  readonly maxRounds: string;
  readonly json?: boolean;
}

/** Largest policy or enrollment answer read: a document with its certificates is a few kB. */
const MAX_ENROLLMENT_RESPONSE = 1024 * 1024;

export function registerEnrollCommand(program: Command, context: CommandContext): Command {
  const command = withExamples(program.command("enroll"), [
    "winenroll enroll someone@contoso.com --token-file token.txt --out ./device",
    "printf '%s\\n' \"$PASSWORD\" | winenroll enroll someone@contoso.com --password-stdin",
    "winenroll enroll contoso.com --username someone@contoso.com --client-cert device.pem --client-key device.key",
    "winenroll enroll someone@contoso.com --enrollment-type device --device-name LAB-PC-01 --json",
    "winenroll enroll someone@contoso.com --password-stdin --connect-to enterpriseenrollment.contoso.com:443:127.0.0.1:8443 --ca ca.pem",
  ])
    .description(
      "enroll a simulated Windows device the way Windows does: discovery, the policy request, the certificate request and the provisioning document, each checked as Windows would",
    )
    .argument("<target>", "the user's e-mail address, their domain, or the discovery URL")
    .option("--username <upn>", "the user name to authenticate with (default: the e-mail address)")
    .option("--password-stdin", "read the OnPremise password from standard input (one line)")
    .option(
      "--password <password>",
      "the OnPremise password (visible to other users: prefer --password-stdin)",
    )
    .option("--token <token>", "the Federated token the sign-in page handed back")
    .option("--token-file <file>", "read the Federated token from a file")
    .option(
      "--client-cert <pem>",
      "PEM file of the client certificate for Certificate authentication",
    )
    .option("--client-key <pem>", "PEM file of the client certificate's private key")
    .option("--device-name <name>", "the DeviceName the device reports")
    .option("--hw-dev-id <hex>", "the HWDevID the device reports (64 hex digits)")
    .addOption(
      new Option(
        "--enrollment-type <type>",
        "Full (a user's enrollment) or Device (the device's own)",
      )
        .choices(["full", "device"])
        .default("full"),
    )
    .option(
      "--os-version <version>",
      "the OSVersion and ApplicationVersion the device reports, e.g. 10.0.26100.1",
    )
    .addOption(
      new Option("--request-version <version>", "the RequestVersion to send")
        .choices([...REQUEST_VERSIONS])
        .default("5.0"),
    );
  return addNetworkOptions(command, "the whole run")
    .option(
      "--out <dir>",
      "write the private key (mode 0600), the certificate, the roots and the provisioning document there",
    )
    .option(
      "--manage",
      "go on to Windows' first OMA-DM session at the document's ADDR, with the issued certificate",
    )
    .option(
      "--device-tree <json>",
      "with --manage: nodes of the simulated device, node path → value (a JSON file, or the JSON itself)",
    )
    .option(
      "--max-rounds <n>",
      "with --manage: most messages the device sends in the session",
      "10",
    )
    .option("--json", "print the report as JSON")
    .action(async (target: string, options: EnrollOptions) => {
      const network = await readNetworkOptions(options);
      // Read up front: a mistyped session option is a usage error before anything is sent.
      const session = options.manage ? await readSessionOptions(options) : undefined;
      const given = await readCredentials(target, options, context);
      const report = await enroll(target, options, given, network, context, session);
      if (options.json) context.out(toJson(jsonReport(report.report)));
      else context.out(formatEnrollReport(report.report, report.discoveryUrl, context.style));
      if (!report.report.ok) context.setExitCode(EXIT.negative);
    });
}

/** Reads and checks every credential option; any contradiction is a usage error. */
async function readCredentials(
  target: string,
  options: EnrollOptions,
  context: CommandContext,
): Promise<GivenCredentials> {
  const pairs: [keyof EnrollOptions, keyof EnrollOptions, string][] = [
    ["password", "passwordStdin", "--password and --password-stdin"],
    ["token", "tokenFile", "--token and --token-file"],
  ];
  for (const [a, b, names] of pairs) {
    if (options[a] !== undefined && options[b] !== undefined)
      throw new UsageError(`${names} cannot be used together`, "give the secret one way");
  }
  if ((options.clientCert === undefined) !== (options.clientKey === undefined))
    throw new UsageError(
      "--client-cert and --client-key go together",
      "pass both: the certificate and its private key",
    );
  checkDeviceShape(options);
  const username =
    options.username ??
    (target.includes("@") && !target.includes("://") ? target.trim() : undefined);
  const password = options.passwordStdin ? await passwordFromStdin(context) : options.password;
  let token = options.token;
  if (options.tokenFile !== undefined) {
    try {
      token = await readTokenFile(options.tokenFile);
    } catch (error) {
      throw new UsageError(
        `cannot read --token-file ${options.tokenFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        "pass a readable file holding the token",
      );
    }
  }
  const clientCertificate =
    options.clientCert !== undefined && options.clientKey !== undefined
      ? {
          cert: await readPemFile("--client-cert", options.clientCert, "CERTIFICATE"),
          key: await readPemFile("--client-key", options.clientKey, "PRIVATE KEY"),
        }
      : undefined;
  if (clientCertificate) checkClientPair(clientCertificate.cert, clientCertificate.key);
  return {
    ...(username ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(token !== undefined ? { token } : {}),
    ...(clientCertificate ? { clientCertificate } : {}),
  };
}

async function passwordFromStdin(context: CommandContext): Promise<string> {
  try {
    return firstLine(await context.io.readStdin());
  } catch (error) {
    throw new UsageError(
      `--password-stdin: ${(error as Error).message}`,
      "pipe the password in, e.g. printf '%s\\n' \"$PASSWORD\" | winenroll enroll …",
    );
  }
}

/** The options that set a context item, checked against the item's format in core. */
const CONTEXT_OPTIONS = [
  ["--hw-dev-id", "hwDevId", "HWDevID"],
  ["--os-version", "osVersion", "OSVersion"],
] as const;

function checkDeviceShape(options: EnrollOptions): void {
  for (const [flag, key, name] of CONTEXT_OPTIONS) {
    const value = options[key];
    const item = contextItem(name);
    if (value !== undefined && item?.pattern && !item.pattern.test(value))
      throw new UsageError(
        `${flag} "${value}" is not ${item.values}`,
        `accepted: ${item.values}, as Windows sends ${name}`,
      );
  }
  if (options.deviceName !== undefined && options.deviceName.trim() === "")
    throw new UsageError("--device-name is empty", "pass the name the device reports");
}

/** The AdditionalContext values the options set; the rest keep the simulated device's own. */
function contextFrom(options: EnrollOptions): Record<string, string> {
  return {
    EnrollmentType: options.enrollmentType === "device" ? "Device" : "Full",
    RequestVersion: options.requestVersion,
    ...(options.deviceName ? { DeviceName: options.deviceName } : {}),
    ...(options.hwDevId ? { HWDevID: options.hwDevId.toUpperCase() } : {}),
    ...(options.osVersion
      ? { OSVersion: options.osVersion, ApplicationVersion: options.osVersion }
      : {}),
  };
}

interface EnrollRun {
  readonly report: EnrollReport;
  readonly discoveryUrl: string;
}

/** Discovery, then the handshake over the URLs discovery named, then core's judgement. */
async function enroll(
  target: string,
  options: EnrollOptions,
  given: GivenCredentials,
  network: NetworkSettings,
  context: CommandContext,
  session: SessionSettings | undefined,
): Promise<EnrollRun> {
  const started = Date.now();
  const remaining = () => Math.max(0, network.timeoutMs - (Date.now() - started));
  const progress = (step: string, detail: string) => {
    if (!options.json) context.err(context.errStyle.dim(`… ${step.toUpperCase()} ${detail}`));
  };
  const transportFor: TransportFor = (client) =>
    createNodeTransport({
      connectTo: network.connectTo,
      ...(network.ca ? { ca: network.ca } : {}),
      connectTimeoutMs: Math.min(network.timeoutMs, 5_000),
      ...(client ? { clientCertificate: client.cert, clientKey: client.key } : {}),
    });
  let discovery: DiscoveryReport;
  try {
    discovery = await probeDiscovery(target, {
      transport: transportFor(),
      requestVersion: options.requestVersion,
      authPolicies: given.clientCertificate
        ? ["OnPremise", "Federated", "Certificate"]
        : ["OnPremise", "Federated"],
      timeoutMs: network.timeoutMs,
      ...(given.username ? { email: given.username } : {}),
      onStep: progress,
    });
  } catch (error) {
    if (error instanceof DiscoveryInputError) throw new UsageError(error.message, error.hint);
    throw error;
  }
  const result = discovery.result;
  if (!discovery.ok || !result?.enrollmentServiceUrl)
    return { report: composeReport({ discovery }), discoveryUrl: discovery.url };
  const plan = await attemptsFor(result, given, transportFor);
  if ("stop" in plan)
    return {
      report: composeReport({ discovery, authentication: plan.stop }),
      discoveryUrl: discovery.url,
    };
  const outcome = await runHandshake({
    ...(result.enrollmentPolicyServiceUrl ? { policyUrl: result.enrollmentPolicyServiceUrl } : {}),
    enrollmentUrl: result.enrollmentServiceUrl,
    attempts: plan.attempts,
    context: contextFrom(options),
    budget: () => ({ timeoutMs: remaining(), maxResponseBytes: MAX_ENROLLMENT_RESPONSE }),
    onStep: progress,
  });
  const diagnosis = await diagnoseEnrollment({ checkedAt: Date.now(), ...outcome.observation });
  if (options.out !== undefined) {
    const written = await writeOut(options.out, outcome.request, diagnosis);
    if (!options.json && written.length > 0) context.err(`Wrote ${written.join(", ")}`);
  }
  const manage = session
    ? {
        report: await manageAfterEnrolling(
          session,
          network,
          outcome.request,
          diagnosis,
          remaining(),
        ),
      }
    : undefined;
  return {
    report: composeReport({ discovery, diagnosis, ...(manage ? { manage } : {}) }),
    discoveryUrl: discovery.url,
  };
}

export function formatEnrollReport(report: EnrollReport, url: string, style: Style): string {
  const lines = [`${style.bold("Enrollment")} ${url}`, "", ...formatSteps(report.steps, style), ""];
  const failed = report.steps.find((s) => s.verdict === "fail");
  lines.push(
    report.ok
      ? `${style.green("✔ Windows would enroll:")} certificate ${report.certificate?.thumbprint ?? "?"}, management at ${report.managementUrl ?? "?"}`
      : `${style.red("✖ Windows would not enroll:")} ${failed ? `${failed.title}: ${failed.summary}` : ""}`,
  );
  if (report.errors.length > 0) {
    lines.push(
      style.dim(`Windows would report: ${report.errors.join(", ")} (see winenroll explain)`),
    );
  }
  return lines.join("\n");
}

/** What `--manage` needs besides the network: the session's round limit and the device tree. */
interface SessionSettings {
  readonly maxRounds: number;
  readonly tree?: DeviceTreeSpec;
}

async function readSessionOptions(options: EnrollOptions): Promise<SessionSettings> {
  const maxRounds = parseMaxRounds(options.maxRounds);
  if (options.deviceTree === undefined) return { maxRounds };
  return { maxRounds, tree: await readDeviceTree(options.deviceTree) };
}

/**
 * `--manage`: the first OMA-DM session, run as Windows runs it right after enrolling: at the
 * document's ADDR, over TLS with the certificate just issued and the key made for it. Nothing runs
 * when enrollment failed, since Windows would hold no certificate to present.
 */
async function manageAfterEnrolling(
  session: SessionSettings,
  network: NetworkSettings,
  request: EnrollmentRequest | undefined,
  diagnosis: EnrollmentDiagnosis,
  timeoutMs: number,
): Promise<ManagementReport | undefined> {
  const url = diagnosis.managementUrl;
  const certificate = issuedCertificatePem(diagnosis);
  const key = request ? await privateKeyPem(request) : undefined;
  const failed = diagnosis.steps.some((s) => s.verdict === "fail");
  if (failed || !url || !certificate || !key) return undefined;
  return runManagementStep({
    url,
    certificate,
    key,
    connectTo: network.connectTo,
    ...(network.ca ? { ca: network.ca } : {}),
    timeoutMs,
    maxRounds: session.maxRounds,
    ...(session.tree ? { tree: session.tree } : {}),
    ...(request ? { deviceId: request.deviceId } : {}),
  });
}
