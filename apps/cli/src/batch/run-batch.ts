// `winenroll link batch` at work. Imported from the command's action only, so the CSV parser, the
// writers and the token signer cost nothing to the other commands.
import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import type { Writable } from "node:stream";
import type { Diagnostic } from "@winenroll/core";
import {
  type BatchRowResult,
  type BatchSummary,
  compileTemplate,
  DEFAULT_WELCOME_MAIL,
  EnrollmentBatch,
  isHtmlTemplateName,
  type LinkParamValues,
  type MailTemplate,
  TEMPLATE_VARIABLES,
} from "@winenroll/core/batch";
import {
  createTokenSigner,
  formatDuration,
  importSigningKey,
  TokenKeyError,
  type TokenSigner,
} from "@winenroll/core/tokens";
import type { BatchOptions } from "../commands/link-batch.js";
import type { CommandContext } from "../context.js";
import { readDurationOption } from "../duration.js";
import { CliError, EXIT, UsageError } from "../errors.js";
import { formatDiagnostic } from "../output/diagnostics.js";
import { toJson } from "../output/json.js";
import { AtomicDirectory, AtomicFile, cleanUpOnSignals, ensureWritable } from "./atomic.js";
import { type InputFormat, type InputItem, inputFormatOf, openInput } from "./input.js";
import { createProgress } from "./progress.js";
import {
  csvWriter,
  htmlWriter,
  jsonlWriter,
  mailWriter,
  type OutputFormat,
  outputFormatOf,
  type RowWriter,
  rejectedWriter,
  stdoutWritable,
} from "./writers.js";

/** Link parameters that can be given once for every row. */
const DEFAULT_PARAMS = ["mode", "servername", "tenantidentifier", "ownership"] as const;
const EXAMPLE_LINES_KEPT = 5;
/** Signatures in flight at once: enough to keep the crypto threads busy, few enough to stay small. */
const SIGNING_CONCURRENCY = 256;

export interface BatchRunSummary extends BatchSummary {
  readonly input: string;
  /** False when the run stopped early (`--fail-fast`): nothing was kept. */
  readonly complete: boolean;
  /** Rows written to the output (0 when nothing was kept). */
  readonly written: number;
  readonly output?: string;
  readonly format?: OutputFormat;
  readonly rejectedFile?: string;
  readonly outDir?: string;
  readonly mails?: number;
  /** A few line numbers for each diagnostic code, to start looking. */
  readonly examples: Readonly<Record<string, readonly number[]>>;
  readonly seconds: number;
}

function plan(input: string, options: BatchOptions) {
  if (options.json && !options.output && !options.outDir) {
    throw new UsageError(
      "--json prints the summary on standard output, so the links need a file",
      "add --output links.csv (or --out-dir for mails)",
    );
  }
  if (options.template && !options.outDir) {
    throw new UsageError(
      "--template needs --out-dir",
      "add --out-dir DIR: one mail per user is written there",
    );
  }
  if (options.signTokens && !options.tokenKey) {
    throw new UsageError(
      "--sign-tokens needs --token-key FILE",
      "pass a PEM private key or a file holding a shared secret",
    );
  }
  if (options.tokenKey && !options.signTokens) {
    throw new UsageError("--token-key is only used with --sign-tokens", "add --sign-tokens");
  }
  const ttlSeconds =
    readDurationOption("--token-ttl", options.tokenTtl, { wholeSeconds: true }) / 1000;
  const format: OutputFormat =
    options.format ?? (options.output ? outputFormatOf(options.output) : undefined) ?? "csv";
  const inputFormat: InputFormat =
    options.inputFormat ?? (input === "-" ? "csv" : inputFormatOf(input));
  // Rejected rows keep the input's shape unless the file's name asks otherwise: JSON Lines
  // records can have different keys, which only JSON Lines can hold.
  const rejectedFormat: "csv" | "jsonl" = options.rejected
    ? /\.csv$/i.test(options.rejected)
      ? "csv"
      : /\.(jsonl|ndjson)$/i.test(options.rejected)
        ? "jsonl"
        : inputFormat
    : "csv";
  const paths = [options.output, options.rejected, options.outDir].filter(
    (p): p is string => p !== undefined,
  );
  if (new Set(paths).size < paths.length || (input !== "-" && paths.includes(input))) {
    throw new UsageError(
      "the input and each output must be different paths",
      "give each its own name",
    );
  }
  if (options.output) ensureWritable(options.output, options.force === true, "output");
  if (options.rejected) ensureWritable(options.rejected, options.force === true, "rejected file");
  if (options.outDir)
    ensureWritable(options.outDir, options.force === true, "mail folder", "folder");
  return { ttlSeconds, format, inputFormat, rejectedFormat };
}

