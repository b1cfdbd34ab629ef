import { readFile } from "node:fs/promises";
import {
  type DeviceTreeSpec,
  diagnoseManagement,
  type ManagementReport,
  maskSyncMLSecrets,
  runManagementSession,
  statusMeaning,
} from "@winenroll/core/management";
import { type ConnectTo, createNodeTransport } from "@winenroll/core/node";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import {
  addNetworkOptions,
  type NetworkOptionValues,
  readNetworkOptions,
  readPemFile,
} from "../network.js";
import { toJson } from "../output/json.js";
import { formatStep } from "../output/steps.js";
import type { Style } from "../output/style.js";
import { formatTable } from "../output/table.js";

interface ManageOptions extends NetworkOptionValues {
  readonly cert: string;
  readonly key: string;
  readonly deviceTree?: string;
  readonly deviceId?: string;
  readonly trace?: boolean;
  readonly showSecrets?: boolean;
  readonly maxRounds: string;
  readonly json?: boolean;
}

/** What the `management` step needs: the issued certificate and key, and where the server is. */
export interface ManagementStepOptions {
  /** ADDR: the management URL of the provisioning document. */
  readonly url: string;
  /** PEM of the certificate issued at enrollment, and of its key. */
  readonly certificate: string;
  readonly key: string;
  readonly ca?: string;
  readonly connectTo?: readonly ConnectTo[];
  readonly timeoutMs: number;
  readonly maxRounds?: number;
  readonly tree?: DeviceTreeSpec;
  /** `./DevInfo/DevId` and the SyncHdr Source: the DeviceID sent at enrollment, when known. */
  readonly deviceId?: string;
  /** Called with every message exchanged, secrets not yet masked. */
  readonly onMessage?: (direction: "client" | "server", text: string, round: number) => void;
}

/**
 * The `management` step: Windows' first OMA-DM session against `url`, over TLS with the issued
 * client certificate, judged. `winenroll manage` runs it alone; `enroll --manage` can run it after
 * its `certificate` step with the certificate and key it holds in memory.
 */
export async function runManagementStep(options: ManagementStepOptions): Promise<ManagementReport> {
  const transport = createNodeTransport({
    ...(options.connectTo ? { connectTo: options.connectTo } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
    clientCertificate: options.certificate,
    clientKey: options.key,
  });
  const observation = await runManagementSession({
    serverUrl: options.url,
    transport,
    clientCertificate: true,
    timeoutMs: options.timeoutMs,
    ...(options.maxRounds !== undefined ? { maxRounds: options.maxRounds } : {}),
    ...(options.tree ? { tree: options.tree } : {}),
    ...(options.deviceId ? { identity: { devId: options.deviceId } } : {}),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
  });
  return diagnoseManagement(observation);
}

function parseMaxRounds(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new UsageError(`--max-rounds ${text} is not a round count`, "accepted: 1 to 100");
  }
  return value;
}

function isNodeSpec(value: unknown): boolean {
  if (value === null || typeof value === "string") return true;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const { value: v, readOnly, status } = value as Record<string, unknown>;
  return (
    (v === undefined || typeof v === "string") &&
    (readOnly === undefined || typeof readOnly === "boolean") &&
    (status === undefined || (Number.isInteger(status) && (status as number) >= 100))
  );
}

