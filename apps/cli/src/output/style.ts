import type { Severity } from "@winenroll/core";
import type { CliIO } from "../io.js";

/** ANSI styling that switches itself off where colour is unwanted. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  severity(severity: Severity, text: string): string;
}

/**
 * Colour is on for a terminal and off otherwise; `NO_COLOR` (no-color.org) and `--no-color` turn it
 * off, `FORCE_COLOR` turns it on even when piped.
 */
export function colorWanted(io: CliIO, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false")
    return true;
  return io.stdout.isTTY === true && env.TERM !== "dumb";
}

export function createStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const cyan = wrap(36, 39);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red,
    yellow,
    green: wrap(32, 39),
    cyan,
    severity: (severity, text) =>
      (severity === "error" ? red : severity === "warning" ? yellow : cyan)(text),
  };
}