async function loadSigner(file: string, ttlSeconds: number): Promise<TokenSigner> {
  if (!existsSync(file))
    throw new UsageError(`cannot read the token key ${file}: no such file`, "check the path");
  let material = readFileSync(file, "utf8");
  if (/-----BEGIN (EC|RSA) PRIVATE KEY-----/.test(material)) {
    // Older PEM forms: Node reads them, so hand core the PKCS#8 form it expects.
    try {
      material = createPrivateKey(material).export({ type: "pkcs8", format: "pem" }).toString();
    } catch {
      throw new UsageError(
        `the token key ${file} could not be read as a private key`,
        "check that the file is complete",
      );
    }
  }
  try {
    return createTokenSigner({ key: await importSigningKey(material), ttlSeconds });
  } catch (error) {
    if (error instanceof TokenKeyError)
      throw new UsageError(`token key ${file}: ${error.message}`, error.hint);
    throw error;
  }
}

function loadTemplate(file: string | undefined): { template: MailTemplate; extension: string } {
  if (file === undefined)
    return { template: compileTemplate(DEFAULT_WELCOME_MAIL, { html: true }), extension: ".html" };
  if (!existsSync(file))
    throw new UsageError(`cannot read the template ${file}: no such file`, "check the path");
  return {
    template: compileTemplate(readFileSync(file, "utf8"), { html: isHtmlTemplateName(file) }),
    extension: extname(file) || ".txt",
  };
}

