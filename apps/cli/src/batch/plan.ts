// Options → a checked plan: every usage error is found here, before a byte is read or written.
import { createPrivateKey } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import {
  compileTemplate,
  DEFAULT_WELCOME_MAIL,
  isHtmlTemplateName,
  type LinkParamValues,
  type MailTemplate,
} from "@winenroll/core/batch";
import {
  createTokenSigner,
  importSigningKey,
  TokenKeyError,
  type TokenSigner,
} from "@winenroll/core/tokens";
import { readDurationOption } from "../duration.js";
import { UsageError } from "../errors.js";
import { ensureWritable } from "./atomic.js";
import { type InputFormat, inputFormatOf } from "./input.js";
import type { BatchOptions } from "./options.js";
import { type OutputFormat, outputFormatOf } from "./writers.js";

/** Link parameters that can be given once for every row. */
const DEFAULT_PARAMS = ["mode", "servername", "tenantidentifier", "ownership"] as const;

export interface MailPlan {
  readonly template: MailTemplate;
  /** The mail files' extension: the template's own, or .html for the default mail. */
  readonly extension: string;
}

/** What a run will do, every option checked and every file it needs read. */
export interface BatchPlan {
  /** A path, or `-` for standard input. */
  readonly input: string;
  readonly inputFormat: InputFormat;
  /** The links' format, wherever they go. */
  readonly format: OutputFormat;
  readonly output?: string;
  readonly rejected?: { readonly path: string; readonly format: "csv" | "jsonl" };
  readonly outDir?: string;
  readonly mail?: MailPlan;
  readonly defaults: LinkParamValues;
  readonly signer?: TokenSigner;
  readonly failFast: boolean;
  readonly json: boolean;
}

/** Checks the options and reads the key and template they name; throws a UsageError on the first problem. */
export async function planBatch(input: string, options: BatchOptions): Promise<BatchPlan> {
  checkCombinations(options);
  const ttlSeconds =
    readDurationOption("--token-ttl", options.tokenTtl, { wholeSeconds: true }) / 1000;
  const inputFormat: InputFormat =
    options.inputFormat ?? (input === "-" ? "csv" : inputFormatOf(input));
  checkPaths(input, options);
  const signer =
    options.signTokens && options.tokenKey
      ? await loadSigner(options.tokenKey, ttlSeconds)
      : undefined;
  return {
    input,
    inputFormat,
    format:
      options.format ?? (options.output ? outputFormatOf(options.output) : undefined) ?? "csv",
    ...(options.output ? { output: options.output } : {}),
    ...(options.rejected
      ? {
          rejected: {
            path: options.rejected,
            format: rejectedFormat(options.rejected, inputFormat),
          },
        }
      : {}),
    ...(options.outDir ? { outDir: options.outDir, mail: loadTemplate(options.template) } : {}),
    defaults: defaultsOf(options),
    ...(signer ? { signer } : {}),
    failFast: options.failFast === true,
    json: options.json === true,
  };
}

function checkCombinations(options: BatchOptions): void {
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
}

/** The input and each output are different paths, and each output may be written. */
function checkPaths(input: string, options: BatchOptions): void {
  const paths = [options.output, options.rejected, options.outDir].filter(
    (p): p is string => p !== undefined,
  );
  if (new Set(paths).size < paths.length || (input !== "-" && paths.includes(input))) {
    throw new UsageError(
      "the input and each output must be different paths",
      "give each its own name",
    );
  }
  const force = options.force === true;
  if (options.output) ensureWritable(options.output, force, "output");
  if (options.rejected) ensureWritable(options.rejected, force, "rejected file");
  if (options.outDir) ensureWritable(options.outDir, force, "mail folder", "folder");
}

/**
 * Rejected rows keep the input's shape unless the file's name asks otherwise: JSON Lines records
 * can have different keys, which only JSON Lines can hold.
 */
function rejectedFormat(path: string, inputFormat: InputFormat): "csv" | "jsonl" {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  return inputFormat;
}

function defaultsOf(options: BatchOptions): LinkParamValues {
  const defaults: Record<string, string> = {};
  for (const name of DEFAULT_PARAMS) {
    const value = options[name];
    if (value !== undefined) defaults[name] = value;
  }
  return defaults;
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

function loadTemplate(file: string | undefined): MailPlan {
  if (file === undefined)
    return { template: compileTemplate(DEFAULT_WELCOME_MAIL, { html: true }), extension: ".html" };
  if (!existsSync(file))
    throw new UsageError(`cannot read the template ${file}: no such file`, "check the path");
  return {
    template: compileTemplate(readFileSync(file, "utf8"), { html: isHtmlTemplateName(file) }),
    extension: extname(file) || ".txt",
  };
}
