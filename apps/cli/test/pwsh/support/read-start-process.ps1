# Reads each line of $Data.lines twice: with PowerShell's parser (what the line is made of) and by
# running it with Start-Process shadowed by a function that records its argument (what PowerShell
# would hand Windows). Only a line parsed as exactly Start-Process plus one single-quoted string is run:
# a broken quoting must not run pieces of a random link as commands. Prints one JSON array, one entry
# per line; a line that fails says why.
function Start-Process { param([Parameter(Position = 0)][string]$FilePath) $global:HarnessStarted.Add($FilePath) }
$HarnessReads = foreach ($line in $Data.lines) {
  $tokens = $null; $errors = $null
  $ast = [System.Management.Automation.Language.Parser]::ParseInput($line, [ref]$tokens, [ref]$errors)
  $statements = @($ast.EndBlock.Statements)
  $elements = @($statements | Select-Object -First 1 | ForEach-Object { $_.PipelineElements[0].CommandElements })
  $global:HarnessStarted = [System.Collections.Generic.List[string]]::new()
  $failure = $null
  $expected = $errors.Count -eq 0 -and $statements.Count -eq 1 -and $elements.Count -eq 2 -and
    $elements[0].Value -eq 'Start-Process' -and $elements[1].StringConstantType -eq 'SingleQuoted'
  if ($expected) {
    try { & ([scriptblock]::Create($line)) } catch { $failure = "$_" }
  }
  [ordered]@{
    errors = @($errors | ForEach-Object { $_.Message })
    failure = $failure
    statements = $statements.Count
    elements = @($elements | ForEach-Object { $_.GetType().Name })
    command = [string]$elements[0].Value
    quoting = [string]$elements[1].StringConstantType
    value = [string]$elements[1].Value
    started = @($global:HarnessStarted)
  }
}
ConvertTo-Json -InputObject @($HarnessReads) -Depth 4 -Compress
