import type { Command, Option } from "commander";
import type { CommandContext } from "../context.js";
import { UsageError } from "../errors.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";

/** The shells a completion script can be printed for. */
export const COMPLETION_SHELLS = ["bash", "zsh", "fish", "pwsh"] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** One option as completion sees it: its spellings, whether it takes a value, and its choices. */
export interface CompletionOption {
  readonly names: readonly string[];
  readonly description: string;
  readonly takesValue: boolean;
  readonly choices: readonly string[];
}

/** One point in the command tree: the words that lead to it, what can follow, and its options. */
export interface CompletionNode {
  readonly path: string;
  readonly commands: readonly { readonly name: string; readonly description: string }[];
  readonly options: readonly CompletionOption[];
}

/**
 * Reads the commander tree into the flat list every shell script is generated from, so a new
 * command or option is completed without anyone listing it. Global options of the root are offered
 * at every level, as commander accepts them after a subcommand too.
 */
export function completionTree(program: Command): CompletionNode[] {
  const help = program.createHelp();
  const toOption = (option: Option): CompletionOption => ({
    names: [option.long, option.short].filter((n): n is string => typeof n === "string"),
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
  });
  const globals = help
    .visibleOptions(program)
    .filter((o) => !["--help", "--version"].includes(o.long ?? ""))
    .map(toOption);
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string[]): void => {
    const subs = help.visibleCommands(command);
    const own = help.visibleOptions(command).map(toOption);
    const seen = new Set(own.flatMap((o) => o.names));
    const options =
      path.length === 0
        ? own
        : [...own, ...globals.filter((g) => !g.names.some((n) => seen.has(n)))];
    nodes.push({
      path: path.join(" "),
      commands: subs.map((s) => ({ name: s.name(), description: s.description() })),
      options,
    });
    for (const sub of subs) if (sub.name() !== "help") visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return nodes;
}

const single = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

function bash(name: string, nodes: readonly CompletionNode[]): string {
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, "_")}_completion`;
  const out = [
    `# bash completion for ${name}; generated from the command definitions.`,
    `# Load it now with: source <(${name} completion bash)`,
    `# or keep it: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}`,
    `${fn}() {`,
    `  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="" cmdpath="" w i`,
    `  [ "$COMP_CWORD" -gt 0 ] && prev="\${COMP_WORDS[COMP_CWORD-1]}"`,
    "  for ((i = 1; i < COMP_CWORD; i++)); do",
    `    w="\${COMP_WORDS[i]}"`,
    `    case "$w" in -*) continue ;; esac`,
    `    case "$cmdpath" in`,
  ];
  for (const node of nodes) {
    const subs = node.commands.map((c) => c.name);
    if (subs.length === 0) continue;
    out.push(
      `      ${single(node.path)}) case "$w" in ${subs.join("|")}) cmdpath="\${cmdpath:+$cmdpath }$w" ;; esac ;;`,
    );
  }
  out.push("    esac", "  done", `  case "$cmdpath:$prev" in`);
  for (const node of nodes) {
    for (const option of node.options.filter((o) => o.takesValue)) {
      const keys = option.names.map((n) => single(`${node.path}:${n}`)).join("|");
      out.push(
        option.choices.length > 0
          ? `    ${keys}) COMPREPLY=($(compgen -W ${single(option.choices.join(" "))} -- "$cur")); return ;;`
          : `    ${keys}) COMPREPLY=(); return ;;`,
      );
    }
  }
  out.push("  esac", "  local candidates", `  case "$cmdpath" in`);
  for (const node of nodes) {
    const words = [...node.commands.map((c) => c.name), ...node.options.flatMap((o) => o.names)];
    out.push(`    ${single(node.path)}) candidates=${single(words.join(" "))} ;;`);
  }
  out.push(
    "  esac",
    `  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))`,
    "}",
    `complete -o default -F ${fn} ${name}`,
  );
  return `${out.join("\n")}\n`;
}

