/** A one-line progress bar on a terminal: rows, rows per second, and the ETA from bytes read. */
export interface Progress {
  tick(rows: number): void;
  done(): void;
}

const NONE: Progress = { tick() {}, done() {} };

function seconds(value: number): string {
  if (!Number.isFinite(value)) return "?";
  if (value < 60) return `${Math.ceil(value)}s`;
  return `${Math.floor(value / 60)}m${String(Math.ceil(value % 60)).padStart(2, "0")}s`;
}

/**
 * Draws on `stream` only when it is a terminal; otherwise does nothing (logs stay clean). Redraws
 * at most five times a second, checked every 1,000 rows.
 */
export function createProgress(
  stream: { write(text: string): unknown; readonly isTTY?: boolean },
  bytesRead: () => number,
  totalBytes: number | undefined,
  clock: () => number = () => performance.now(),
): Progress {
  if (stream.isTTY !== true) return NONE;
  const start = clock();
  let last = start;
  let shown = false;
  return {
    tick(rows) {
      if (rows % 1000 !== 0) return;
      const now = clock();
      if (now - last < 200) return;
      last = now;
      shown = true;
      const elapsed = (now - start) / 1000;
      const rate = rows / Math.max(elapsed, 0.001);
      let text = `  ${rows.toLocaleString("en-US")} rows · ${Math.round(rate).toLocaleString("en-US")} rows/s`;
      if (totalBytes) {
        const fraction = Math.min(bytesRead() / totalBytes, 1);
        const width = 20;
        const filled = Math.round(fraction * width);
        const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : Number.POSITIVE_INFINITY;
        text = `  [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(fraction * 100)}%${text.slice(1)} · ETA ${seconds(eta)}`;
      }
      stream.write(`\r${text}\u001b[K`);
    },
    done() {
      if (shown) stream.write("\r\u001b[K");
    },
  };
}
