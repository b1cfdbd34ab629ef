# Parses PowerShell text with PowerShell's own parser and describes every node of its AST in a flat
# list the tests read (they decide what is allowed; this only reports what is there).
function Get-AstReport([string]$Text) {
  $tokens = $null
  $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$tokens, [ref]$errors)
  $nodes = foreach ($node in $ast.FindAll({ $true }, $true)) {
    $entry = [ordered]@{ type = $node.GetType().Name }
    switch ($node.GetType().Name) {
      'BinaryExpressionAst' { $entry.operator = [string]$node.Operator }
      'AssignmentStatementAst' { $entry.operator = [string]$node.Operator }
      'MemberExpressionAst' { $entry.nullConditional = [bool]$node.NullConditional }
      'InvokeMemberExpressionAst' { $entry.nullConditional = [bool]$node.NullConditional }
      'IndexExpressionAst' { $entry.nullConditional = [bool]$node.NullConditional }
      'PipelineAst' { $entry.background = [bool]$node.Background }
      'ScriptBlockAst' { $entry.clean = $null -ne $node.CleanBlock }
      'VariableExpressionAst' { $entry.variable = $node.VariablePath.UserPath }
      'StringConstantExpressionAst' { $entry.text = $node.Extent.Text }
      'ExpandableStringExpressionAst' { $entry.text = $node.Extent.Text }
      'CommandAst' {
        $entry.command = $node.GetCommandName()
        $entry.parameters = @($node.CommandElements |
            Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] } |
            ForEach-Object { $_.ParameterName })
      }
    }
    $entry
  }
  [ordered]@{ errors = @($errors | ForEach-Object { $_.Message }); nodes = @($nodes) }
}
