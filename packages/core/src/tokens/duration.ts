const UNIT_SECONDS: Readonly<Record<string, number>> = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
};

/**
 * Reads a lifetime such as `7d`, `12h`, `90m`, `3600s` or `3600` (seconds) and returns it in
 * seconds, or undefined when the text is not one number followed by at most one unit (s, m, h, d, w).
 *
 * @example
 * parseDuration("7d"); // 604800
 * parseDuration("1.5h"); // undefined: whole numbers only
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d{1,9})\s*([smhdw]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || "s").toLowerCase()]!;
  return seconds > 0 ? seconds : undefined;
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
    const size = UNIT_SECONDS[unit]!;
    if (seconds % size === 0 && seconds >= size) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