function zsh(name: string, nodes: readonly CompletionNode[]): string {
  const fn = `_${name.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const item = (word: string, description: string): string =>
    single(`${word.replace(/:/g, "\\:")}:${oneLine(description)}`);
  const out = [
    `#compdef ${name}`,
    `# zsh completion for ${name}; generated from the command definitions.`,
    `# Load it now with: source <(${name} completion zsh)`,
    `# or keep it as a file named ${fn} in a folder on your $fpath.`,
    `${fn}() {`,
    `  local cmdpath="" w i prev="\${words[CURRENT-1]}"`,
    "  for ((i = 2; i < CURRENT; i++)); do",
    `    w="\${words[i]}"`,
    `    [[ "$w" == -* ]] && continue`,
    `    case "$cmdpath" in`,
  ];
  for (const node of nodes) {
    const subs = node.commands.map((c) => c.name);
    if (subs.length === 0) continue;
    out.push(
      `      ${single(node.path)}) case "$w" in ${subs.join("|")}) cmdpath="\${cmdpath:+$cmdpath }$w" ;; esac ;;`,
    );
  }
  out.push("    esac", "  done", `  case "$cmdpath:$prev" in`);
  for (const node of nodes) {
    for (const option of node.options.filter((o) => o.takesValue)) {
      const keys = option.names.map((n) => single(`${node.path}:${n}`)).join("|");
      out.push(
        option.choices.length > 0
          ? `    ${keys}) compadd -- ${option.choices.map(single).join(" ")}; return ;;`
          : `    ${keys}) _files; return ;;`,
      );
    }
  }
  out.push("  esac", "  local -a items", `  case "$cmdpath" in`);
  for (const node of nodes) {
    const items = [
      ...node.commands.map((c) => item(c.name, c.description)),
      ...node.options.flatMap((o) => o.names.map((n) => item(n, o.description))),
    ];
    out.push(`    ${single(node.path)}) items=(${items.join(" ")}) ;;`);
  }
  out.push(
    "  esac",
    `  _describe ${single(name)} items`,
    "}",
    `if [ "$funcstack[1]" = "${fn}" ]; then`,
    `  ${fn} "$@"`,
    "else",
    `  compdef ${fn} ${name}`,
    "fi",
  );
  return `${out.join("\n")}\n`;
}

function fish(name: string, nodes: readonly CompletionNode[]): string {
  const fn = `__${name.replace(/[^A-Za-z0-9_]/g, "_")}_path`;
  const out = [
    `# fish completion for ${name}; generated from the command definitions.`,
    `# Load it now with: ${name} completion fish | source`,
    `# or keep it: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `function ${fn}`,
    "    set -l tokens (commandline -opc)",
    "    set -e tokens[1]",
    `    set -l p ""`,
    "    for w in $tokens",
    "        if string match -q -- '-*' $w",
    "            continue",
    "        end",
    `        switch "$p"`,
  ];
  for (const node of nodes) {
    const subs = node.commands.map((c) => c.name);
    if (subs.length === 0) continue;
    out.push(
      `            case ${single(node.path)}`,
      `                if contains -- $w ${subs.join(" ")}`,
      node.path === "" ? "                    set p $w" : `                    set p "$p $w"`,
      "                end",
    );
  }
  out.push(
    "        end",
    "    end",
    "    echo $p",
    "end",
    `function ${fn}_is`,
    `    set -l p (${fn})`,
    `    test "$p" = "$argv[1]"`,
    "end",
    `complete -c ${name} -f`,
  );
  for (const node of nodes) {
    const when = `-n ${single(`${fn}_is ${single(node.path)}`)}`;
    for (const c of node.commands) {
      out.push(
        `complete -c ${name} ${when} -a ${single(c.name)} -d ${single(oneLine(c.description))}`,
      );
    }
    for (const o of node.options) {
      const flags = o.names
        .map((n) => (n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`))
        .join(" ");
      const value = o.takesValue
        ? o.choices.length > 0
          ? ` -x -a ${single(o.choices.join(" "))}`
          : " -r -F"
        : "";
      out.push(`complete -c ${name} ${when} ${flags}${value} -d ${single(oneLine(o.description))}`);
    }
  }
  return `${out.join("\n")}\n`;
}

