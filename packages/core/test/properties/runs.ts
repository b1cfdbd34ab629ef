/**
 * How many cases each property runs: a short run in the unit suite, a long one under `pnpm fuzz`
 * (which sets FUZZ_RUNS, e.g. to a million).
 */
export function runs(unitSuiteRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : unitSuiteRuns;
}

/** Fuzz runs have no per-test timeout; the unit suite keeps vitest's default. */
export const FUZZ_TIMEOUT = process.env.FUZZ_RUNS ? 0 : undefined;
