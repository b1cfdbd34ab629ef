import { describe, expect, it } from "vitest";
import { completionTree } from "../../src/commands/completion.js";
import { silentIO } from "../../src/io.js";
import { createProgram } from "../../src/program.js";
import { run } from "../support/cli.js";
import { beforeAllInPwsh, runPwshJson, supportScript } from "./support/pwsh.js";
import { type AstNode, WINDOWS_POWERSHELL_51_GAPS } from "./support/windows-powershell-51.js";

// `winenroll completion pwsh`, loaded the way its own header says (Out-String | Invoke-Expression),
// asked through TabExpansion2 — what PowerShell calls when someone presses Tab.

const { program } = await createProgram(silentIO());
const tree = completionTree(program);
const node = (path: string) => tree.find((n) => n.path === path)!;
const words = (path: string) => [
  ...node(path).commands.map((c) => c.name),
  ...node(path).options.flatMap((o) => o.names),
];
const choices = (path: string, option: string) =>
  node(path).options.find((o) => o.names.includes(option))!.choices;

/** Command lines, cursor at the end, with what Tab must offer (in the order offered) and as what. */
const LINES: readonly { line: string; offers: readonly string[]; kind: string }[] = [
  { line: "winenroll ", offers: words(""), kind: "ParameterName" },
  { line: "winenroll li", offers: ["link"], kind: "ParameterName" },
  { line: "winenroll link ", offers: words("link"), kind: "ParameterName" },
  { line: "winenroll link b", offers: ["build", "batch"], kind: "ParameterName" },
  { line: "winenroll link build --enc", offers: ["--encoding"], kind: "ParameterName" },
  {
    line: "winenroll link build --mode ",
    offers: choices("link build", "--mode"),
    kind: "ParameterValue",
  },
  { line: "winenroll check --edition pro-", offers: ["pro-education"], kind: "ParameterValue" },
  {
    line: "winenroll check --edition pro --acc",
    offers: ["--account"],
    kind: "ParameterName",
  },
  { line: "winenroll --json link inspect --sh", offers: ["--show-secrets"], kind: "ParameterName" },
];

interface Completion {
  readonly text: string;
  readonly kind: string;
}
let results: Completion[][];
let parsed: { errors: string[]; nodes: AstNode[] };

beforeAllInPwsh(async () => {
  const { stdout: script } = await run(["completion", "pwsh"]);
  ({ results, parsed } = runPwshJson<{ results: Completion[][]; parsed: typeof parsed }>(
    [
      supportScript("ast.ps1"),
      "$HarnessParsed = Get-AstReport $Data.script",
      "$Data.script | Out-String | Invoke-Expression",
      "$HarnessResults = foreach ($line in $Data.lines) {",
      "  $found = TabExpansion2 -inputScript $line -cursorColumn $line.Length",
      "  , @($found.CompletionMatches | ForEach-Object { [ordered]@{ text = $_.CompletionText; kind = [string]$_.ResultType } })",
      "}",
      "[ordered]@{ results = @($HarnessResults); parsed = $HarnessParsed } | ConvertTo-Json -Depth 6 -Compress",
    ].join("\n"),
    { script, lines: LINES.map((l) => l.line) },
  ));
});

describe("completion pwsh in PowerShell 7", () => {
  it("offers the commands, subcommands and options at the top and below link", () => {
    expect(words("")).toEqual(expect.arrayContaining(["link", "check", "collect", "completion"]));
    expect(words("link")).toEqual(expect.arrayContaining(["build", "inspect", "batch"]));
    expect(choices("link build", "--mode")).toContain("mdm");
  });

  it("parses, and uses nothing Windows PowerShell 5.1 lacks (admins load it in their $PROFILE)", () => {
    expect(parsed.errors).toEqual([]);
    const used = WINDOWS_POWERSHELL_51_GAPS.filter((gap) => parsed.nodes.some(gap.uses));
    expect(used.map((g) => g.what)).toEqual([]);
  });

  it.each(LINES.map((l, i) => [l.line, l, i] as const))("Tab after %j", (_, expected, index) => {
    expect(results[index]!.map((r) => r.text)).toEqual(expected.offers);
    for (const r of results[index]!) expect(r.kind).toBe(expected.kind);
  });
});
