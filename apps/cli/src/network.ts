import { readFile } from "node:fs/promises";
import { type ConnectTo, parseConnectTo } from "@winenroll/core/node";
import type { Command } from "commander";
import { readDurationOption } from "./duration.js";
import { UsageError } from "./errors.js";

/**
 * The network options `discover` and `enroll` share, declared once so that both take
 * `--connect-to`, `--ca` and `--timeout` with the same words and the same checks.
 */
export interface NetworkOptionValues {
  readonly connectTo: string[];
  readonly ca?: string;
  readonly timeout: string;
}

/** The options as the commands use them: parsed and read. */
export interface NetworkSettings {
  readonly timeoutMs: number;
  readonly connectTo: ConnectTo[];
  /** PEM text of the CA file, when one was given. */
  readonly ca?: string;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Declares `--connect-to`, `--ca` and `--timeout`; `budget` says what the timeout covers. */
export function addNetworkOptions(
  command: Command,
  budget: string,
  defaultTimeout = "10s",
): Command {
  return command
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
      `time budget for ${budget}, e.g. 10s, 500ms or 2m (at most 1h)`,
      defaultTimeout,
    );
}

/** Checks and reads the network options; every mistake is a usage error. */
export async function readNetworkOptions(options: NetworkOptionValues): Promise<NetworkSettings> {
  const timeoutMs = readDurationOption("--timeout", options.timeout, {
    maxMs: 3_600_000,
    range: "up to 1h",
  });
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
  if (options.ca === undefined) return { timeoutMs, connectTo };
  const ca = await readPemFile("--ca", options.ca, "CERTIFICATE");
  return { timeoutMs, connectTo, ca };
}

/** Reads a PEM file named by an option; a missing file or one without `label` is a usage error. */
export async function readPemFile(option: string, path: string, label: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      "pass a readable PEM file",
    );
  }
  if (!new RegExp(`-----BEGIN [A-Z ]*${label}-----`).test(text)) {
    throw new UsageError(
      `${option} ${path} holds no PEM ${label.toLowerCase()}`,
      `accepted: a PEM file with -----BEGIN ${label}----- blocks`,
    );
  }
  return text;
}
