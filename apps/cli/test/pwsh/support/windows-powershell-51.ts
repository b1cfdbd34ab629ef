/**
 * What Windows PowerShell 5.1 (the PowerShell every supported Windows has by default) lacks and
 * PowerShell 6 or 7 added, as checks over the AST report of support/ast.ps1. Each entry names the
 * version that added it and the Microsoft Learn page that says so; `example` is PowerShell that uses
 * it, so that each check is shown to fire.
 */

/** One node of the report `Get-AstReport` prints. */
export interface AstNode {
  readonly type: string;
  readonly operator?: string;
  readonly nullConditional?: boolean;
  readonly background?: boolean;
  readonly clean?: boolean;
  readonly variable?: string;
  readonly text?: string;
  readonly command?: string | null;
  readonly parameters?: readonly string[];
}

export interface Windows51Gap {
  readonly id: string;
  readonly what: string;
  readonly since: string;
  readonly source: string;
  readonly example: string;
  readonly uses: (node: AstNode) => boolean;
}

const LEARN = "https://learn.microsoft.com/powershell";
const WHATS_NEW_70 = `${LEARN}/scripting/whats-new/what-s-new-in-powershell-70`;

/** A command (or one of its aliases) called with a parameter, written in full or abbreviated. */
const commandWith =
  (names: readonly string[], parameters: readonly string[]) =>
  (node: AstNode): boolean =>
    node.type === "CommandAst" &&
    names.some((n) => n.toLowerCase() === node.command?.toLowerCase()) &&
    (node.parameters ?? []).some((p) =>
      parameters.some((full) => p.length > 0 && full.toLowerCase().startsWith(p.toLowerCase())),
    );

