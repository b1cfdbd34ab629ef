import {
  AUTH_POLICIES,
  type AuthPolicy,
  DiscoveryInputError,
  type DiscoveryReport,
  probeDiscovery,
  REQUEST_VERSIONS,
  type RequestVersion,
} from "@winenroll/core/discovery";
import { createNodeTransport } from "@winenroll/core/node";
import { type Command, Option } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import {
  parseConnectToOptions,
  parseDuration,
  readCaOption,
  withConnectionOptions,
} from "../network.js";
import { toJson } from "../output/json.js";
import { formatStep } from "../output/steps.js";
import type { Style } from "../output/style.js";

interface DiscoverOptions {
  readonly requestVersion: RequestVersion;
  readonly authPolicy: string;
  readonly connectTo: string[];
  readonly ca?: string;
  readonly timeout: string;
  readonly maxSize: string;
  readonly email?: string;
  readonly json?: boolean;
}

function parseSize(text: string): number {
  const match = /^(\d+)(k|kb|kib|m|mb|mib)?$/i.exec(text.trim());
  if (!match)
    throw new UsageError(
      `--max-size "${text}" is not a size`,
      "accepted: bytes, or a number with k or m, e.g. 64k",
    );
  const unit = (match[2] ?? "").toLowerCase();
  const bytes =
    Number(match[1]) * (unit.startsWith("k") ? 1024 : unit.startsWith("m") ? 1024 * 1024 : 1);
  if (bytes < 1024 || bytes > 16 * 1024 * 1024)
    throw new UsageError(`--max-size ${text} is out of range`, "accepted: from 1k to 16m");
  return bytes;
}

function parsePolicies(text: string): AuthPolicy[] {
  const policies = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const policy = AUTH_POLICIES.find((a) => a.toLowerCase() === p.toLowerCase());
      if (!policy) {
        throw new UsageError(
          `--auth-policy "${p}" is not an AuthPolicy`,
          `accepted: ${AUTH_POLICIES.join(", ")} (comma-separated)`,
        );
      }
      return policy;
    });
  if (policies.length === 0) {
    throw new UsageError(
      "--auth-policy is empty",
      `accepted: ${AUTH_POLICIES.join(", ")} (comma-separated)`,
    );
  }
  return [...new Set(policies)];
}

export function registerDiscoverCommand(program: Command, context: CommandContext): Command {
  const command = withExamples(program.command("discover"), [
    "winenroll discover someone@contoso.com",
    "winenroll discover contoso.com --auth-policy OnPremise,Federated,Certificate --request-version 4.0",
    "winenroll discover https://enrollment.manage.microsoft.com/EnrollmentServer/Discovery.svc",
    "winenroll discover someone@contoso.com --connect-to enterpriseenrollment.contoso.com:443:127.0.0.1:8443 --ca ca.pem",
  ])
    .description(
      "check a discovery service the way Windows walks it: DNS, GET, the Discover POST and its response",
    )
    .argument("<target>", "the user's e-mail address, their domain, or the discovery URL")
    .addOption(
      new Option("--request-version <version>", "the RequestVersion to send")
        .choices([...REQUEST_VERSIONS])
        .default("5.0"),
    )
    .option(
      "--auth-policy <policies>",
      `AuthPolicies to offer, comma-separated (${AUTH_POLICIES.join(", ")})`,
      "OnPremise,Federated",
    );
  return withConnectionOptions(command)
    .option("--timeout <duration>", "time budget for the whole probe, e.g. 10s or 500ms", "10s")
    .option("--max-size <bytes>", "largest response body read, e.g. 64k", "64k")
    .option("--email <address>", "the EmailAddress to send when the target is a domain or URL")
    .option("--json", "print the report as JSON")
    .action(async (target: string, options: DiscoverOptions) => {
      const timeoutMs = parseDuration(options.timeout);
      const maxResponseBytes = parseSize(options.maxSize);
      const authPolicies = parsePolicies(options.authPolicy);
      const connectTo = parseConnectToOptions(options.connectTo);
      const ca = await readCaOption(options.ca);
      const transport = createNodeTransport({
        connectTo,
        ...(ca ? { ca } : {}),
        connectTimeoutMs: Math.min(timeoutMs, 5_000),
      });
      let report: DiscoveryReport;
      try {
        report = await probeDiscovery(target, {
          transport,
          requestVersion: options.requestVersion,
          authPolicies,
          timeoutMs,
          maxResponseBytes,
          ...(options.email ? { email: options.email } : {}),
          onStep: (step, detail) => {
            if (!options.json)
              context.err(context.errStyle.dim(`… ${step.toUpperCase()} ${detail}`));
          },
        });
      } catch (error) {
        if (error instanceof DiscoveryInputError) throw new UsageError(error.message, error.hint);
        throw error;
      }
      if (options.json) context.out(toJson(report));
      else context.out(formatReport(report, context.style));
      if (!report.ok) context.setExitCode(EXIT.negative);
    });
}

export function formatReport(report: DiscoveryReport, style: Style): string {
  const lines: string[] = [];
  lines.push(`${style.bold("Discovery")} ${report.url}`);
  lines.push(
    style.dim(
      `RequestVersion ${report.requestVersion}, AuthPolicies ${report.authPolicies.join(", ")}`,
    ),
  );
  lines.push("");
  for (const step of report.steps) lines.push(formatStep(step, style, 18));
  lines.push("");
  lines.push(
    report.ok
      ? `${style.green("✔ discoverable:")} ${report.summary}`
      : `${style.red("✖ not discoverable:")} ${report.summary}`,
  );
  if (report.errors.length > 0) {
    lines.push(
      style.dim(`Windows would report: ${report.errors.join(", ")} (see winenroll explain)`),
    );
  }
  return lines.join("\n");
}
