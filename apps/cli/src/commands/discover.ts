import { readFile } from "node:fs/promises";
import {
  AUTH_POLICIES,
  type AuthPolicy,
  DiscoveryInputError,
  type DiscoveryReport,
  type DiscoveryStep,
  probeDiscovery,
  REQUEST_VERSIONS,
  type RequestVersion,
} from "@winenroll/core/discovery";
import { type ConnectTo, createNodeTransport, parseConnectTo } from "@winenroll/core/node";
import { type Command, Option } from "commander";
import type { CommandContext } from "../context.js";
import { readDurationOption } from "../duration.js";
import { EXIT, UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { formatDiagnostic } from "../output/diagnostics.js";
import { toJson } from "../output/json.js";
import type { Style } from "../output/style.js";
import { formatTable } from "../output/table.js";

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

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function registerDiscoverCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("discover"), [
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
    )
    .option(
      "--connect-to <HOST:PORT:ADDR:PORT>",
      "send connections for HOST:PORT to ADDR:PORT instead, keeping the name for TLS (as curl's; repeatable)",
      collect,
      [],
    )
    .option(
      "--ca <file>",
      "PEM file of the CA to trust instead of the built-in roots (as curl's --cacert)",
    )
    .option(
      "--timeout <duration>",
      "time budget for the whole probe, e.g. 10s, 500ms or 2m (at most 1h)",
      "10s",
    )
    .option("--max-size <bytes>", "largest response body read, e.g. 64k", "64k")
    .option("--email <address>", "the EmailAddress to send when the target is a domain or URL")
    .option("--json", "print the report as JSON")
    .action(async (target: string, options: DiscoverOptions) => {
      const timeoutMs = readDurationOption("--timeout", options.timeout, {
        maxMs: 3_600_000,
        range: "up to 1h",
      });
      const maxResponseBytes = parseSize(options.maxSize);
      const authPolicies = parsePolicies(options.authPolicy);
      const connectTo: ConnectTo[] = options.connectTo.map((value) => {
        try {
          return parseConnectTo(value);
        } catch (error) {
          throw new UsageError(
            `--connect-to ${(error as Error).message}`,
            "accepted: HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, e.g. enterpriseenrollment.contoso.com:443:127.0.0.1:8443",
          );
        }
      });
      let ca: string | undefined;
      if (options.ca !== undefined) {
        try {
          ca = await readFile(options.ca, "utf8");
        } catch (error) {
          throw new UsageError(
            `cannot read --ca ${options.ca}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
            "pass a readable PEM file",
          );
        }
        if (!ca.includes("-----BEGIN CERTIFICATE-----")) {
          throw new UsageError(
            `--ca ${options.ca} holds no PEM certificate`,
            "accepted: a PEM file with -----BEGIN CERTIFICATE----- blocks",
          );
        }
      }
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

const MARKS: Record<DiscoveryStep["verdict"], (style: Style) => string> = {
  pass: (s) => s.green("✔"),
  warn: (s) => s.yellow("!"),
  fail: (s) => s.red("✖"),
  skipped: (s) => s.dim("–"),
};

export function formatReport(report: DiscoveryReport, style: Style): string {
  const lines: string[] = [];
  lines.push(`${style.bold("Discovery")} ${report.url}`);
  lines.push(
    style.dim(
      `RequestVersion ${report.requestVersion}, AuthPolicies ${report.authPolicies.join(", ")}`,
    ),
  );
  lines.push("");
  for (const step of report.steps) {
    lines.push(
      `${MARKS[step.verdict](style)} ${style.bold(step.title.padEnd(18))} ${step.verdict === "skipped" ? style.dim(step.summary) : step.summary}`,
    );
    if (step.details.length > 0) {
      lines.push(formatTable(step.details.map((d) => [`    ${style.dim(d.label)}`, d.value])));
    }
    for (const d of step.diagnostics) {
      lines.push(
        formatDiagnostic(d, style)
          .split("\n")
          .map((l) => `    ${l}`)
          .join("\n"),
      );
    }
  }
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
