# A Windows device replayed from test data, so that the collection script runs in pwsh on any OS.
#
# - The cmdlets the script calls (Get-ItemProperty, Get-ChildItem, Get-CimInstance, Get-Service) are
#   shadowed by functions of the same name: PowerShell looks functions up before cmdlets.
# - Native programs (dsregcmd.exe, called by its full path, and whoami) and every write are answered
#   through the engine's PreCommandLookupAction, which sees every command name before it is looked up.
#   It also records each name, so a test can list what the script called.
# - A missing key, value or service returns nothing instead of an error. The script silences those
#   errors anyway; this way $Error after a run holds only what went wrong unexpectedly.
# - The replay functions call no command of their own (operators and .NET only), so the calls
#   recorded during a run are the script's.
# - The script runs in a child scope and so sees the variables of the scopes above it; none of the
#   names used there is one the script reads (harness variables start with Harness).

$global:Replay = @{
  Device = $null
  Keys = $null
  Calls = $null
  Writes = $null
  Unreplayed = $null
}

# Verbs whose commands change the machine or write files (Write-* only writes to PowerShell's own
# streams and is left alone, but Write-EventLog is named below), and native programs that can.
$global:ReplayWriteVerbs = @(
  'Add', 'Clear', 'Copy', 'Disable', 'Dismount', 'Enable', 'Export', 'Grant', 'Install', 'Invoke',
  'Lock', 'Mount', 'Move', 'New', 'Protect', 'Publish', 'Register', 'Remove', 'Rename', 'Reset',
  'Restart', 'Resume', 'Revoke', 'Save', 'Send', 'Set', 'Start', 'Stop', 'Suspend', 'Unblock',
  'Uninstall', 'Unlock', 'Unprotect', 'Unregister', 'Update'
)
$global:ReplayWriteCommands = @(
  'Out-File', 'Tee-Object', 'Write-EventLog', 'reg', 'regedit', 'regini', 'sc', 'netsh', 'schtasks',
  'bcdedit', 'wmic', 'certutil', 'deviceenroller', 'mdmdiagnosticstool', 'cmd', 'powershell', 'pwsh',
  'msiexec', 'takeown', 'icacls'
)
# Aliases resolved up front (sp is Set-ItemProperty, ni New-Item, rm Remove-Item …).
$global:ReplayAliases = @{}
foreach ($alias in Get-Alias) { $global:ReplayAliases[$alias.Name] = $alias.Definition }

