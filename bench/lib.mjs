// Shared helpers for the benchmarks: medians, interleaved timing against a floor, the machine line.
import { cpus, totalmem } from "node:os";

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

let sink = 0;
/** Keeps results alive so the JIT cannot drop the measured call. */
export function consume(value) {
  sink = (sink + (typeof value === "string" ? value.length : value ? 1 : 0)) | 0;
  return sink;
}

/** Nanoseconds per call of `fn`, over `iterations` calls. */
function timeBatch(fn, iterations) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) consume(fn());
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * Times `subject` and `floor` in the same process, interleaved round by round so drift hits both,
 * after a warm-up; returns the median ns per call of each and the ratio subject / floor.
 */
export function compare(subject, floor, { rounds = 9, minTimeMs = 150 } = {}) {
  // Warm up both and size the batch so one batch of the slower takes about minTimeMs.
  for (let i = 0; i < 2000; i++) {
    consume(subject());
    consume(floor());
  }
  const probe = Math.max(timeBatch(subject, 2000), timeBatch(floor, 2000));
  const iterations = Math.max(1000, Math.round((minTimeMs * 1e6) / probe));
  const s = [];
  const f = [];
  for (let r = 0; r < rounds; r++) {
    s.push(timeBatch(subject, iterations));
    f.push(timeBatch(floor, iterations));
  }
  const subjectNs = median(s);
  const floorNs = median(f);
  return { subjectNs, floorNs, ratio: subjectNs / floorNs, rounds, iterations };
}

/** Median ns per call of one function (for figures without a floor). */
export function timeOne(fn, { rounds = 9, minTimeMs = 150 } = {}) {
  for (let i = 0; i < 500; i++) consume(fn());
  const probe = timeBatch(fn, 500);
  const iterations = Math.max(200, Math.round((minTimeMs * 1e6) / probe));
  const t = [];
  for (let r = 0; r < rounds; r++) t.push(timeBatch(fn, iterations));
  return { ns: median(t), rounds, iterations };
}

/** One line naming the machine and runtime. */
export function machine() {
  const cpu = cpus();
  return `Node ${process.versions.node}, ${process.platform}/${process.arch}, ${cpu.length} CPUs (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM`;
}

/** Formats nanoseconds for a table cell. */
export function fmtNs(ns) {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** Headings of RESULTS.md sections that their own benchmark writes; `pnpm bench` keeps them. */
export const OWN_SECTIONS = ["## Batch", "## Discover against hostile servers"];

/** The section under `heading` (up to the next `## `), or "" when there is none. */
export function sectionOf(results, heading) {
  const at = results.indexOf(`${heading}\n`);
  if (at < 0) return "";
  const next = results.indexOf("\n## ", at + 1);
  return results.slice(at, next < 0 ? undefined : next + 1).trimEnd();
}

/** `results` with the section under `heading` replaced by `section` (appended when missing). */
export function replaceSection(results, heading, section) {
  const old = sectionOf(results, heading);
  const updated = old
    ? results.replace(old, section.trimEnd())
    : `${results.trimEnd()}\n\n${section}`;
  return `${updated.trimEnd()}\n`;
}
