import {
  type ManagementReport,
  maskSyncMLSecrets,
  statusMeaning,
} from "@winenroll/core/management";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { parseMaxRounds, readDeviceTree, runManagementStep } from "../manage/session.js";
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