$global:ReplayNatives = @{
  dsregcmd = {
    $global:Replay.Calls.Add("dsregcmd $($args -join ' ')")
    if ($args.Count -ne 1 -or $args[0] -ne '/status') {
      $global:Replay.Writes.Add("dsregcmd $($args -join ' ')")
      throw "dsregcmd $($args -join ' ') is not read-only"
    }
    $global:Replay.Device.dsregcmd -split '\r?\n'
  }
  whoami = {
    if (($args -join ' ') -ne '/groups /fo csv') {
      $global:Replay.Unreplayed.Add("whoami $($args -join ' ')")
      return
    }
    '"Group Name","Type","SID","Attributes"'
    foreach ($sid in $global:Replay.Device.user.groups) {
      "`"group $sid`",`"Alias`",`"$sid`",`"Mandatory group, Enabled by default, Enabled group`""
    }
  }
}

$global:ReplayLookup = {
  param([string]$Name, [System.Management.Automation.CommandLookupEventArgs]$Lookup)
  $global:Replay.Calls.Add($Name)
  $leaf = ($Name -split '[\\/]')[-1] -replace '\.exe$', ''
  $resolved = $global:ReplayAliases[$leaf]
  if (-not $resolved) { $resolved = $leaf }
  $verb = ($resolved -split '-')[0]
  if ($global:ReplayNatives.ContainsKey($leaf)) {
    $Lookup.CommandScriptBlock = $global:ReplayNatives[$leaf]
    $Lookup.StopSearch = $true
  } elseif ($resolved -in $global:ReplayWriteCommands -or ($resolved -match '-' -and $verb -in $global:ReplayWriteVerbs)) {
    $global:Replay.Writes.Add($Name)
    # Also thrown, so the write cannot happen; the list is what the tests read.
    $Lookup.CommandScriptBlock = [scriptblock]::Create("throw 'the collection script called $resolved, which writes'")
    $Lookup.StopSearch = $true
  }
}

function Get-ItemProperty {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$LiteralPath, [string[]]$Name)
  $key = $global:Replay.Keys[($LiteralPath -replace '^Microsoft\.PowerShell\.Core\\Registry::', '' -replace '^HKEY_LOCAL_MACHINE\\', 'HKLM:\' -replace '^HKLM\\', 'HKLM:\').TrimEnd('\')]
  if ($null -eq $key) { return }
  $item = [ordered]@{}
  foreach ($valueName in $key.Values.Keys) {
    if (-not $Name -or $Name -contains $valueName) { $item[$valueName] = $key.Values[$valueName] }
  }
  if ($Name -and $item.Count -eq 0) { return }
  $item.PSPath = $key.PSPath
  $item.PSChildName = $key.Leaf
  [pscustomobject]$item
}

function Get-ChildItem {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$LiteralPath)
  $parent = ($LiteralPath -replace '^HKLM\\', 'HKLM:\').TrimEnd('\')
  foreach ($key in $global:Replay.Keys.Values) {
    if ($key.Parent -eq $parent) { [pscustomobject]@{ PSChildName = $key.Leaf; PSPath = $key.PSPath } }
  }
}

function Get-CimInstance {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$ClassName)
  if ($ClassName -ne 'Win32_OperatingSystem') { $global:Replay.Unreplayed.Add("Get-CimInstance $ClassName"); return }
  [pscustomobject]@{ OperatingSystemSKU = [uint32]$global:Replay.Device.sku }
}

function Get-Service {
  [CmdletBinding()]
  param([Parameter(Mandatory)][string]$Name)
  if ($global:Replay.Device.services -contains $Name) { [pscustomobject]@{ Name = $Name; Status = 'Running' } }
}

# The signed-in user's token. WindowsIdentity and WindowsPrincipal throw on Linux and macOS; type
# accelerators of the same names point the script's type literals at these stand-ins instead.
class ReplayIdentity {
  [string]$Name
  [object]$User
  static [ReplayIdentity] GetCurrent() {
    $account = $global:Replay.Device.user
    return [ReplayIdentity]@{ Name = $account.name; User = [pscustomobject]@{ Value = $account.sid } }
  }
}
class ReplayPrincipal {
  [object]$Identity
  ReplayPrincipal([object]$identity) { $this.Identity = $identity }
  [bool] IsInRole([System.Security.Principal.WindowsBuiltInRole]$role) {
    return $role -eq [System.Security.Principal.WindowsBuiltInRole]::Administrator -and [bool]$global:Replay.Device.user.elevated
  }
}
$accelerators = [psobject].Assembly.GetType('System.Management.Automation.TypeAccelerators')
foreach ($prefix in '', 'System.') {
  $accelerators::Add("${prefix}Security.Principal.WindowsIdentity", [ReplayIdentity])
  $accelerators::Add("${prefix}Security.Principal.WindowsPrincipal", [ReplayPrincipal])
}

# Runs a script against one replayed device and reports what it printed and did.
function Invoke-Replayed([string]$ScriptText, $Device) {
  $keys = [ordered]@{}
  foreach ($path in @($Device.registry.PSObject.Properties.Name | Sort-Object)) {
    $values = [ordered]@{}
    foreach ($value in $Device.registry.$path.PSObject.Properties) {
      # Registry DWORDs read as Int32; JSON numbers arrive as Int64.
      $values[$value.Name] = if ($value.Value -is [long]) { [int]$value.Value } else { $value.Value }
    }
    $keys[$path] = @{
      Values = $values
      Leaf = ($path -split '\\')[-1]
      Parent = $path.Substring(0, $path.LastIndexOf('\'))
      PSPath = 'Microsoft.PowerShell.Core\Registry::' + ($path -replace '^HKLM:\\', 'HKEY_LOCAL_MACHINE\')
    }
  }
  $global:Replay.Device = $Device
  $global:Replay.Keys = $keys
  $global:Replay.Calls = [System.Collections.Generic.List[string]]::new()
  $global:Replay.Writes = [System.Collections.Generic.List[string]]::new()
  $global:Replay.Unreplayed = [System.Collections.Generic.List[string]]::new()
  $env:SystemRoot = 'C:\Windows'
  $Error.Clear()
  $ExecutionContext.InvokeCommand.PreCommandLookupAction = $global:ReplayLookup
  try {
    $output = & ([scriptblock]::Create($ScriptText))
  } catch {
    $output = $null
  } finally {
    $ExecutionContext.InvokeCommand.PreCommandLookupAction = $null
  }
  [ordered]@{
    output = ($output -join "`n")
    errors = @($Error | ForEach-Object { "$_" })
    calls = @($global:Replay.Calls)
    writes = @($global:Replay.Writes)
    unreplayed = @($global:Replay.Unreplayed)
  }
}
