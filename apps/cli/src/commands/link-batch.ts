import { ENROLLMENT_MODES, OWNERSHIP_VALUES } from "@winenroll/core";
import { type Command, Option } from "commander";
import type { BatchOptions } from "../batch/options.js";
import type { CommandContext } from "../context.js";
import { withExamples } from "../examples.js";

/** `winenroll link batch`: its options here; the run itself (batch/run-batch.ts) loads on use. */
export function registerBatch(link: Command, context: CommandContext): void {
  withExamples(link.command("batch"), [
    "winenroll link batch users.csv --mode mdm --servername https://mdm.contoso.com/EnrollmentServer/Discovery.svc --output links.csv --rejected rejected.csv",
    "winenroll link batch users.csv --mode mdm --sign-tokens --token-key token.key --token-ttl 7d --out-dir mails/",
    "winenroll link batch users.jsonl --mode mdm --format jsonl --output links.jsonl --json",
    "cat users.csv | winenroll link batch - --mode mdm > links.csv",
  ])
    .description(
      "turn a CSV or JSON Lines file of users into enrollment links (and welcome mails), streaming, with every row accounted for",
    )
    .argument("<users>", "users.csv, users.jsonl, or - for CSV on standard input")
    .option(
      "-o, --output <file>",
      "write the links here (written whole or not at all); default standard output",
    )
    .addOption(
      new Option(
        "--format <format>",
        "output format; default from the --output name, else csv",
      ).choices(["csv", "jsonl", "html"]),
    )
    .addOption(
      new Option(
        "--input-format <format>",
        "input format; default from the file name (.jsonl), else csv",
      ).choices(["csv", "jsonl"]),
    )
    .addOption(
      new Option("--mode <mode>", "default mode for rows without one").choices(
        ENROLLMENT_MODES.map((m) => m.value),
      ),
    )
    .option("--servername <url>", "default servername (MDM discovery URL) for rows without one")
    .option("--tenantidentifier <value>", "default tenantidentifier for rows without one")
    .addOption(
      new Option("--ownership <value>", "default ownership for rows without one").choices(
        OWNERSHIP_VALUES.map((v) => v.value),
      ),
    )
    .option("--sign-tokens", "put a signed per-user access token (JWT) in each link")
    .option(
      "--token-key <file>",
      "PEM private key (ES256, RS256) or file holding the HS256 shared secret",
    )
    .option("--token-ttl <duration>", "how long tokens stay valid: 3600, 90m, 12h, 7d, 2w", "7d")
    .option(
      "--template <file>",
      "mail template with {{link}}, {{username}}, {{any column}}; HTML-escaped if .html",
    )
    .option(
      "--out-dir <dir>",
      "write one mail per linked row here (default template: a welcome mail)",
    )
    .option(
      "--rejected <file>",
      "write rejected rows here with their line and errors (.csv or .jsonl)",
    )
    .option("--fail-fast", "stop at the first rejected row and keep nothing")
    .option("--force", "replace existing output files and folders")
    .option(
      "--json",
      "print the run's summary as JSON on standard output (needs --output or --out-dir)",
    )
    .action(async (input: string, options: BatchOptions) => {
      const { runBatch } = await import("../batch/run-batch.js");
      await runBatch(input, options, context);
    });
}