export async function runBatch(
  input: string,
  options: BatchOptions,
  context: CommandContext,
): Promise<void> {
  const started = performance.now();
  const { ttlSeconds, format, inputFormat, rejectedFormat } = plan(input, options);
  const signer = options.signTokens ? await loadSigner(options.tokenKey!, ttlSeconds) : undefined;
  const mail = options.outDir ? loadTemplate(options.template) : undefined;
  const defaults: LinkParamValues = {};
  for (const name of DEFAULT_PARAMS) {
    const value = options[name];
    if (value !== undefined) (defaults as Record<string, string>)[name] = value;
  }
  if (input === "-" && process.stdin.isTTY) {
    throw new UsageError("standard input is a terminal", "pipe a CSV file in, or pass its path");
  }
  const source = openInput(input, inputFormat, () => process.stdin);
  const batch = new EnrollmentBatch({ defaults, ...(signer ? { signer } : {}) });

  const uninstall = cleanUpOnSignals();
  const outputFile = options.output ? new AtomicFile(options.output) : undefined;
  const rejectedFile = options.rejected ? new AtomicFile(options.rejected) : undefined;
  const mailDir = options.outDir ? new AtomicDirectory(options.outDir) : undefined;
  const stdout = options.output || options.outDir ? undefined : stdoutWritable(context.io);
  const linksTarget: Writable | undefined = outputFile?.stream ?? stdout;
  const discardAll = async () => {
    await outputFile?.discard();
    await rejectedFile?.discard();
    mailDir?.discard();
  };

  let headings: readonly string[] = [];
  let links: RowWriter | undefined;
  let rejected: RowWriter | undefined;
  let mails: RowWriter | undefined;
  let mailCount = 0;
  let stoppedAt: number | undefined;
  const examples = new Map<string, number[]>();
  const progress = createProgress(context.io.stderr, source.bytesRead, source.totalBytes);
  const errStyle = context.errStyle;

  const begin = (fields: readonly string[]) => {
    const columns = batch.header(fields);
    headings = fields;
    for (const d of columns.diagnostics) context.err(formatDiagnostic(d, errStyle));
    if (
      defaults.mode === undefined &&
      !columns.columns.some((c) => c.param === "mode") &&
      inputFormat === "csv"
    ) {
      throw new UsageError(
        "no mode: the input has no mode column and --mode was not given",
        "add --mode mdm (or awa, aadj)",
      );
    }
    if (mail) {
      const missing = mail.template.missing([...fields, ...TEMPLATE_VARIABLES]);
      if (missing.length > 0) {
        throw new UsageError(
          `the template uses ${missing.map((m) => `{{${m}}}`).join(", ")}, which the input has no column for`,
          `columns: ${fields.join(", ")}; also link, username, line and the link parameters`,
        );
      }
    }
    if (linksTarget) {
      const passThrough = columns.passThrough;
      links =
        format === "csv"
          ? csvWriter(linksTarget, passThrough)
          : format === "jsonl"
            ? jsonlWriter(linksTarget)
            : htmlWriter(linksTarget, passThrough);
    }
    if (rejectedFile)
      rejected = rejectedWriter(rejectedFile.stream, rejectedFormat, () => headings);
    if (mail && mailDir) {
      mails = mailWriter(mailDir.temp, mail.template, mail.extension, (row) => ({
        ...(row.params as Record<string, string>),
        link: row.link ?? "",
        username: row.params.username ?? "",
        line: String(row.line),
      }));
    }
  };

  const note = (row: BatchRowResult) => {
    for (const d of row.diagnostics) {
      if (d.severity === "info") continue;
      const lines = examples.get(d.code) ?? [];
      if (lines.length < EXAMPLE_LINES_KEPT && lines.at(-1) !== row.line) lines.push(row.line);
      examples.set(d.code, lines);
    }
  };

  try {
    let rows = 0;
    let begun = false;
    const sync = signer === undefined;
    // What becomes of one row: counted, then written or rejected. Returns a promise only when a
    // write has to wait, so a million rows cost no million promises.
    const handle = (row: BatchRowResult): Promise<void> | undefined => {
      rows += 1;
      progress.tick(rows);
      if (row.diagnostics.length > 0) note(row);
      if (row.ok) {
        const pending = links?.write(row);
        if (!mails) return pending;
        mailCount += 1;
        return Promise.all([pending, mails.write(row)]).then(() => undefined);
      }
      if (options.failFast) stoppedAt = row.line;
      if (rejected) return rejected.write(row);
      reportRejected(row, context);
      return undefined;
    };
    const start = (item: InputItem): BatchRowResult | Promise<BatchRowResult> | undefined => {
      if (item.kind === "header") {
        begin(item.fields);
        begun = true;
        return undefined;
      }
      if (item.kind === "record") {
        if (!begun) {
          const value = item.value;
          begin(
            value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [],
          );
          begun = true;
        }
        return sync
          ? batch.recordSync(item.value, item.line, item.invalid)
          : batch.record(item.value, item.line, item.invalid);
      }
      return sync ? batch.rowSync(item.fields, item.line) : batch.row(item.fields, item.line);
    };
    outer: for await (const items of source.items) {
      if (sync) {
        for (const item of items) {
          const row = start(item) as BatchRowResult | undefined;
          if (row === undefined) continue;
          const pending = handle(row);
          if (pending) await pending;
          if (stoppedAt !== undefined) break outer;
          if (stdout?.readerGone()) throw outputClosed(rows);
        }
        continue;
      }
      // Signing: up to SIGNING_CONCURRENCY signatures run side by side; rows are still
      // handled in input order.
      for (let from = 0; from < items.length; from += SIGNING_CONCURRENCY) {
        const started = items
          .slice(from, from + SIGNING_CONCURRENCY)
          .map(start)
          .filter((r) => r !== undefined);
        for (const row of await Promise.all(started)) {
          const pending = handle(row);
          if (pending) await pending;
          if (stoppedAt !== undefined) break outer;
        }
        if (stdout?.readerGone()) throw outputClosed(rows);
      }
    }
    progress.done();
    if (headings.length === 0 && inputFormat === "csv")
      throw new UsageError("the input is empty", "the first line must name the columns");
    if (stoppedAt !== undefined) {
      await discardAll();
    } else {
      await links?.end();
      await rejected?.end();
      await outputFile?.commit();
      await rejectedFile?.commit();
      mailDir?.commit();
      if (!outputFile && linksTarget) linksTarget.end();
    }
  } catch (error) {
    progress.done();
    await discardAll();
    throw error;
  } finally {
    uninstall();
  }

  const core = batch.summary();
  const complete = stoppedAt === undefined;
  const summary: BatchRunSummary = {
    ...core,
    input,
    complete,
    written: complete && linksTarget ? core.linked : 0,
    ...(options.output ? { output: options.output, format } : {}),
    ...(options.rejected ? { rejectedFile: options.rejected } : {}),
    ...(options.outDir ? { outDir: options.outDir, mails: complete ? mailCount : 0 } : {}),
    examples: Object.fromEntries(examples),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  if (options.json) context.out(toJson(summary));
  else context.err(formatSummary(summary, stoppedAt, context));
  if (!core.ok) context.setExitCode(EXIT.negative);
}

function reportRejected(row: BatchRowResult, context: CommandContext): void {
  const errors = row.diagnostics.filter((d: Diagnostic) => d.severity === "error");
  context.err(`line ${row.line}: rejected`);
  for (const d of errors)
    context.err(`  ${formatDiagnostic(d, context.errStyle).replace(/\n/g, "\n  ")}`);
}

function counts(
  record: Readonly<Record<string, number>>,
  examples: BatchRunSummary["examples"],
): string[] {
  return Object.entries(record)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => {
      const lines = examples[code] ?? [];
      const where =
        lines.length > 0
          ? ` (line${lines.length > 1 ? "s" : ""} ${lines.join(", ")}${n > lines.length ? ", …" : ""})`
          : "";
      return `  ${code} ×${n.toLocaleString("en-US")}${where}`;
    });
}

