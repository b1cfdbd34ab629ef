/**
 * The commands the collection script may call: each only reads. The static test checks the
 * script's text against it, the PowerShell test the commands the script really called.
 */
export const COLLECT_READ_ONLY_COMMANDS: readonly string[] = [
  "Get-ItemProperty",
  "Get-ChildItem",
  "Get-CimInstance",
  "Get-Service",
  "Get-Date",
  "Select-String",
  "ConvertTo-Json",
  // the script's own functions: Read-Value over Get-ItemProperty, Note fills $provenance
  "Read-Value",
  "Note",
];
