import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { collectScript } from "../../src/collect/script.js";
import { run } from "../support/cli.js";
import { COLLECT_READ_ONLY_COMMANDS } from "../support/collect-commands.js";
import { beforeAllInPwsh, runPwshJson, supportScript } from "./support/pwsh.js";
import { type AstNode, WINDOWS_POWERSHELL_51_GAPS } from "./support/windows-powershell-51.js";

// The collection script, run in PowerShell 7 against replayed Windows devices (support/windows-replay.ps1):
// every real dsregcmd /status text the tests hold, each on every replayed machine.

const FIXTURES = new URL("../../../../packages/core/src/device/fixtures/", import.meta.url);
/** Paste damage, not what dsregcmd prints into a pipeline: read by the parser's own tests. */
const PASTE_VARIANTS = ["console-wrapped.txt", "line-numbered.txt"];
const DSREGCMD_TEXTS: Record<string, string> = Object.fromEntries([
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt") && !PASTE_VARIANTS.includes(f))
    .map((f) => [f, readFileSync(new URL(f, FIXTURES), "utf8")]),
  [
    "collected-device.json (hybrid joined)",
    JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../fixtures/collected-device.json", import.meta.url)),
        "utf8",
      ),
    ).dsregcmd as string,
  ],
]);

const CURRENT_VERSION = "HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
const MDM_POLICY = "HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows\\CurrentVersion\\MDM";
const ENROLLMENTS = "HKLM:\\SOFTWARE\\Microsoft\\Enrollments";
const EXPERIENCE = "HKLM:\\SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Experience";
const ADMINISTRATORS = "S-1-5-32-544";
const USERS = "S-1-5-32-545";

/**
 * A replayed machine: what its registry, WMI, services and token hold, and the same facts said as
 * `check` flags — written by hand, so the script's reading of the registry is checked, not copied.
 */
interface Machine {
  readonly name: string;
  readonly registry: Record<string, Record<string, string | number>>;
  readonly sku: number;
  readonly user: { name: string; sid: string; groups: string[]; elevated: boolean };
  readonly services: string[];
  readonly flags: string[];
}

