import type { InputFormat } from "./input.js";
import type { OutputFormat } from "./writers.js";

/** `winenroll link batch`'s options as commander hands them over (commands/link-batch.ts). */
export interface BatchOptions {
  readonly output?: string;
  readonly format?: OutputFormat;
  readonly inputFormat?: InputFormat;
  readonly mode?: string;
  readonly servername?: string;
  readonly tenantidentifier?: string;
  readonly ownership?: string;
  readonly signTokens?: boolean;
  readonly tokenKey?: string;
  readonly tokenTtl: string;
  readonly template?: string;
  readonly outDir?: string;
  readonly rejected?: string;
  readonly failFast?: boolean;
  readonly force?: boolean;
  readonly json?: boolean;
}
