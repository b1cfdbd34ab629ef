import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Writable } from "node:stream";
import { escapeHtml } from "@winenroll/core";
import type { BatchRowResult, MailTemplate } from "@winenroll/core/batch";
import { type Options, stringify } from "csv-stringify";
import type { CliIO } from "../io.js";

export type OutputFormat = "csv" | "jsonl" | "html";

/** Where the rows go: a stream with backpressure. */
export interface RowWriter {
  /** Returns a promise only when the target asks to wait (backpressure). */
  write(row: BatchRowResult): Promise<void> | undefined;
  /** Flushes what is buffered; the target is ended by its owner. */
  end(): Promise<void>;
}

/** The output format from a file name, or undefined when the name says nothing. */
export function outputFormatOf(path: string): OutputFormat | undefined {
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.html?$/i.test(path)) return "html";
  if (/\.csv$/i.test(path)) return "csv";
  return undefined;
}

/** Standard output as a Writable that waits when the real stdout asks it to. */
export function stdoutWritable(io: CliIO): Writable & { readonly readerGone: () => boolean } {
  const target = io.stdout as CliIO["stdout"] & {
    once?: (event: string, fn: (error?: NodeJS.ErrnoException) => void) => unknown;
    on?: (event: string, fn: (error: NodeJS.ErrnoException) => void) => unknown;
  };
  // When the reader goes away (`| head`), stdout fails with EPIPE: note it, stop writing, and let
  // the command stop reading instead of crashing or buffering the rest.
  let gone = false;
  target.on?.("error", (error) => {
    if (error.code === "EPIPE") gone = true;
    else throw error;
  });
  const writable = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (gone) return done();
      const ok = target.write(chunk.toString("utf8"));
      if (ok === false && typeof target.once === "function") target.once("drain", () => done());
      else done();
    },
  });
  return Object.assign(writable, { readerGone: () => gone });
}

function put(target: Writable, text: string): Promise<void> | undefined {
  return target.write(text) ? undefined : once(target, "drain").then(() => undefined);
}

function drained(stream: NodeJS.EventEmitter): Promise<void> {
  return once(stream, "drain").then(() => undefined);
}

/** The columns written for each good row: the input's other columns, then username and link. */
export function outputColumns(passThrough: readonly string[]): string[] {
  return [...passThrough, "username", "link"];
}

function outputValues(row: BatchRowResult, passThrough: readonly string[]): string[] {
  const values = passThrough.map((heading) => row.values[heading] ?? "");
  values.push(row.params.username ?? "", row.link ?? "");
  return values;
}

/** CSV through csv-stringify: RFC 4180 quoting, CRLF-free `\n` line ends, a header line. */
export function csvWriter(target: Writable, passThrough: readonly string[]): RowWriter {
  const csv = stringify({
    header: true,
    columns: outputColumns(passThrough),
    highWaterMark: 1 << 18,
  } as Options);
  csv.pipe(target, { end: false });
  return {
    write(row) {
      return csv.write(outputValues(row, passThrough)) ? undefined : drained(csv);
    },
    async end() {
      const done = once(csv, "end");
      csv.end();
      await done;
    },
  };
}

/** JSON Lines, one object a row, each with its own record's other keys (records may differ). */
export function jsonlWriter(target: Writable): RowWriter {
  return {
    write(row) {
      const record: Record<string, string | number> = { line: row.line };
      for (const heading of row.passThrough) record[heading] = row.values[heading] ?? "";
      record.username = row.params.username ?? "";
      record.link = row.link ?? "";
      return put(target, `${JSON.stringify(record)}\n`);
    },
    async end() {},
  };
}

