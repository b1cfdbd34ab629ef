import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { TokenSigner } from "../tokens/sign.js";
import type { BatchRowResult } from "./row.js";

export interface BatchSummary {
  /** True when every row read produced a link. */
  readonly ok: boolean;
  readonly rowsRead: number;
  /** Rows that produced a link. `rowsRead === linked + rejected`. */
  readonly linked: number;
  readonly rejected: number;
  /** Rows whose username appeared on an earlier row (they still get a link). */
  readonly duplicates: number;
  /** How many times each diagnostic code was seen, by severity. */
  readonly errors: Readonly<Record<string, number>>;
  readonly warnings: Readonly<Record<string, number>>;
  /** Findings about the header (columns ignored, unnamed or repeated). */
  readonly header: readonly Diagnostic[];
  readonly token?: {
    readonly alg: string;
    readonly ttlSeconds: number;
    readonly issuedAt: string;
    readonly expiresAt: string;
  };
}

const DUPLICATE = "batch-duplicate-user";

/**
 * The run's counts, from finished rows only: each row is counted once, as it comes out of the row
 * step, so the counts add up (`rowsRead === linked + rejected`) without ever being corrected.
 *
 * @example
 * const tally = new BatchTally();
 * tally.count({ line: 2, ok: true, link: "ms-device-enrollment:?mode=mdm", params: {}, values: {}, extraFields: [], passThrough: [], diagnostics: [] });
 * tally.summary({ now: new Date() }).linked; // 1
 */
export class BatchTally {
  #rowsRead = 0;
  #linked = 0;
  #duplicates = 0;
  readonly #errors = new Map<string, number>();
  readonly #warnings = new Map<string, number>();
  readonly #header: Diagnostic[] = [];

  /** Counts one finished row: read, linked or not, and each error and warning by code. */
  count(result: BatchRowResult): void {
    this.#rowsRead += 1;
    if (result.ok) this.#linked += 1;
    for (const d of result.diagnostics) {
      if (d.code === DUPLICATE) this.#duplicates += 1;
      if (d.severity === "info") continue;
      const counts = d.severity === "error" ? this.#errors : this.#warnings;
      counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
    }
  }

  /** Keeps a header's findings, each message once however many headers repeat it. */
  header(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (!this.#header.some((h) => h.message === d.message)) this.#header.push(d);
    }
  }

  /** Totals so far, with the token's validity when the run signs tokens. */
  summary({ now, signer }: { now: Date; signer?: TokenSigner }): BatchSummary {
    const rejected = this.#rowsRead - this.#linked;
    return {
      ok: rejected === 0,
      rowsRead: this.#rowsRead,
      linked: this.#linked,
      rejected,
      duplicates: this.#duplicates,
      errors: Object.fromEntries(this.#errors),
      warnings: Object.fromEntries(this.#warnings),
      header: this.#header,
      ...(signer ? { token: tokenValidity(signer, now) } : {}),
    };
  }
}

function tokenValidity(signer: TokenSigner, now: Date): NonNullable<BatchSummary["token"]> {
  const issuedAt = Math.floor(now.getTime() / 1000) * 1000;
  return {
    alg: signer.alg,
    ttlSeconds: signer.ttlSeconds,
    issuedAt: new Date(issuedAt).toISOString(),
    expiresAt: new Date(issuedAt + signer.ttlSeconds * 1000).toISOString(),
  };
}
