import { DeviceStateError, readDeviceState } from "../rules/read-state.js";
import type {
  DeviceFact,
  DeviceState,
  DeviceStateProvenance,
  DeviceStateWithProvenance,
  EditionId,
  FactSource,
} from "../rules/state.js";
import type { Citation } from "../sources/sources.js";
import { type DsregcmdStatus, parseDsregcmd } from "./dsregcmd.js";
import { dsregcmdToDeviceState } from "./to-state.js";

/** The `format` value of the document `winenroll collect`'s script prints. */
export const COLLECTED_STATE_FORMAT = "winenroll-device-state/1";

/**
 * Windows' `EditionID` registry values (HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion) and the
 * edition the enrollment rules know them as. An ID not listed leaves the edition unknown.
 * Microsoft documents the names as what DISM reports for an image (Get-WindowsEdition) but publishes no
 * full list; this one is gathered from public scripts, hence both sources (`EDITION_ID_SOURCES`).
 */
export const WINDOWS_EDITION_IDS: readonly {
  readonly editionId: string;
  readonly edition: EditionId;
}[] = [
  { editionId: "Core", edition: "home" },
  { editionId: "CoreN", edition: "home" },
  { editionId: "CoreSingleLanguage", edition: "home" },
  { editionId: "CoreCountrySpecific", edition: "home" },
  { editionId: "Professional", edition: "pro" },
  { editionId: "ProfessionalN", edition: "pro" },
  { editionId: "ProfessionalWorkstation", edition: "pro" },
  { editionId: "ProfessionalEducation", edition: "pro-education" },
  { editionId: "ProfessionalEducationN", edition: "pro-education" },
  { editionId: "Enterprise", edition: "enterprise" },
  { editionId: "EnterpriseN", edition: "enterprise" },
  { editionId: "EnterpriseS", edition: "enterprise" },
  { editionId: "EnterpriseSN", edition: "enterprise" },
  { editionId: "Education", edition: "education" },
  { editionId: "EducationN", edition: "education" },
  { editionId: "CloudEdition", edition: "se" },
  { editionId: "CloudEditionN", edition: "se" },
  { editionId: "IoTEnterprise", edition: "iot-enterprise" },
  { editionId: "IoTEnterpriseS", edition: "iot-enterprise" },
];

/** Where the `EditionID` names above come from. */
export const EDITION_ID_SOURCES: readonly Citation[] = [
  {
    doc: "get-windowsedition",
    section: "Get-WindowsEdition -Online prints the running edition's ID",
  },
  { doc: "windows-registry-observed", section: "EditionID values" },
];

const SOURCE_KINDS: readonly FactSource["kind"][] = [
  "user",
  "dsregcmd",
  "mdm-report",
  "registry",
  "default",
  "other",
];

/** A collected device state: the facts, where each came from, and what dsregcmd said, if given. */
export interface CollectedState extends DeviceStateWithProvenance {
  /** The parsed `dsregcmd /status` text the document carried, if any. */
  readonly dsregcmd?: DsregcmdStatus;
}

/**
 * Reads a device state from JSON: either a plain state (`{"edition":"pro"}`) or the document the
 * `winenroll collect` script prints (`format`, `state`, `provenance`, `dsregcmd` text and the raw
 * readings). The dsregcmd text is parsed here, by the same parser as a paste, and fills the join
 * and tenant facts; the script's own facts win where both speak. Problems are thrown together as a
 * {@link DeviceStateError}.
 *
 * @example
 * readCollectedState({ format: "winenroll-device-state/1", state: { edition: "pro" },
 *   provenance: { edition: { kind: "registry", detail: "EditionID = Professional" } } }).state.edition;
 * // "pro"
 */
export function readCollectedState(input: unknown): CollectedState {
  if (
    typeof input !== "object" ||
    input === null ||
    Array.isArray(input) ||
    !("format" in input || "provenance" in input)
  )
    return { state: readDeviceState(input), provenance: {} };
  const doc = input as Record<string, unknown>;
  const problems: string[] = [];
  if (doc.format !== undefined && doc.format !== COLLECTED_STATE_FORMAT)
    problems.push(`format: "${String(doc.format)}" is not ${COLLECTED_STATE_FORMAT}.`);
  let own: DeviceState = {};
  try {
    own = readDeviceState(doc.state ?? {});
  } catch (error) {
    if (!(error instanceof DeviceStateError)) throw error;
    problems.push(...error.problems.map((p) => `state.${p}`));
  }
  const provenance: DeviceStateProvenance = {};
  const raw = doc.provenance ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    problems.push("provenance: use an object keyed by fact.");
  else
    for (const [fact, value] of Object.entries(raw)) {
      const v = value as Partial<FactSource> | null;
      if (typeof v !== "object" || v === null || !SOURCE_KINDS.includes(v.kind as never)) {
        problems.push(
          `provenance.${fact}: use { kind, detail } with kind ${SOURCE_KINDS.join(", ")}.`,
        );
        continue;
      }
      provenance[fact as DeviceFact] = {
        kind: v.kind!,
        ...(typeof v.detail === "string" ? { detail: v.detail } : {}),
      };
    }
  if (doc.dsregcmd !== undefined && doc.dsregcmd !== null && typeof doc.dsregcmd !== "string")
    problems.push("dsregcmd: use the text dsregcmd /status printed, as one string.");
  if (problems.length) throw new DeviceStateError(problems);

  if (typeof doc.dsregcmd !== "string" || doc.dsregcmd.trim() === "")
    return { state: own, provenance };
  const dsregcmd = parseDsregcmd(doc.dsregcmd);
  const fromDsregcmd = dsregcmdToDeviceState(dsregcmd);
  const state: DeviceState = { ...fromDsregcmd.state, ...own };
  const merged: DeviceStateProvenance = { ...fromDsregcmd.provenance };
  for (const key of Object.keys(own) as DeviceFact[])
    if (provenance[key]) merged[key] = provenance[key];
    else delete merged[key];
  return { state, provenance: merged, dsregcmd };
}
