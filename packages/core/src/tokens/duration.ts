import { DURATION_UNITS, parseDurationMs } from "../text/duration.js";

/**
 * Reads a lifetime such as `7d`, `12h`, `90m`, `3600s` or `3600` (seconds) and returns it in
 * seconds, or undefined when it is not a duration {@link parseDurationMs} reads or not a whole
 * number of seconds.
 *
 * @example
 * parseDuration("7d"); // 604800
 * parseDuration("1.5h"); // undefined: whole numbers only
 */
export function parseDuration(text: string): number | undefined {
  const ms = parseDurationMs(text);
  return ms !== undefined && ms % 1000 === 0 ? ms / 1000 : undefined;
}

/**
 * Writes a number of seconds the way {@link parseDuration} reads it, in the largest whole unit.
 *
 * @example
 * formatDuration(604800); // "7d"
 * formatDuration(5400); // "90m"
 */
export function formatDuration(seconds: number): string {
  for (const unit of ["w", "d", "h", "m"] as const) {
    const size = DURATION_UNITS[unit] / 1000;
    if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