function outputClosed(rows: number): CliError {
  return new CliError(
    `standard output was closed after ${plural(rows, "row")}; stopped`,
    "to keep every link, write them to a file with --output",
  );
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}

function formatSummary(
  summary: BatchRunSummary,
  stoppedAt: number | undefined,
  context: CommandContext,
): string {
  const style = context.errStyle;
  const n = (value: number) => value.toLocaleString("en-US");
  const lines: string[] = [];
  const where = summary.output
    ? ` to ${summary.output}`
    : summary.outDir
      ? ""
      : " to standard output";
  if (stoppedAt !== undefined) {
    lines.push(
      style.red(
        `Stopped at line ${stoppedAt} (--fail-fast): ${plural(summary.rowsRead, "row")} read, nothing written.`,
      ),
    );
  } else {
    const head = `${plural(summary.rowsRead, "row")} read: ${n(summary.linked)} linked${summary.linked > 0 && !summary.outDir ? `, written${where}` : ""}, ${n(summary.rejected)} rejected`;
    lines.push(
      summary.ok
        ? style.green(`✔ ${head}.`)
        : style.red(
            `✖ ${head}${summary.rejectedFile ? ` (in ${summary.rejectedFile})` : " (listed above)"}.`,
          ),
    );
    if (summary.outDir)
      lines.push(`${plural(summary.mails ?? 0, "mail")} written to ${summary.outDir}.`);
  }
  if (summary.duplicates > 0)
    lines.push(
      `${n(summary.duplicates)} ${summary.duplicates === 1 ? "row repeats" : "rows repeat"} a username from an earlier row.`,
    );
  if (summary.token) {
    lines.push(
      `Tokens signed with ${summary.token.alg}, valid ${formatDuration(summary.token.ttlSeconds)} (until ${summary.token.expiresAt}).`,
    );
  }
  const errors = counts(summary.errors, summary.examples);
  if (errors.length > 0) lines.push(style.bold("Errors"), ...errors);
  const warnings = counts(summary.warnings, summary.examples);
  if (warnings.length > 0) lines.push(style.bold("Warnings"), ...warnings);
  lines.push(style.dim(`${summary.seconds}s`));
  return lines.join("\n");
}