const NEW_COMMANDS: readonly { name: string; since: string; source: string }[] = [
  {
    name: "Get-Error",
    since: "7.0",
    source: `${LEARN}/module/microsoft.powershell.utility/get-error`,
  },
  {
    name: "Test-Json",
    since: "6.1",
    source: `${LEARN}/module/microsoft.powershell.utility/test-json`,
  },
  {
    name: "Join-String",
    since: "6.2",
    source: `${LEARN}/module/microsoft.powershell.utility/join-string`,
  },
  {
    name: "Get-Uptime",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.utility/get-uptime`,
  },
  {
    name: "Remove-Alias",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.utility/remove-alias`,
  },
  {
    name: "Remove-Service",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.management/remove-service`,
  },
  {
    name: "ConvertFrom-Markdown",
    since: "6.1",
    source: `${LEARN}/module/microsoft.powershell.utility/convertfrom-markdown`,
  },
  {
    name: "Show-Markdown",
    since: "6.1",
    source: `${LEARN}/module/microsoft.powershell.utility/show-markdown`,
  },
  {
    name: "Get-SecureRandom",
    since: "7.4",
    source: `${LEARN}/module/microsoft.powershell.utility/get-securerandom`,
  },
  {
    name: "ConvertTo-CliXml",
    since: "7.5",
    source: `${LEARN}/module/microsoft.powershell.utility/convertto-clixml`,
  },
  {
    name: "ConvertFrom-CliXml",
    since: "7.5",
    source: `${LEARN}/module/microsoft.powershell.utility/convertfrom-clixml`,
  },
];

/** Parameters added to cmdlets 5.1 has; `commands` holds the cmdlet and its aliases. */
const NEW_PARAMETERS: readonly {
  commands: readonly string[];
  parameters: readonly string[];
  since: string;
  source: string;
  example: string;
}[] = [
  {
    commands: ["ForEach-Object", "foreach", "%"],
    parameters: ["Parallel", "ThrottleLimit", "TimeoutSeconds", "AsJob", "UseNewRunspace"],
    since: "7.0",
    source: `${LEARN}/module/microsoft.powershell.core/foreach-object`,
    example: "1..2 | ForEach-Object -Parallel { $_ }",
  },
  {
    commands: ["ConvertFrom-Json"],
    parameters: ["AsHashtable", "Depth", "NoEnumerate", "DateKind"],
    since: "6.0 (AsHashtable), 6.2 (Depth), 7.0 (NoEnumerate), 7.5 (DateKind)",
    source: `${LEARN}/module/microsoft.powershell.utility/convertfrom-json`,
    example: "'{}' | ConvertFrom-Json -AsHashtable",
  },
  {
    commands: ["ConvertTo-Json"],
    parameters: ["AsArray", "EscapeHandling"],
    since: "6.2",
    source: `${LEARN}/module/microsoft.powershell.utility/convertto-json`,
    example: "@{} | ConvertTo-Json -AsArray",
  },
  {
    commands: ["Select-String", "sls"],
    parameters: ["Raw", "NoEmphasis"],
    since: "7.0",
    source: `${LEARN}/module/microsoft.powershell.utility/select-string`,
    example: "'a' | Select-String -Raw 'a'",
  },
  {
    commands: ["Get-Date"],
    parameters: ["AsUTC", "UnixTimeSeconds"],
    since: "7.1",
    source: `${LEARN}/module/microsoft.powershell.utility/get-date`,
    example: "Get-Date -AsUTC",
  },
  {
    commands: ["Get-Content", "gc", "cat", "type"],
    parameters: ["AsByteStream"],
    since: "6.0 (5.1 has -Encoding Byte)",
    source: `${LEARN}/module/microsoft.powershell.management/get-content`,
    example: "Get-Content -AsByteStream x",
  },
  {
    commands: ["Join-Path"],
    parameters: ["AdditionalChildPath"],
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.management/join-path`,
    example: "Join-Path a b c -AdditionalChildPath d",
  },
  {
    commands: ["Split-Path"],
    parameters: ["LeafBase", "Extension"],
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.management/split-path`,
    example: "Split-Path -LeafBase a.txt",
  },
];

export const WINDOWS_POWERSHELL_51_GAPS: readonly Windows51Gap[] = [
  {
    id: "ternary",
    what: "the ternary operator a ? b : c",
    since: "7.0",
    source: `${WHATS_NEW_70} (new operators); ${LEARN}/module/microsoft.powershell.core/about/about_operators`,
    example: "$x = $true ? 'a' : 'b'",
    uses: (n) => n.type === "TernaryExpressionAst",
  },
  {
    id: "pipeline-chain",
    what: "pipeline chain operators && and ||",
    since: "7.0",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_pipeline_chain_operators`,
    example: "Get-Date && Get-Date",
    uses: (n) => n.type === "PipelineChainAst",
  },
  {
    id: "null-coalescing",
    what: "the null-coalescing operator ??",
    since: "7.0",
    source: `${WHATS_NEW_70} (new operators); ${LEARN}/module/microsoft.powershell.core/about/about_operators`,
    example: "$x = $null ?? 'b'",
    uses: (n) => n.type === "BinaryExpressionAst" && n.operator === "QuestionQuestion",
  },
  {
    id: "null-coalescing-assignment",
    what: "the null-coalescing assignment ??=",
    since: "7.0",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_assignment_operators`,
    example: "$x ??= 'b'",
    uses: (n) => n.type === "AssignmentStatementAst" && n.operator === "QuestionQuestionEquals",
  },
  {
    id: "null-conditional",
    what: "null-conditional member and index access ?. and ?[]",
    since: "7.0 (experimental), 7.1",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_operators (null-conditional operators)`,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: PowerShell's ${name} variable syntax
    example: "${x}?.Length; ${y}?[0]",
    uses: (n) => n.nullConditional === true,
  },
  {
    id: "background-operator",
    what: "the background operator & at the end of a pipeline",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_operators (background operator)`,
    example: "Get-Date &",
    uses: (n) => n.type === "PipelineAst" && n.background === true,
  },
  {
    id: "clean-block",
    what: "the clean block of a function or script",
    since: "7.3",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_functions_advanced_methods (clean)`,
    example: "function f { process { 1 } clean { 2 } }",
    uses: (n) => n.type === "ScriptBlockAst" && n.clean === true,
  },
  ...NEW_PARAMETERS.map(
    (p): Windows51Gap => ({
      id: `parameters-${p.commands[0]!.toLowerCase()}`,
      what: `${p.commands[0]} -${p.parameters.join(", -")}`,
      since: p.since,
      source: p.source,
      example: p.example,
      uses: commandWith(p.commands, p.parameters),
    }),
  ),
  {
    id: "platform-variables",
    what: "the automatic variables $IsWindows, $IsLinux, $IsMacOS, $IsCoreCLR",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_automatic_variables`,
    example: "if ($IsWindows) { 1 }",
    uses: (n) =>
      n.type === "VariableExpressionAst" &&
      ["iswindows", "islinux", "ismacos", "iscoreclr"].includes(n.variable?.toLowerCase() ?? ""),
  },
  {
    id: "string-escapes",
    what: "the escapes `u{…} and `e in double-quoted strings",
    since: "6.0",
    source: `${LEARN}/module/microsoft.powershell.core/about/about_special_characters`,
    example: '"`u{2713} `e[0m"',
    uses: (n) =>
      n.type === "ExpandableStringExpressionAst" || n.type === "StringConstantExpressionAst"
        ? /^@?"/.test(n.text ?? "") && /`u\{|`e/.test(n.text ?? "")
        : false,
  },
  ...NEW_COMMANDS.map(
    (c): Windows51Gap => ({
      id: `command-${c.name.toLowerCase()}`,
      what: `the ${c.name} cmdlet`,
      since: c.since,
      source: c.source,
      example: `${c.name} x`,
      uses: (n) => n.type === "CommandAst" && n.command?.toLowerCase() === c.name.toLowerCase(),
    }),
  ),
];
