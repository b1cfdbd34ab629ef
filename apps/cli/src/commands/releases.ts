import { formatCitation, releaseCapabilities } from "@winenroll/core";
import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";
import { formatTable } from "../output/table.js";

export function registerReleasesCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("releases"), [
    "winenroll releases",
    "winenroll releases --json",
  ])
    .description("the Windows releases with their builds and what each allows for enrollment")
    .option("--json", "print the release table as JSON")
    .action((options: { json?: boolean }) => {
      const releases = releaseCapabilities();
      if (options.json) {
        context.out(toJson({ releases }));
        return;
      }
      const style = context.style;
      const rows = [["Release", "Build", "Lacks", "Source"].map((h) => style.bold(h))];
      for (const r of releases) {
        rows.push([
          r.name + (r.release.thirdPartyOnly ? " *" : ""),
          String(r.release.build),
          r.lacks.length ? r.lacks.map((l) => `${l.rule} (from ${l.from})`).join(", ") : "-",
          formatCitation(r.release.source),
        ]);
      }
      context.out(formatTable(rows));
      context.out("\n* build known only from third-party reports");
    });
}