/** One HTML page listing every user with their link as a button and as text. */
export function htmlWriter(target: Writable, passThrough: readonly string[]): RowWriter {
  let started = false;
  const head = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><title>Enrollment links</title>',
    "<style>body{font-family:system-ui,sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}code{word-break:break-all}</style>",
    "</head><body><h1>Enrollment links</h1><table><thead><tr>",
    ...["username", ...passThrough, "link", "link text"].map((h) => `<th>${escapeHtml(h)}</th>`),
    "</tr></thead><tbody>\n",
  ].join("");
  return {
    write(row) {
      const opening = started ? undefined : put(target, head);
      started = true;
      const link = escapeHtml(row.link ?? "");
      const cells = [row.params.username ?? "", ...passThrough.map((h) => row.values[h] ?? "")].map(
        (v) => `<td>${escapeHtml(v)}</td>`,
      );
      cells.push(`<td><a href="${link}">Connect this PC</a></td>`, `<td><code>${link}</code></td>`);
      const rowDone = put(target, `<tr>${cells.join("")}</tr>\n`);
      return opening || rowDone ? Promise.all([opening, rowDone]).then(() => undefined) : undefined;
    },
    async end() {
      if (!started) await put(target, head);
      await put(target, "</tbody></table></body></html>\n");
    },
  };
}

/** Rejected rows, with their line and diagnostics, as CSV (the input's columns kept) or JSON Lines. */
export function rejectedWriter(
  target: Writable,
  format: "csv" | "jsonl",
  headings: () => readonly string[],
): RowWriter {
  if (format === "jsonl") {
    return {
      write(row) {
        const record = {
          line: row.line,
          diagnostics: row.diagnostics.filter((d) => d.severity === "error"),
          values: row.values,
          ...(row.extraFields.length > 0 ? { extraFields: row.extraFields } : {}),
        };
        return put(target, `${JSON.stringify(record)}\n`);
      },
      async end() {},
    };
  }
  let csv: ReturnType<typeof stringify> | undefined;
  return {
    write(row) {
      csv ??= startRejectedCsv(target, headings());
      const errors = row.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code}: ${d.message}`)
        .join(" | ");
      const known = headings();
      const fields = [
        String(row.line),
        errors,
        ...known.map((h) => row.values[h] ?? ""),
        ...row.extraFields,
      ];
      // A JSON Lines record with keys the first record did not have: kept as key=value cells.
      for (const [key, value] of Object.entries(row.values)) {
        if (!known.includes(key)) fields.push(`${key}=${value}`);
      }
      return csv.write(fields) ? undefined : drained(csv);
    },
    async end() {
      csv ??= startRejectedCsv(target, headings());
      const done = once(csv, "end");
      csv.end();
      await done;
    },
  };
}

// No `columns` option: a ragged row's extra fields must survive, after the input's own columns.
function startRejectedCsv(
  target: Writable,
  headings: readonly string[],
): ReturnType<typeof stringify> {
  const csv = stringify();
  csv.pipe(target, { end: false });
  csv.write(["line", "errors", ...headings]);
  return csv;
}

/** File name for a row's mail: the username made safe for any file system, or the line. */
export function mailFileName(row: BatchRowResult, extension: string, repeated: boolean): string {
  const user = row.params.username
    ?.toLowerCase()
    .replace(/[^a-z0-9@._-]/g, "_")
    .slice(0, 120);
  const base = user ? (repeated ? `${user}-line-${row.line}` : user) : `line-${row.line}`;
  return `${base}${extension}`;
}

/** Writes one file per row in a folder, from a template. */
export function mailWriter(
  folder: string,
  template: MailTemplate,
  extension: string,
  extra: (row: BatchRowResult) => Record<string, string>,
): RowWriter {
  return {
    async write(row): Promise<void> {
      const repeated = row.diagnostics.some((d) => d.code === "batch-duplicate-user");
      const text = template.render({ ...row.values, ...extra(row) });
      const name = mailFileName(row, extension, repeated);
      try {
        await writeFile(join(folder, name), text, { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        await writeFile(
          join(folder, mailFileName({ ...row, params: {} }, extension, false)),
          text,
          {
            flag: "wx",
          },
        );
      }
    },
    async end() {},
  };
}
