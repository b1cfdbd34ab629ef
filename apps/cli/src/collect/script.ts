import {
  type Citation,
  COLLECTED_STATE_FORMAT,
  EDITION_ID_SOURCES,
  formatCitation,
  WINDOWS_EDITION_IDS,
} from "@winenroll/core";

/** What each part of the script relies on, printed in it as `# Source:` lines. */
const SCRIPT_SOURCES: Readonly<Record<string, readonly Citation[]>> = {
  __SOURCES_EDITION__: EDITION_ID_SOURCES,
  __SOURCES_ACCOUNT__: [
    {
      doc: "well-known-sids",
      section: "BUILTIN\\Administrators is S-1-5-32-544; the Administrator account's RID is 500",
    },
  ],
  __SOURCES_MANAGER__: [
    {
      doc: "configmgr-client-wmi",
      section: "the Configuration Manager client runs as the CCMEXEC service",
    },
  ],
  __SOURCES_POLICY__: [
    { doc: "policy-csp-experience", section: "the policy and its values" },
    {
      doc: "windows-registry-observed",
      section: "PolicyManager\\current\\device mirrors applied Policy CSP settings",
    },
  ],
};

const sourceLines = (citations: readonly Citation[]): string =>
  citations.map((c) => `# Source: ${formatCitation(c)}`).join("\n");

/**
 * The PowerShell script `winenroll collect` prints. It only reads (registry values, the current
 * token, a service's presence, dsregcmd /status) and prints one JSON document that
 * `winenroll check --state` reads. The EditionID table is written from core's data, so the script
 * and the rules cannot disagree about editions.
 */
export function collectScript(): string {
  const editions = WINDOWS_EDITION_IDS.map((e) => `  '${e.editionId}' = '${e.edition}'`).join("\n");
  let script = SCRIPT.replace("__EDITIONS__", editions).replace(
    "__FORMAT__",
    COLLECTED_STATE_FORMAT,
  );
  for (const [marker, citations] of Object.entries(SCRIPT_SOURCES)) {
    script = script.replace(marker, sourceLines(citations));
  }
  return script;
}

