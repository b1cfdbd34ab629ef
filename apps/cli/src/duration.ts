import { DURATION_FORMS, parseDurationMs } from "@winenroll/core";
import { UsageError } from "./errors.js";

/** Limits an option puts on a duration, in milliseconds, and the same limits in words. */
export interface DurationLimits {
  readonly minMs?: number;
  readonly maxMs?: number;
  /** How the accepted range reads in a hint: "from 1ms to 10m". */
  readonly range?: string;
  /** Only whole seconds (token lifetimes are written in seconds). */
  readonly wholeSeconds?: boolean;
}

/**
 * The value of a duration option (`--timeout 1h`, `--token-ttl 7d`) in milliseconds, read by core's
 * one duration parser; a usage error naming the option when it is not a duration or out of range.
 */
export function readDurationOption(
  flag: string,
  text: string,
  limits: DurationLimits = {},
): number {
  const ms = parseDurationMs(text);
  if (ms === undefined || (limits.wholeSeconds && ms % 1000 !== 0)) {
    throw new UsageError(
      `${flag} "${text}" is not a duration`,
      `accepted: ${DURATION_FORMS}${limits.wholeSeconds ? ", in whole seconds" : ""}`,
    );
  }
  if (
    (limits.minMs !== undefined && ms < limits.minMs) ||
    (limits.maxMs !== undefined && ms > limits.maxMs)
  ) {
    throw new UsageError(
      `${flag} ${text} is out of range`,
      limits.range ? `accepted: ${limits.range}` : undefined,
    );
  }
  return ms;
}
