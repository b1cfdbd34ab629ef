import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  type WriteStream,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { finished } from "node:stream/promises";
import { UsageError } from "../errors.js";

/**
 * Temporary paths of the run in progress. On Ctrl-C or a polite kill they are removed before the
 * process dies; a hard kill (SIGKILL) can leave one behind, but only under its temporary name,
 * never under the name asked for, and the next run for the same output removes it.
 */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function removePending(): void {
  for (const path of pending) rmSync(path, { recursive: true, force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

/** Removes temporary outputs when the process is interrupted; returns the undo. */
export function cleanUpOnSignals(): () => void {
  for (const s of SIGNALS) process.on(s, onSignal);
  return () => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  };
}

/**
 * Refuses to replace an existing path unless `force`, and refuses up front what could only fail
 * later: a "folder" that is a file, a file output where a folder stands, a folder output where a
 * file stands.
 */
export function ensureWritable(
  path: string,
  force: boolean,
  what: string,
  kind: "file" | "folder" = "file",
): void {
  if (!existsSync(dirname(path))) {
    throw new UsageError(
      `cannot write ${what} ${path}: its folder does not exist`,
      "create the folder first",
    );
  }
  if (!statSync(dirname(path)).isDirectory()) {
    throw new UsageError(
      `cannot write ${what} ${path}: ${dirname(path)} is a file, not a folder`,
      "choose a path inside an existing folder",
    );
  }
  const existing = existsSync(path) ? statSync(path) : undefined;
  if (existing && kind === "file" && existing.isDirectory()) {
    throw new UsageError(`cannot write ${what} ${path}: it is a folder`, "give a file name");
  }
  if (existing && kind === "folder" && !existing.isDirectory()) {
    throw new UsageError(
      `cannot write ${what} ${path}: it is a file, not a folder`,
      "give a folder name, or remove the file",
    );
  }
  if (!force && existsSync(path)) {
    throw new UsageError(
      `${what} ${path} already exists`,
      "pass --force to replace it, or choose another name",
    );
  }
}

function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what a hard-killed earlier run left for the same output: temporary names whose process
 * no longer exists. A run still in progress (its process alive) is left alone.
 */
export function sweepStale(path: string): void {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.partial(\.old)?$/.exec(name.slice(prefix.length));
    if (match && Number(match[1]) !== process.pid && !alive(Number(match[1]))) {
      rmSync(join(dirname(path), name), { recursive: true, force: true });
    }
  }
}

/** A file written under a temporary name and renamed into place only when complete. */
export class AtomicFile {
  readonly stream: WriteStream;
  readonly #temp: string;

  constructor(readonly path: string) {
    sweepStale(path);
    this.#temp = temporaryName(path);
    pending.add(this.#temp);
    this.stream = createWriteStream(this.#temp, { flags: "w", highWaterMark: 1 << 20 });
  }

  async commit(): Promise<void> {
    if (!this.stream.writableEnded) this.stream.end();
    await finished(this.stream);
    renameSync(this.#temp, this.path);
    pending.delete(this.#temp);
  }

  async discard(): Promise<void> {
    // Writers piped into the stream may still flush into it; once discarded, that is harmless.
    this.stream.on("error", () => {});
    if (!this.stream.closed) {
      // Wait for the file to be closed: a stream destroyed while opening still creates its file.
      const closed = new Promise<void>((resolve) => this.stream.once("close", () => resolve()));
      this.stream.destroy();
      await closed;
    }
    rmSync(this.#temp, { force: true });
    pending.delete(this.#temp);
  }
}

/** A folder filled under a temporary name and renamed into place only when complete. */
export class AtomicDirectory {
  readonly temp: string;

  constructor(readonly path: string) {
    sweepStale(path);
    this.temp = temporaryName(path);
    rmSync(this.temp, { recursive: true, force: true });
    pending.add(this.temp);
    mkdirSync(this.temp);
  }

  commit(): void {
    if (existsSync(this.path)) {
      const old = `${this.temp}.old`;
      pending.add(old);
      renameSync(this.path, old);
      renameSync(this.temp, this.path);
      rmSync(old, { recursive: true, force: true });
      pending.delete(old);
    } else {
      renameSync(this.temp, this.path);
    }
    pending.delete(this.temp);
  }

  discard(): void {
    rmSync(this.temp, { recursive: true, force: true });
    pending.delete(this.temp);
  }
}
