/** Milliseconds in one of each unit a duration can be written in. */
export const DURATION_UNITS = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
} as const;

export type DurationUnit = keyof typeof DURATION_UNITS;

const DURATION = /^\s*(\d{1,12})\s*(ms|s|m|h|d|w)?\s*$/i;

/**
 * Reads a duration written as a whole number and at most one unit (`500ms`, `10s`, `90m`, `1h`,
 * `7d`, `2w`; a bare number is seconds) and returns it in milliseconds, or undefined when the text
 * is not one, or is zero. Every CLI option that takes a duration reads it with this.
 *
 * @example
 * parseDurationMs("1h"); // 3600000
 * parseDurationMs("500ms"); // 500
 * parseDurationMs("1.5h"); // undefined: whole numbers only
 */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? "s").toLowerCase() as DurationUnit;
  const ms = Number(match[1]) * DURATION_UNITS[unit];
  return ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}

/** The forms {@link parseDurationMs} accepts, in words, for a usage hint. */
export const DURATION_FORMS =
  "a whole number with ms, s, m, h, d or w, e.g. 500ms, 10s, 90m, 1h, 7d (a bare number is seconds)";