function pwsh(name: string, nodes: readonly CompletionNode[]): string {
  const q = (text: string): string => `'${text.replace(/'/g, "''")}'`;
  const list = (items: readonly string[]): string => `@(${items.map(q).join(", ")})`;
  const out = [
    `# PowerShell completion for ${name}; generated from the command definitions.`,
    `# Load it now with: ${name} completion pwsh | Out-String | Invoke-Expression`,
    `# or keep it: ${name} completion pwsh >> $PROFILE`,
    `Register-ArgumentCompleter -Native -CommandName ${q(name)}, ${q(`${name}.cmd`)}, ${q(`${name}.ps1`)} -ScriptBlock {`,
    "    param($wordToComplete, $commandAst, $cursorPosition)",
    "    $commands = @{",
  ];
  for (const node of nodes)
    out.push(`        ${q(node.path)} = ${list(node.commands.map((c) => c.name))}`);
  out.push("    }", "    $options = @{");
  for (const node of nodes)
    out.push(`        ${q(node.path)} = ${list(node.options.flatMap((o) => o.names))}`);
  out.push("    }", "    $values = @{");
  for (const node of nodes) {
    for (const o of node.options.filter((x) => x.takesValue)) {
      for (const n of o.names) out.push(`        ${q(`${node.path}|${n}`)} = ${list(o.choices)}`);
    }
  }
  out.push("    }", "    $help = @{");
  for (const node of nodes) {
    for (const c of node.commands)
      out.push(`        ${q(`${node.path}|${c.name}`)} = ${q(oneLine(c.description) || c.name)}`);
    for (const o of node.options) {
      for (const n of o.names)
        out.push(`        ${q(`${node.path}|${n}`)} = ${q(oneLine(o.description) || n)}`);
    }
  }
  out.push(
    "    }",
    "    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })",
    "    if ($wordToComplete -ne '' -and $words.Count -gt 0) {",
    "        if ($words.Count -eq 1) { $words = @() } else { $words = $words[0..($words.Count - 2)] }",
    "    }",
    "    $path = ''",
    "    foreach ($w in $words) {",
    "        if ($w.StartsWith('-')) { continue }",
    "        if ($commands[$path] -contains $w) { $path = ($path + ' ' + $w).Trim() }",
    "    }",
    "    $prev = if ($words.Count -gt 0) { $words[-1] } else { '' }",
    '    $key = "$path|$prev"',
    "    if ($values.ContainsKey($key)) {",
    "        if ($values[$key].Count -eq 0) { return }",
    "        $candidates = $values[$key]",
    "        $kind = 'ParameterValue'",
    "    } else {",
    "        $candidates = @($commands[$path]) + @($options[$path])",
    "        $kind = 'ParameterName'",
    "    }",
    '    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {',
    '        $tip = $help["$path|$_"]',
    "        if (-not $tip) { $tip = $_ }",
    "        [System.Management.Automation.CompletionResult]::new($_, $_, $kind, $tip)",
    "    }",
    "}",
  );
  return `${out.join("\n")}\n`;
}

/**
 * The completion script for one shell, generated from the whole command tree of `program`.
 */
export function completionScript(program: Command, shell: CompletionShell): string {
  const nodes = completionTree(program);
  const name = program.name();
  switch (shell) {
    case "bash":
      return bash(name, nodes);
    case "zsh":
      return zsh(name, nodes);
    case "fish":
      return fish(name, nodes);
    case "pwsh":
      return pwsh(name, nodes);
  }
}

export function registerCompletionCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("completion"), [
    "winenroll completion bash > ~/.local/share/bash-completion/completions/winenroll",
    "winenroll completion zsh > ~/.zfunc/_winenroll",
    "winenroll completion fish > ~/.config/fish/completions/winenroll.fish",
    "winenroll completion pwsh | Out-String | Invoke-Expression",
  ])
    .description("print a shell completion script for bash, zsh, fish or PowerShell (pwsh)")
    .argument("<shell>", `the shell: ${COMPLETION_SHELLS.join(", ")}`)
    .option("--json", "print { shell, script, tree } as JSON instead of the bare script")
    .action((shell: string, options: { json?: boolean }) => {
      const wanted = shell.toLowerCase() === "powershell" ? "pwsh" : shell.toLowerCase();
      if (!(COMPLETION_SHELLS as readonly string[]).includes(wanted)) {
        throw new UsageError(
          `unknown shell "${shell}"; accepted: ${COMPLETION_SHELLS.join(", ")}`,
          "run `winenroll completion bash` (or zsh, fish, pwsh) and load the script it prints",
        );
      }
      const script = completionScript(program, wanted as CompletionShell);
      if (options.json)
        context.out(toJson({ shell: wanted, script, tree: completionTree(program) }));
      else context.out(script);
    });
}