const MACHINES: readonly Machine[] = [
  {
    name: "Pro 22H2, standard user, nothing manages it",
    registry: {
      [CURRENT_VERSION]: {
        EditionID: "Professional",
        CurrentBuildNumber: "19045",
        UBR: 3803,
        DisplayVersion: "22H2",
      },
      // Windows keeps bookkeeping keys under Enrollments that are no enrollment.
      [`${ENROLLMENTS}\\Context`]: { LastLoggedOnUser: "x" },
    },
    sku: 48,
    user: { name: "CONTOSO\\sam", sid: "S-1-5-21-1-2-3-1104", groups: [USERS], elevated: false },
    services: [],
    flags: [
      "--edition",
      "pro",
      "--build",
      "19045.3803",
      "--account",
      "standard",
      "--managed",
      "none",
      "--no-mdm-enrollment-disabled",
    ],
  },
  {
    name: "Enterprise 23H2, administrator not elevated, Configuration Manager client",
    registry: {
      [CURRENT_VERSION]: {
        EditionID: "Enterprise",
        CurrentBuildNumber: "22631",
        UBR: 4460,
        DisplayVersion: "23H2",
      },
    },
    sku: 4,
    user: {
      name: "CORP\\alex",
      sid: "S-1-5-21-1-2-3-1107",
      groups: [USERS, ADMINISTRATORS],
      elevated: false,
    },
    services: ["CcmExec"],
    flags: [
      "--edition",
      "enterprise",
      "--build",
      "22631.4460",
      "--account",
      "admin",
      "--managed",
      "configmgr",
      "--no-mdm-enrollment-disabled",
    ],
  },
  {
    name: "Home, the built-in Administrator",
    registry: {
      [CURRENT_VERSION]: {
        EditionID: "Core",
        CurrentBuildNumber: "22621",
        UBR: 2861,
        DisplayVersion: "22H2",
      },
    },
    sku: 101,
    user: {
      name: "PC\\Administrator",
      sid: "S-1-5-21-7-8-9-500",
      groups: [USERS, ADMINISTRATORS],
      elevated: true,
    },
    services: [],
    flags: [
      "--edition",
      "home",
      "--build",
      "22621.2861",
      "--account",
      "builtin-admin",
      "--managed",
      "none",
      "--no-mdm-enrollment-disabled",
    ],
  },
  {
    name: "Education, enrolled in an MDM, enrollment off by policy, manual unenrollment off",
    registry: {
      [CURRENT_VERSION]: {
        EditionID: "Education",
        CurrentBuildNumber: "19045",
        UBR: 4170,
        DisplayVersion: "22H2",
      },
      [`${ENROLLMENTS}\\0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0`]: {
        ProviderID: "MS DM Server",
        UPN: "pupil@school.example",
        EnrollmentState: 1,
        EnrollmentType: 6,
        DiscoveryServiceFullURL:
          "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
      },
      [`${ENROLLMENTS}\\Status`]: {},
      [MDM_POLICY]: { DisableRegistration: 1 },
      [EXPERIENCE]: { AllowManualMDMUnenrollment: 0 },
    },
    sku: 121,
    user: {
      name: "SCHOOL\\it",
      sid: "S-1-5-21-4-5-6-1001",
      groups: [USERS, ADMINISTRATORS],
      elevated: true,
    },
    services: [],
    flags: [
      "--edition",
      "education",
      "--build",
      "19045.4170",
      "--account",
      "admin",
      "--managed",
      "mdm",
      "--mdm-enrollment-disabled",
    ],
  },
  {
    name: "SE, standard user, MDM enrollment explicitly allowed by policy",
    registry: {
      [CURRENT_VERSION]: {
        EditionID: "CloudEdition",
        CurrentBuildNumber: "22631",
        UBR: 3007,
        DisplayVersion: "23H2",
      },
      [MDM_POLICY]: { DisableRegistration: 0 },
    },
    sku: 203,
    user: { name: "SCHOOL\\kid", sid: "S-1-5-21-4-5-6-1002", groups: [USERS], elevated: false },
    services: [],
    flags: [
      "--edition",
      "se",
      "--build",
      "22631.3007",
      "--account",
      "standard",
      "--managed",
      "none",
      "--no-mdm-enrollment-disabled",
    ],
  },
  {
    name: "an EditionID core does not know, and no UBR",
    registry: {
      [CURRENT_VERSION]: { EditionID: "ServerStandard", CurrentBuildNumber: "17763" },
    },
    sku: 7,
    user: { name: "CORP\\ops", sid: "S-1-5-21-1-2-3-1200", groups: [USERS], elevated: false },
    services: [],
    flags: [
      "--build",
      "17763",
      "--account",
      "standard",
      "--managed",
      "none",
      "--no-mdm-enrollment-disabled",
    ],
  },
];

const WRITES_APPENDED = [
  "Set-ItemProperty -LiteralPath 'HKLM:\\SOFTWARE\\x' -Name y -Value 1",
  "sp 'HKLM:\\SOFTWARE\\x' y 1",
  "New-Item -Path 'HKLM:\\SOFTWARE\\x'",
  "Remove-ItemProperty -LiteralPath 'HKLM:\\SOFTWARE\\x' -Name y",
  "reg add HKLM\\SOFTWARE\\x /v y /d 1 /f",
  "Set-Service -Name CcmExec -StartupType Disabled",
  '& "$env:SystemRoot\\System32\\dsregcmd.exe" /leave',
  "'x' | Out-File C:\\x.txt",
];

interface ReplayedRun {
  readonly output: string;
  readonly errors: string[];
  readonly calls: string[];
  readonly writes: string[];
  readonly unreplayed: string[];
}
interface Report {
  readonly parse: { errors: string[]; nodes: AstNode[] }[];
  readonly runs: ReplayedRun[];
}

const script = collectScript();
const runs = Object.entries(DSREGCMD_TEXTS).flatMap(([fixture, dsregcmd]) =>
  MACHINES.map((machine) => ({ fixture, machine, device: { ...machine, dsregcmd } })),
);
const writeProbes = WRITES_APPENDED.map((line) => ({
  line,
  device: { ...MACHINES[0]!, dsregcmd: DSREGCMD_TEXTS["none.txt"] },
}));

