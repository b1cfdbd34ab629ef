import { createReadStream, statSync } from "node:fs";
import { type Readable, Transform, type TransformCallback } from "node:stream";
import { type Options, parse } from "csv-parse";
import { UsageError } from "../errors.js";

export type InputFormat = "csv" | "jsonl";

/** One unit read from the input: the CSV header, a CSV row, or a JSON Lines record. */
export type InputItem =
  | { readonly kind: "header"; readonly fields: string[] }
  | { readonly kind: "row"; readonly fields: string[]; readonly line: number }
  | {
      readonly kind: "record";
      readonly value: unknown;
      readonly line: number;
      readonly invalid?: { readonly message: string; readonly text: string };
    };

export interface OpenedInput {
  /** Items in order, a batch at a time. */
  readonly items: AsyncIterable<InputItem[]>;
  /** Bytes read so far from the source. */
  readonly bytesRead: () => number;
  /** The size of the input file, when it is a file. */
  readonly totalBytes?: number;
}

/** The input's format from its name: `.jsonl`/`.ndjson` are JSON Lines, anything else CSV. */
export function inputFormatOf(path: string): InputFormat {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}

/**
 * Decodes bytes as UTF-8, refusing anything else with a message that says where and what to do,
 * instead of quietly turning bad bytes into U+FFFD. A UTF-8 byte-order mark is dropped.
 */
export class Utf8Decode extends Transform {
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });
  #offset = 0;

  constructor() {
    super({ decodeStrings: true, readableObjectMode: false, encoding: "utf8" });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#offset === 0 && chunk.length >= 2) {
      const utf16 =
        (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
      if (utf16) {
        done(notUtf8("the input is UTF-16 (it starts with a UTF-16 byte-order mark)"));
        return;
      }
    }
    try {
      const text = this.#decoder.decode(chunk, { stream: true });
      this.#offset += chunk.length;
      done(null, text);
    } catch {
      done(
        notUtf8(
          `the input is not UTF-8 (an invalid byte within bytes ${this.#offset}–${this.#offset + chunk.length})`,
        ),
      );
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      const rest = this.#decoder.decode();
      done(null, rest === "" ? undefined : rest);
    } catch {
      done(notUtf8("the input is not UTF-8 (it ends in the middle of a character)"));
    }
  }
}

function notUtf8(message: string): UsageError {
  return new UsageError(
    message,
    'save the file as UTF-8 (in Excel: "CSV UTF-8"; elsewhere e.g. iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv)',
  );
}

/**
 * Opens a CSV or JSON Lines source (a path, or `-` for standard input) as a stream of items, in
 * constant memory. CSV: RFC 4180 via csv-parse, with CRLF, LF or CR line ends, quoted fields holding
 * commas and line breaks, blank lines skipped, ragged rows kept (the batch reports them), stray
 * quotes inside unquoted fields kept as text. A row's line is the line it starts on.
 */
export function openInput(
  source: string,
  format: InputFormat,
  stdin: () => NodeJS.ReadableStream,
): OpenedInput {
  let bytes = 0;
  let totalBytes: number | undefined;
  let raw: NodeJS.ReadableStream;
  if (source === "-") {
    raw = stdin();
  } else {
    try {
      const stat = statSync(source);
      if (stat.isDirectory())
        throw new UsageError(`${source} is a directory`, "pass a CSV or JSON Lines file");
      totalBytes = stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        `cannot read ${source}: no such file`,
        "check the path, or pass - to read standard input",
      );
    }
    raw = createReadStream(source, { highWaterMark: 1 << 16 });
  }
  const counted = (raw as Readable).on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const text = counted.pipe(new Utf8Decode());
  counted.on("error", (error) => text.destroy(error));
  const items = format === "csv" ? csvItems(text) : jsonlItems(text);
  return { items, bytesRead: () => bytes, ...(totalBytes === undefined ? {} : { totalBytes }) };
}

/** Line breaks inside a record's quoted fields: CRLF, LF and a lone CR each count once. */
function countLineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let at = field.search(/[\r\n]/); at !== -1 && at < field.length; ) {
      const c = field.charCodeAt(at);
      if (c === 13 || c === 10) {
        count += 1;
        at += c === 13 && field.charCodeAt(at + 1) === 10 ? 2 : 1;
      } else {
        at += 1;
      }
    }
  }
  return count;
}

/**
 * Everything a stream has ready, as one array per wake-up: one promise per few hundred records
 * instead of one per record.
 */
async function* drain<T>(stream: Readable): AsyncGenerator<T[]> {
  while (true) {
    const ready: T[] = [];
    for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) {
      ready.push(item);
    }
    if (ready.length > 0) {
      yield ready;
      continue;
    }
    if (stream.readableEnded || stream.destroyed) {
      if (stream.errored) throw stream.errored;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        stream.off("readable", done);
        stream.off("end", done);
        stream.off("error", fail);
        resolve();
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      stream.on("readable", done);
      stream.on("end", done);
      stream.on("error", fail);
    });
  }
}

async function* csvItems(text: Transform): AsyncGenerator<InputItem[]> {
  // Blank lines are kept as records (and skipped below) so that line numbers can be counted
  // without csv-parse's per-record info object.
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: ["\r\n", "\n", "\r"],
    // Let a thousand records queue up between wake-ups (the default is 16).
    readableHighWaterMark: 1024,
  } as Options);
  text.on("error", (error) => parser.destroy(error));
  text.pipe(parser);
  let header = true;
  let line = 0;
  try {
    for await (const records of drain<string[]>(parser)) {
      const items: InputItem[] = [];
      for (const record of records) {
        const start = line + 1;
        line = start + (record.length === 1 && record[0] === "" ? 0 : countLineBreaks(record));
        // A line of spaces or separators only is blank, not a row.
        let blank = true;
        for (const field of record) {
          if (field.trim() !== "") {
            blank = false;
            break;
          }
        }
        if (blank) continue;
        if (header) {
          header = false;
          items.push({ kind: "header", fields: record });
        } else {
          items.push({ kind: "row", fields: record, line: start });
        }
      }
      if (items.length > 0) yield items;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const csv = error as { code?: string; lines?: number; message?: string };
    if (csv.code === "CSV_QUOTE_NOT_CLOSED") {
      throw new UsageError(
        `the input is not valid CSV: a quoted field is still open at the end (line ${csv.lines})`,
        "look for a value with an opening double quote and no closing one",
      );
    }
    if (typeof csv.code === "string" && csv.code.startsWith("CSV_")) {
      throw new UsageError(
        `the input is not valid CSV: ${csv.message}`,
        "fix the line named above and run again",
      );
    }
    throw error;
  }
}

async function* jsonlItems(text: Transform): AsyncGenerator<InputItem[]> {
  let line = 0;
  let rest = "";
  for await (const chunk of text as AsyncIterable<string>) {
    const items: InputItem[] = [];
    rest += chunk;
    let at = rest.indexOf("\n");
    let start = 0;
    while (at !== -1) {
      line += 1;
      const item = jsonItem(rest.slice(start, at), line);
      if (item) items.push(item);
      start = at + 1;
      at = rest.indexOf("\n", start);
    }
    rest = rest.slice(start);
    if (items.length > 0) yield items;
  }
  if (rest !== "") {
    const item = jsonItem(rest, line + 1);
    if (item) yield [item];
  }
}

function jsonItem(text: string, line: number): InputItem | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    return { kind: "record", value: JSON.parse(trimmed) as unknown, line };
  } catch (error) {
    return {
      kind: "record",
      value: undefined,
      line,
      invalid: { message: (error as Error).message, text },
    };
  }
}