/** `--device-tree`: inline JSON (starting with `{`) or a JSON file, node path → value. */
async function readDeviceTree(text: string): Promise<DeviceTreeSpec> {
  let source = text;
  if (!text.trim().startsWith("{")) {
    try {
      source = await readFile(text, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read --device-tree ${text}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        "pass a JSON file, or the JSON itself",
      );
    }
  }
  let tree: unknown;
  try {
    tree = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--device-tree is not JSON: ${(error as Error).message}`, TREE_HINT);
  }
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) {
    throw new UsageError("--device-tree is not a JSON object", TREE_HINT);
  }
  const bad = Object.entries(tree).find(
    ([path, spec]) => !path.startsWith("./") || !isNodeSpec(spec),
  );
  if (bad) throw new UsageError(`--device-tree: the entry "${bad[0]}" is not a node`, TREE_HINT);
  return tree as DeviceTreeSpec;
}

const TREE_HINT =
  'accepted: {"./Vendor/MSFT/Node": "value", "./Vendor/MSFT/Gone": null, "./Vendor/MSFT/Locked": {"value": "1", "readOnly": true}, "./Vendor/MSFT/Broken": {"status": 500}}';

export function registerManageCommand(program: Command, context: CommandContext): Command {
  const command = withExamples(program.command("manage"), [
    "winenroll manage https://mdm.contoso.com/ManagementServer/MDM.svc --cert enrolled/certificate.pem --key enrolled/key.pem",
    "winenroll manage https://mdm.contoso.com/omadm --cert cert.pem --key key.pem --device-tree tree.json --trace",
    "winenroll manage https://mdm.contoso.com/omadm --cert cert.pem --key key.pem --connect-to mdm.contoso.com:443:127.0.0.1:8443 --ca ca.pem --json",
  ])
    .description(
      "run Windows' first OMA-DM management session against a server with the enrolled certificate, and check the server's side of it",
    )
    .argument("<url>", "the management URL (ADDR of the provisioning document)")
    .requiredOption("--cert <pem>", "PEM file of the client certificate issued at enrollment")
    .requiredOption("--key <pem>", "PEM file of that certificate's private key")
    .option(
      "--device-tree <json>",
      "nodes of the simulated device, node path → value (a JSON file, or the JSON itself)",
    )
    .option("--device-id <id>", "./DevInfo/DevId, as sent at enrollment (DeviceID)")
    .option("--trace", "print every message exchanged on stderr, secrets masked")
    .option("--show-secrets", "with --trace, print secrets instead of masking them")
    .option(
      "--max-rounds <n>",
      "most messages the device sends before giving up on the session",
      "10",
    );
  return addNetworkOptions(command, "the whole session", "30s")
    .option("--json", "print the report as JSON")
    .action(async (url: string, options: ManageOptions) => {
      if (!/^https?:\/\//i.test(url)) {
        throw new UsageError(
          `"${url}" is not a URL`,
          "pass the management URL, e.g. https://mdm.contoso.com/omadm",
        );
      }
      const { timeoutMs, connectTo, ca } = await readNetworkOptions(options);
      const maxRounds = parseMaxRounds(options.maxRounds);
      const certificate = await readPemFile("--cert", options.cert, "CERTIFICATE");
      const key = await readPemFile("--key", options.key, "PRIVATE KEY");
      const tree = options.deviceTree ? await readDeviceTree(options.deviceTree) : undefined;
      const mask = (text: string) => (options.showSecrets ? text : maskSyncMLSecrets(text));
      const report = await runManagementStep({
        url,
        certificate,
        key,
        connectTo,
        timeoutMs,
        maxRounds,
        ...(ca ? { ca } : {}),
        ...(tree ? { tree } : {}),
        ...(options.deviceId ? { deviceId: options.deviceId } : {}),
        onMessage: (direction, text, round) => {
          if (!options.trace) return;
          const arrow = direction === "client" ? "device → server" : "server → device";
          context.err(context.errStyle.dim(`--- round ${round}: ${arrow} ---`));
          context.err(mask(text));
        },
      });
      if (options.json) context.out(toJson(report));
      else context.out(formatManagementReport(report, context.style));
      if (!report.ok) context.setExitCode(EXIT.negative);
    });
}

export function formatManagementReport(report: ManagementReport, style: Style): string {
  const step = report.steps[0];
  const commands =
    report.management.commands.length === 0
      ? []
      : [
          formatTable(
            report.management.commands.map((c) => [
              `    ${c.cmd}`,
              c.target ?? "",
              `${c.status}`,
              style.dim(statusMeaning(c.status) ?? ""),
            ]),
          ),
        ];
  const lines = [
    `${style.bold("Management session")} ${report.url}`,
    "",
    formatStep(step, style, 20, commands),
  ];
  lines.push(
    "",
    report.ok
      ? `${style.green("✔ managed:")} ${report.summary}`
      : `${style.red("✖ not managed:")} ${report.summary}`,
  );
  return lines.join("\n");
}
