import { COLLECTED_STATE_FORMAT } from "@winenroll/core";
import type { Command } from "commander";
import { collectScript } from "../collect/script.js";
import type { CommandContext } from "../context.js";
import { withExamples } from "../examples.js";
import { toJson } from "../output/json.js";

interface CollectOptions {
  readonly json?: boolean;
}

/** What the script reads, in the order it reads it; listed in --json and checked by the tests. */
export const COLLECTED_READINGS = [
  "EditionID",
  "OperatingSystemSKU",
  "CurrentBuildNumber",
  "UBR",
  "DisplayVersion",
  "IsAdministrator",
  "IsElevated",
  "IsBuiltInAdministrator",
  "dsregcmd /status",
  "Enrollments",
  "ConfigMgrClient",
  "DisableRegistration",
  "AutoEnrollMDM",
  "AllowManualMDMUnenrollment",
] as const;

export function registerCollectCommand(program: Command, context: CommandContext): Command {
  return withExamples(program.command("collect"), [
    "winenroll collect > collect.ps1",
    "powershell -NoProfile -ExecutionPolicy Bypass -File collect.ps1 > device.json",
    "winenroll check --state device.json",
  ])
    .description(
      "print a read-only PowerShell script that gathers this device's enrollment facts as JSON for check --state",
    )
    .option("--json", "print the script and what it reads as JSON")
    .action((options: CollectOptions) => {
      const script = collectScript();
      if (options.json) {
        context.out(toJson({ format: COLLECTED_STATE_FORMAT, reads: COLLECTED_READINGS, script }));
        return;
      }
      context.out(script);
      context.err(
        "Save this as collect.ps1 and run it on the device as the user who will enroll (not elevated); it reads only and makes no network call. Then: winenroll check --state device.json",
      );
    });
}
