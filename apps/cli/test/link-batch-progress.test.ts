import { describe, expect, it } from "vitest";
import { createProgress } from "../src/batch/progress.js";

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (t: string) => written.push(t) }, written };
}

describe("batch progress", () => {
  it("draws rows, rate, percentage and ETA on a terminal", () => {
    const { stream, written } = terminal(true);
    let now = 0;
    let bytes = 0;
    const progress = createProgress(
      stream,
      () => bytes,
      1000,
      () => now,
    );
    now = 2000;
    bytes = 250;
    progress.tick(10_000);
    expect(written.at(-1)).toMatch(
      /\[#####---------------\] 25%.*10,000 rows · 5,000 rows\/s · ETA 6s/,
    );
    progress.done();
    expect(written.at(-1)).toBe("\r\u001b[K");
  });

  it("stays silent when stderr is not a terminal", () => {
    const { stream, written } = terminal(false);
    let now = 0;
    const progress = createProgress(
      stream,
      () => 10,
      100,
      () => now,
    );
    now = 5000;
    progress.tick(1000);
    progress.done();
    expect(written).toEqual([]);
  });

  it("leaves out the ETA when the size is unknown (standard input)", () => {
    const { stream, written } = terminal(true);
    let now = 0;
    const progress = createProgress(
      stream,
      () => 10,
      undefined,
      () => now,
    );
    now = 1000;
    progress.tick(3000);
    expect(written.at(-1)).toMatch(/^\r {2}3,000 rows · 3,000 rows\/s\u001b\[K$/);
  });
});