let report: Report;
beforeAllInPwsh(() => {
  report = runPwshJson<Report>(
    [
      supportScript("ast.ps1"),
      supportScript("windows-replay.ps1"),
      "$HarnessParse = @(foreach ($HarnessText in $Data.parse) { Get-AstReport $HarnessText })",
      "$HarnessRuns = @(foreach ($HarnessRun in $Data.runs) { Invoke-Replayed $HarnessRun.script $HarnessRun.device })",
      "[ordered]@{ parse = $HarnessParse; runs = $HarnessRuns } | ConvertTo-Json -Depth 10 -Compress",
    ].join("\n"),
    {
      parse: [script, ...WINDOWS_POWERSHELL_51_GAPS.map((g) => g.example)],
      runs: [
        ...runs.map((r) => ({ script, device: r.device })),
        ...writeProbes.map((p) => ({ script: `${script}\n${p.line}\n`, device: p.device })),
      ],
    },
  );
});

const resultOf = (index: number) => report.runs[index]!;

describe("the collection script in PowerShell 7", () => {
  it("parses with PowerShell's parser without errors", () => {
    expect(report.parse[0]!.errors).toEqual([]);
    expect(report.parse[0]!.nodes.length).toBeGreaterThan(100);
  });

  it("uses nothing that Windows PowerShell 5.1 lacks", () => {
    const used = WINDOWS_POWERSHELL_51_GAPS.filter((gap) => report.parse[0]!.nodes.some(gap.uses));
    expect(used.map((g) => `${g.what} (PowerShell ${g.since}, ${g.source})`)).toEqual([]);
  });

  it.each(WINDOWS_POWERSHELL_51_GAPS.map((gap, i) => [gap.id, gap, i + 1] as const))(
    "the 5.1 check %s fires on PowerShell that uses it",
    (_, gap, index) => {
      expect(report.parse[index]!.errors).toEqual([]);
      expect(report.parse[index]!.nodes.some(gap.uses)).toBe(true);
    },
  );

  it.each(runs.map((r, i) => [r.fixture, r.machine.name, r, i] as const))(
    "dsregcmd %s on %s: check --state gives the verdicts check --dsregcmd gives",
    async (_, __, { machine, device }, index) => {
      const replayed = resultOf(index);
      expect(replayed.errors).toEqual([]);
      expect(replayed.unreplayed).toEqual([]);
      expect(replayed.writes).toEqual([]);
      const fromState = await run(["check", "--state", "-", "--json"], { stdin: replayed.output });
      const fromDsregcmd = await run(["check", "--dsregcmd", "-", ...machine.flags, "--json"], {
        stdin: device.dsregcmd,
      });
      expect(fromState.code, fromState.stderr).toBe(0);
      expect(fromDsregcmd.code, fromDsregcmd.stderr).toBe(0);
      const state = JSON.parse(fromState.stdout);
      const dsregcmd = JSON.parse(fromDsregcmd.stdout);
      expect(state.methods).toEqual(dsregcmd.methods);
      // The same facts, each from where it should come: the registry or the token, or dsregcmd.
      for (const [fact, origin] of Object.entries(dsregcmd.provenance) as [
        string,
        { kind: string },
      ][]) {
        expect(state.provenance[fact], fact).toBeDefined();
        if (origin.kind === "dsregcmd") expect(state.provenance[fact].kind, fact).toBe("dsregcmd");
      }
    },
  );

  it("reads the enrollment entries and the unenrollment policy from the registry", () => {
    const enrolled = runs.findIndex((r) => r.machine.name.startsWith("Education"));
    const doc = JSON.parse(resultOf(enrolled).output);
    expect(doc.readings.Enrollments).toEqual([
      expect.objectContaining({
        id: "0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0",
        providerId: "MS DM Server",
        enrollmentState: 1,
      }),
    ]);
    expect(doc.state).toMatchObject({
      managedBy: "mdm",
      allowManualMdmUnenrollment: false,
      mdmEnrollmentDisabledByPolicy: true,
    });
  });

  it("calls only commands that read", () => {
    const READS = new Set([
      ...COLLECT_READ_ONLY_COMMANDS,
      // native programs: whoami by name, dsregcmd by its full path (the replay also logs its switch)
      "whoami",
      "C:\\Windows\\System32\\dsregcmd.exe",
      "dsregcmd /status",
    ]);
    const called = new Set(report.runs.slice(0, runs.length).flatMap((r) => r.calls));
    expect([...called].filter((c) => !READS.has(c))).toEqual([]);
    expect(called).toContain("dsregcmd /status");
  });

  it.each(writeProbes.map((p, i) => [p.line, runs.length + i] as const))(
    "the write guard catches %s",
    (_, index) => {
      expect(resultOf(index).writes).toHaveLength(1);
    },
  );
});
