import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { silentIO } from "../src/io.js";
import { createProgram } from "../src/program.js";
import { run } from "./support/cli.js";

const ESC = "\u001b[";
const { program } = await createProgram(silentIO());

function leaves(command = program, path: string[] = []): string[][] {
  return command.commands
    .filter((c) => c.name() !== "help")
    .flatMap((c) =>
      c.commands.length > 0 ? leaves(c, [...path, c.name()]) : [[...path, c.name()]],
    );
}

describe("CLI conventions", () => {
  it.each(leaves().map((p) => [p.join(" ")]))("`%s --help` starts with examples", async (path) => {
    const result = await run([...path.split(" "), "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Examples:\n {2}winenroll /);
  });

  it.each(leaves().map((p) => [p.join(" ")]))("`%s` has --json", (path) => {
    let command = program;
    for (const name of path.split(" "))
      command = command.commands.find((c) => c.name() === name) ?? command;
    expect(command.options.map((o) => o.long)).toContain("--json");
  });

  it("suggests the right command for a mistyped one, exit 2", async () => {
    const result = await run(["lnk"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("(Did you mean link?)");
  });

  it("suggests the right option for a mistyped one, even when a required option is then missing", async () => {
    const typo = await run(["link", "build", "--mode", "mdm", "--usrname", "a@example.com"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("(Did you mean --username?)");
    const missing = await run(["link", "build", "--mod", "mdm"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("unknown option '--mod' (Did you mean --mode?)");
  });

  it("says in one line which values a bad flag value may take", async () => {
    const result = await run(["link", "build", "--mode", "xyz"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      "error: option '--mode <mode>' argument 'xyz' is invalid. Allowed choices are mdm, awa, aadj.",
    );
  });

  describe("colour", () => {
    const bad = ["link", "build", "--mode", "mdm", "--deviceidentifier", "laptop-42"];
    it("is on for a terminal and off with NO_COLOR or --no-color", async () => {
      expect((await run(bad, { tty: true })).stderr).toContain(ESC);
      expect((await run(bad, { tty: true, env: { NO_COLOR: "1" } })).stderr).not.toContain(ESC);
      expect((await run(["--no-color", ...bad], { tty: true })).stderr).not.toContain(ESC);
    });
    it("is off when not a terminal, and FORCE_COLOR turns it on", async () => {
      expect((await run(bad)).stderr).not.toContain(ESC);
      expect((await run(bad, { env: { FORCE_COLOR: "1" } })).stderr).toContain(ESC);
    });
  });

  describe("errors", () => {
    it("are one line with a hint and no stack trace; --debug adds the trace", async () => {
      // The fake io's stdin throws a plain Error: an unexpected failure, not a usage error.
      const plain = await run(["link", "inspect", "-"]);
      expect(plain.code).toBe(1);
      const lines = plain.stderr.trim().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[1]).toMatch(/^hint: run again with --debug/);
      const debug = await run(["--debug", "link", "inspect", "-"]);
      expect(debug.stderr).toMatch(/\n\s+at /);
    });
  });

  describe("nothing prompts", () => {
    it("no command module reads the terminal interactively", () => {
      const dir = new URL("../src/", import.meta.url);
      const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) =>
        f.endsWith(".ts"),
      );
      for (const file of files) {
        const text = readFileSync(new URL(file, dir), "utf8");
        expect(text, file).not.toMatch(
          /node:readline|from "readline"|inquirer|prompts"|setRawMode/,
        );
      }
    });
  });
});