const SCRIPT = String.raw`# winenroll collect: what this device says about itself, for "winenroll check --state".
# It only READS: registry values, the current user's token, the services list and dsregcmd /status.
# It writes nothing and makes no network call. Run it as the user who will enroll, in a normal
# (not elevated) PowerShell window: dsregcmd prints the user's own facts only in that context.
#   powershell -NoProfile -ExecutionPolicy Bypass -File collect.ps1 > device.json
$ErrorActionPreference = 'SilentlyContinue'
$state = [ordered]@{}
$provenance = [ordered]@{}
$readings = [ordered]@{}
function Read-Value([string]$Path, [string]$Name) {
  $item = Get-ItemProperty -LiteralPath $Path -Name $Name -ErrorAction SilentlyContinue
  if ($null -ne $item) { return $item.$Name }
  return $null
}
function Note([string]$Fact, [string]$Kind, [string]$Detail) {
  $provenance[$Fact] = [ordered]@{ kind = $Kind; detail = $Detail }
}

# 1. Edition, build and release (EditionID and OperatingSystemSKU; build, UBR, DisplayVersion).
__SOURCES_EDITION__
$cv = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$editionId = Read-Value $cv 'EditionID'
$sku = (Get-CimInstance -ClassName Win32_OperatingSystem).OperatingSystemSKU
$build = Read-Value $cv 'CurrentBuildNumber'
$ubr = Read-Value $cv 'UBR'
$displayVersion = Read-Value $cv 'DisplayVersion'
$readings.EditionID = $editionId
$readings.OperatingSystemSKU = $sku
$readings.CurrentBuildNumber = $build
$readings.UBR = $ubr
$readings.DisplayVersion = $displayVersion
$editions = @{
__EDITIONS__
}
if ($editionId -and $editions.ContainsKey([string]$editionId)) {
  $state.edition = $editions[[string]$editionId]
  Note 'edition' 'registry' "EditionID = $editionId (OperatingSystemSKU $sku)"
}
if ($build) {
  $state.release = if ($null -ne $ubr) { "$build.$ubr" } else { "$build" }
  Note 'release' 'registry' "CurrentBuildNumber = $build, UBR = $ubr, DisplayVersion = $displayVersion"
}

# 2. The account: the built-in Administrator, a member of Administrators, or a standard user.
#    whoami /groups lists Administrators even when this session is not elevated (as deny-only).
__SOURCES_ACCOUNT__
$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
$principal = [Security.Principal.WindowsPrincipal]::new($identity)
$elevated = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
$builtIn = $identity.User.Value -match '^S-1-5-21-.*-500$'
$adminMember = $elevated -or [bool](whoami /groups /fo csv | Select-String -SimpleMatch 'S-1-5-32-544')
$readings.UserSid = $identity.User.Value
$readings.IsAdministrator = $adminMember
$readings.IsElevated = $elevated
$readings.IsBuiltInAdministrator = $builtIn
if ($builtIn) { $state.account = 'builtin-admin' } elseif ($adminMember) { $state.account = 'admin' } else { $state.account = 'standard' }
Note 'account' 'other' "whoami /groups and the token of $($identity.Name): administrator $adminMember, elevated $elevated, built-in Administrator (RID 500) $builtIn"

# 3. dsregcmd /status, kept as text: winenroll parses it (join state, tenant, MDM URLs, PRT).
$dsregcmd = (& "$env:SystemRoot\System32\dsregcmd.exe" /status) -join [Environment]::NewLine

# 4. What already manages the device: MDM enrollments in the registry, the Configuration Manager client.
#    Enrollments entries are plain registry keys: an administrator can create or copy them, so they
#    can be forged. They say what Windows has recorded, not what a server agrees to.
__SOURCES_MANAGER__
$enrollments = @()
foreach ($key in Get-ChildItem -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Enrollments') {
  $p = Get-ItemProperty -LiteralPath $key.PSPath
  if ($p.ProviderID -or $p.UPN -or $p.DiscoveryServiceFullURL) {
    $enrollments += [ordered]@{
      id = $key.PSChildName; providerId = $p.ProviderID; upn = $p.UPN
      enrollmentState = $p.EnrollmentState; enrollmentType = $p.EnrollmentType
      discoveryUrl = $p.DiscoveryServiceFullURL
    }
  }
}
$readings.Enrollments = $enrollments
$readings.EnrollmentsNote = 'registry entries can be forged; treat them as a claim'
$ccm = Get-Service -Name 'CcmExec'
$readings.ConfigMgrClient = [bool]$ccm
if ($enrollments.Count -gt 0) {
  $state.managedBy = 'mdm'
  Note 'managedBy' 'registry' "HKLM\SOFTWARE\Microsoft\Enrollments: $($enrollments.Count) entry(ies) with a ProviderID or UPN, first $($enrollments[0].providerId) (can be forged); Configuration Manager client $([bool]$ccm)"
} elseif ($ccm) {
  $state.managedBy = 'configmgr'
  Note 'managedBy' 'other' 'the Configuration Manager client service (CcmExec) is installed'
} else {
  $state.managedBy = 'none'
  Note 'managedBy' 'registry' 'no MDM entry under HKLM\SOFTWARE\Microsoft\Enrollments and no CcmExec service'
}

# 5. Policies: Disable MDM Enrollment (DisableRegistration), AutoEnrollMDM, AllowManualMDMUnenrollment.
__SOURCES_POLICY__
$mdmPolicy = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\MDM'
$disable = Read-Value $mdmPolicy 'DisableRegistration'
$readings.DisableRegistration = $disable
$readings.AutoEnrollMDM = Read-Value $mdmPolicy 'AutoEnrollMDM'
$state.mdmEnrollmentDisabledByPolicy = ($disable -eq 1)
Note 'mdmEnrollmentDisabledByPolicy' 'registry' "$mdmPolicy\DisableRegistration = $disable"
$unenroll = Read-Value 'HKLM:\SOFTWARE\Microsoft\PolicyManager\current\device\Experience' 'AllowManualMDMUnenrollment'
$readings.AllowManualMDMUnenrollment = $unenroll
if ($null -ne $unenroll) {
  $state.allowManualMdmUnenrollment = ($unenroll -ne 0)
  Note 'allowManualMdmUnenrollment' 'registry' "PolicyManager\current\device\Experience\AllowManualMDMUnenrollment = $unenroll"
} else {
  $state.allowManualMdmUnenrollment = $true
  Note 'allowManualMdmUnenrollment' 'default' 'no policy set; the policy default is 1 (allowed)'
}

# One JSON document on standard output.
[ordered]@{
  format = '__FORMAT__'
  collectedAt = (Get-Date).ToUniversalTime().ToString('o')
  state = $state
  provenance = $provenance
  dsregcmd = $dsregcmd
  readings = $readings
} | ConvertTo-Json -Depth 6
`;
