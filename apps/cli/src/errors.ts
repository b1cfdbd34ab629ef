/** Exit codes fixed by the design: 0 success, 1 a negative answer, 2 a usage error. */
export const EXIT = { ok: 0, negative: 1, usage: 2 } as const;

/** The command was called wrongly; exits 2 with a one-line message and a hint. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

/** The command could not do its work (unreadable file, network failure); exits 1. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly exitCode: number = EXIT.negative,
  ) {
    super(message);
    this.name = "CliError";
  }
}
