import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { completionTree } from "../src/commands/completion.js";
import type { CliIO } from "../src/io.js";
import { silentIO } from "../src/io.js";
import { createProgram } from "../src/program.js";
import { run } from "./support/cli.js";

// A command line loads only its command's module (program.ts). These check that the branch it
// builds is the same as that branch of the whole tree, so help, parsing and errors cannot differ.
const whole = (await createProgram(silentIO())).program;
const names = whole.commands.map((c) => c.name());

function branch(program: Command, name: string) {
  return completionTree(program).filter((n) => n.path === name || n.path.startsWith(`${name} `));
}

function bufferIO(): { io: CliIO; out: () => string } {
  let text = "";
  const sink = { write: (t: string) => (text += t), isTTY: false };
  return {
    io: { stdout: sink, stderr: sink, env: {}, readStdin: async () => "" },
    out: () => text,
  };
}

describe("commands loaded on demand", () => {
  it.each(names.filter((n) => n !== "completion"))(
    "`%s …` builds only its own branch, the same as in the whole tree",
    async (name) => {
      const { program } = await createProgram(silentIO(), ["--no-color", name, "--json"]);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
      expect(branch(program, name)).toEqual(branch(whole, name));
      expect(program.options).toEqual(whole.options);
    },
  );

  it.each([[[]], [["help"]], [["lnk"]], [["--debug"]], [["completion", "bash"]]])(
    "%j builds the whole tree (listing, suggesting or completing needs every command)",
    async (argv) => {
      const { program } = await createProgram(silentIO(), argv);
      expect(program.commands.map((c) => c.name())).toEqual(names);
    },
  );

  it.each([
    ["link", "build", "--help"],
    ["link", "--help"],
    ["check", "--help"],
    ["link", "biuld"],
    ["link", "build", "--mode", "mdm", "--usrname", "a@example.com"],
  ])("`%s %s %s` answers as the whole tree does", async (...argv) => {
    const lazy = await run(argv);
    const { io, out } = bufferIO();
    const { program } = await createProgram(io);
    await program.parseAsync(argv, { from: "user" }).catch(() => undefined);
    // runCli adds its own typo line for a missing required option; the whole tree's output leads.
    expect(`${lazy.stdout}${lazy.stderr}`.startsWith(out())).toBe(true);
    expect(out()).not.toBe("");
  });
});
