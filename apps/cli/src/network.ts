import { readFile } from "node:fs/promises";
import { type ConnectTo, parseConnectTo } from "@winenroll/core/node";
import type { Command } from "commander";
import { UsageError } from "./errors.js";

/** The network options `discover` and `manage` share: `--connect-to`, `--ca`, `--timeout`. */

/** Reads `10s`, `500ms`, `1m` or a bare number of seconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match) {
    throw new UsageError(
      `--timeout "${text}" is not a duration`,
      "accepted: a number with ms, s or m, e.g. 500ms, 10s, 1m (a bare number is seconds)",
    );
  }
  const value = Number(match[1]);
  const ms = match[2] === "ms" ? value : match[2] === "m" ? value * 60_000 : value * 1000;
  if (ms < 1 || ms > 600_000) {
    throw new UsageError(`--timeout ${text} is out of range`, "accepted: from 1ms to 10m");
  }
  return Math.round(ms);
}

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parseConnectToOptions(values: readonly string[]): ConnectTo[] {
  return values.map((value) => {
    try {
      return parseConnectTo(value);
    } catch (error) {
      throw new UsageError(
        `--connect-to ${(error as Error).message}`,
        "accepted: HOST:PORT:CONNECT-TO-HOST:CONNECT-TO-PORT, e.g. enterpriseenrollment.contoso.com:443:127.0.0.1:8443",
      );
    }
  });
}

/** A PEM file's text; a usage error when it cannot be read or holds no `-----BEGIN <label>`. */
export async function readPemFile(
  option: string,
  path: string,
  label: RegExp,
  what: string,
): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read ${option} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      "pass a readable PEM file",
    );
  }
  if (!new RegExp(`-----BEGIN ${label.source}-----`).test(text)) {
    throw new UsageError(
      `${option} ${path} holds no PEM ${what}`,
      `accepted: a PEM file with a -----BEGIN ${what.toUpperCase()}----- block`,
    );
  }
  return text;
}

export const CERTIFICATE_PEM = /CERTIFICATE/;
export const PRIVATE_KEY_PEM = /(?:RSA |EC |ENCRYPTED )?PRIVATE KEY/;

/** The CA file of `--ca`, when given. */
export async function readCaOption(path: string | undefined): Promise<string | undefined> {
  return path === undefined ? undefined : readPemFile("--ca", path, CERTIFICATE_PEM, "certificate");
}

/** Adds `--connect-to` and `--ca`, worded the same in every command that has them. */
export function withConnectionOptions<T extends Command>(command: T): T {
  command
    .option(
      "--connect-to <HOST:PORT:ADDR:PORT>",
      "send connections for HOST:PORT to ADDR:PORT instead, keeping the name for TLS (as curl's; repeatable)",
      collect,
      [],
    )
    .option(
      "--ca <file>",
      "PEM file of the CA to trust instead of the built-in roots (as curl's --cacert)",
    );
  return command;
}
