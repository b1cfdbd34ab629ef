import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { completionTree } from "../src/commands/completion.js";
import { silentIO } from "../src/io.js";
import { createProgram } from "../src/program.js";
import { run } from "./support/cli.js";

const { program } = await createProgram(silentIO());
const tree = completionTree(program);

/** Asks the bash script what it would complete for a command line that ends where the cursor is. */
function bashComplete(script: string, line: string): string[] {
  const words = line.split(" ");
  const harness = [
    script,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_winenroll_completion",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bash expansion, not a template
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  const result = spawnSync("bash", ["--norc", "-c", harness], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  return result.stdout.split("\n").filter(Boolean);
}

describe("winenroll completion", () => {
  it("covers every command of the tree, found by walking it (new commands are picked up)", () => {
    const paths = tree.map((n) => n.path);
    for (const command of program.commands) {
      expect(paths).toContain(command.name());
      for (const sub of command.commands)
        expect(paths).toContain(`${command.name()} ${sub.name()}`);
    }
    expect(paths).toContain("link build");
    expect(paths).toContain("completion");
  });

  it.each(["bash", "zsh", "fish", "pwsh"])(
    "prints a %s script naming every command and option",
    async (shell) => {
      const result = await run(["completion", shell]);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      for (const node of tree) {
        for (const c of node.commands) expect(result.stdout).toContain(c.name);
        for (const o of node.options)
          for (const n of o.names)
            expect(result.stdout).toContain(shell === "fish" ? n.replace(/^--?/, "") : n);
      }
    },
  );

  it("accepts powershell as another name for pwsh and registers a native completer", async () => {
    const result = await run(["completion", "powershell"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Register-ArgumentCompleter -Native -CommandName 'winenroll'");
    expect(result.stdout).toContain("'link build|--mode' = @('mdm'");
  });

  it("rejects an unknown shell with exit 2, one line saying what is accepted and a hint", async () => {
    const result = await run(["completion", "tcsh"]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trim().split("\n");
    expect(lines[0]).toBe('error: unknown shell "tcsh"; accepted: bash, zsh, fish, pwsh');
    expect(lines[1]).toMatch(/^hint: /);
  });

  it("prints the script and the tree as one JSON object with --json", async () => {
    const result = await run(["completion", "bash", "--json"]);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.shell).toBe("bash");
    expect(parsed.script).toContain("complete -o default -F _winenroll_completion winenroll");
    expect(parsed.tree).toEqual(JSON.parse(JSON.stringify(tree)));
  });

  it("leads its help with examples", async () => {
    const result = await run(["completion", "--help"]);
    expect(result.stdout.startsWith("Examples:\n  winenroll completion bash")).toBe(true);
  });

  describe("the bash script, run in bash", () => {
    it("completes top-level commands", async () => {
      const script = (await run(["completion", "bash"])).stdout;
      expect(bashComplete(script, "winenroll li")).toEqual(["link"]);
    });

    it("completes subcommands and the options of the command being typed", async () => {
      const script = (await run(["completion", "bash"])).stdout;
      expect(bashComplete(script, "winenroll link ")).toEqual(
        expect.arrayContaining(["build", "inspect"]),
      );
      const options = bashComplete(script, "winenroll link build --");
      expect(options).toEqual(
        expect.arrayContaining(["--mode", "--username", "--json", "--no-color"]),
      );
    });

    it("completes the choices of an option after its flag", async () => {
      const script = (await run(["completion", "bash"])).stdout;
      expect(bashComplete(script, "winenroll link build --format h")).toEqual(["html"]);
      expect(bashComplete(script, "winenroll --no-color link build --mode ")).toEqual(
        expect.arrayContaining(["mdm"]),
      );
    });

    it("offers nothing of its own after an option that takes a free value (the shell offers files)", async () => {
      const script = (await run(["completion", "bash"])).stdout;
      expect(bashComplete(script, "winenroll link build --username ")).toEqual([]);
    });
  });
});
