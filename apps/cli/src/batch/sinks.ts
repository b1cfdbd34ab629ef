// Where a run's rows go: the links (a file or standard output), the rejected rows, the mails. All
// files are written whole or not at all (atomic.ts); the writers are made once the columns are known.
import type { Writable } from "node:stream";
import type { BatchRowResult, ColumnPlan } from "@winenroll/core/batch";
import type { CliIO } from "../io.js";
import { AtomicDirectory, AtomicFile } from "./atomic.js";
import type { BatchPlan } from "./plan.js";
import {
  csvWriter,
  htmlWriter,
  jsonlWriter,
  mailWriter,
  type RowWriter,
  rejectedWriter,
  stdoutWritable,
} from "./writers.js";

export class BatchSinks {
  readonly #plan: BatchPlan;
  readonly #outputFile: AtomicFile | undefined;
  readonly #rejectedFile: AtomicFile | undefined;
  readonly #mailDir: AtomicDirectory | undefined;
  readonly #stdout: ReturnType<typeof stdoutWritable> | undefined;
  #headings: readonly string[] = [];
  #links: RowWriter | undefined;
  #rejected: RowWriter | undefined;
  #mails: RowWriter | undefined;
  #mailCount = 0;

  constructor(plan: BatchPlan, io: CliIO) {
    this.#plan = plan;
    this.#outputFile = plan.output ? new AtomicFile(plan.output) : undefined;
    this.#rejectedFile = plan.rejected ? new AtomicFile(plan.rejected.path) : undefined;
    this.#mailDir = plan.outDir ? new AtomicDirectory(plan.outDir) : undefined;
    this.#stdout = plan.output || plan.outDir ? undefined : stdoutWritable(io);
  }

  /** Where the links go, if anywhere (mails alone write no links). */
  get #linksTarget(): Writable | undefined {
    return this.#outputFile?.stream ?? this.#stdout;
  }

  /** True when links are written somewhere (a file or standard output). */
  get writesLinks(): boolean {
    return this.#linksTarget !== undefined;
  }

  get mailsWritten(): number {
    return this.#mailCount;
  }

  /** True once the reader of standard output has gone away (`| head`). */
  readerGone(): boolean {
    return this.#stdout?.readerGone() === true;
  }

  /** The input's columns are known: make the writers. */
  begin(headings: readonly string[], columns: ColumnPlan): void {
    this.#headings = headings;
    const target = this.#linksTarget;
    if (target) {
      const { format } = this.#plan;
      this.#links =
        format === "csv"
          ? csvWriter(target, columns.passThrough)
          : format === "jsonl"
            ? jsonlWriter(target)
            : htmlWriter(target, columns.passThrough);
    }
    if (this.#rejectedFile && this.#plan.rejected)
      this.#rejected = rejectedWriter(
        this.#rejectedFile.stream,
        this.#plan.rejected.format,
        () => this.#headings,
      );
    const { mail } = this.#plan;
    if (mail && this.#mailDir) {
      this.#mails = mailWriter(this.#mailDir.temp, mail.template, mail.extension, (row) => ({
        ...(row.params as Record<string, string>),
        link: row.link ?? "",
        username: row.params.username ?? "",
        line: String(row.line),
      }));
    }
  }

  /** A linked row: its link and its mail. Returns a promise only when a target asks to wait. */
  linked(row: BatchRowResult): Promise<void> | undefined {
    const pending = this.#links?.write(row);
    if (!this.#mails) return pending;
    this.#mailCount += 1;
    return Promise.all([pending, this.#mails.write(row)]).then(() => undefined);
  }

  /** A rejected row, to the rejected file; false when there is none (the caller reports it). */
  rejected(row: BatchRowResult): Promise<void> | undefined | false {
    return this.#rejected ? this.#rejected.write(row) : false;
  }

  /** The run finished: flush, and put every file in its place. */
  async commit(): Promise<void> {
    await this.#links?.end();
    await this.#rejected?.end();
    await this.#outputFile?.commit();
    await this.#rejectedFile?.commit();
    this.#mailDir?.commit();
    if (!this.#outputFile) this.#linksTarget?.end();
  }

  /** The run stopped: nothing is kept. */
  async discard(): Promise<void> {
    await this.#outputFile?.discard();
    await this.#rejectedFile?.discard();
    this.#mailDir?.discard();
  }
}
