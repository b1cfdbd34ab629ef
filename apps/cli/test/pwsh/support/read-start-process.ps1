# Reads each line of $Data.lines twice: with PowerShell's parser (what the line is made of) and by
# running it with Start-Process shadowed by a function that records its argument (what PowerShell
# would hand Windows). Prints one JSON array, one entry per line.
function Start-Process { param([Parameter(Position = 0)][string]$FilePath) $global:HarnessStarted.Add($FilePath) }
$HarnessReads = foreach ($line in $Data.lines) {
  $tokens = $null; $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($line, [ref]$tokens, [ref]$errors)
  $statements = @($ast.EndBlock.Statements)
  $elements = @($statements[0].PipelineElements[0].CommandElements)
  $global:HarnessStarted = [System.Collections.Generic.List[string]]::new()
  if ($errors.Count -eq 0) { & ([scriptblock]::Create($line)) }
  [ordered]@{
    errors = @($errors | ForEach-Object { $_.Message })
    statements = $statements.Count
    elements = @($elements | ForEach-Object { $_.GetType().Name })
    command = $elements[0].Value
    quoting = [string]$elements[1].StringConstantType
    value = $elements[1].Value
    started = @($global:HarnessStarted)
  }
}
ConvertTo-Json -InputObject @($HarnessReads) -Depth 4 -Compress
