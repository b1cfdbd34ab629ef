import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { silentIO } from "../src/io.js";
import { createProgram } from "../src/program.js";
import { renderCliReference } from "../src/reference.js";

const PAGE = new URL("../../docs/docs/cli.md", import.meta.url);
const { program } = await createProgram(silentIO());

describe("the CLI reference page", () => {
  it("is what the command definitions generate (run `pnpm --filter winenroll run reference` after changing a command)", () => {
    expect(readFileSync(PAGE, "utf8")).toBe(renderCliReference(program));
  });

  it("lists every command and option", () => {
    const page = renderCliReference(program);
    const walk = (command: typeof program): void => {
      for (const sub of command.commands) {
        if (sub.commands.length > 0) walk(sub);
        else {
          expect(page).toContain(
            `## \`${[command.name(), sub.name()].join(" ").replace(/^winenroll /, "")}\``,
          );
          for (const option of sub.options) expect(page).toContain(option.flags);
        }
      }
    };
    walk(program);
  });
});
