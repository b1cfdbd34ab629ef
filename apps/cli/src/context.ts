import type { Command } from "commander";
import type { CliIO } from "./io.js";
import { colorWanted, createStyle, type Style } from "./output/style.js";

/** What every command gets: where to read and write, styling, and a way to set the exit code. */
export class CommandContext {
  #exitCode = 0;

  constructor(
    readonly io: CliIO,
    private readonly program: Command,
  ) {}

  /** Styling for stdout, honouring `--no-color`, `NO_COLOR` and `FORCE_COLOR`. */
  get style(): Style {
    return createStyle(colorWanted(this.io, this.program.opts<{ color?: boolean }>().color));
  }

  /** Styling for stderr: the same rules, judged on stderr being a terminal. */
  get errStyle(): Style {
    const io = { ...this.io, stdout: this.io.stderr };
    return createStyle(colorWanted(io, this.program.opts<{ color?: boolean }>().color));
  }

  get debug(): boolean {
    return this.program.opts<{ debug?: boolean }>().debug === true;
  }

  get exitCode(): number {
    return this.#exitCode;
  }

  /** Records an exit code; the highest one wins, so a usage error is never hidden by a later 1. */
  setExitCode(code: number): void {
    this.#exitCode = Math.max(this.#exitCode, code);
  }

  out(text: string): void {
    this.io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  err(text: string): void {
    this.io.stderr.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** An argument's text, or standard input when the argument is `-`. */
  async readArgument(value: string): Promise<string> {
    return value === "-" ? this.io.readStdin() : value;
  }
}
