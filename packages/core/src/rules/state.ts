import type { Citation } from "../sources/sources.js";
import type { FactPath, FactValue } from "./device-facts.js";

// Every type below is derived from DEVICE_FACTS (device-facts.ts): a fact is added there, once. The
// edition ids themselves are Windows facts (windows/editions.ts), which DEVICE_FACTS lists.
export type { EditionId } from "../windows/editions.js";
export type FormFactor = FactValue<"formFactor">;
/** The signed-in account: an administrator, a standard user, or the built-in Administrator account. */
export type AccountKind = FactValue<"account">;
/**
 * What the device itself is joined to (a per-device fact, from dsregcmd's Device State): `hybrid` is
 * joined to Active Directory and registered in Microsoft Entra ID. A work account a user added is a
 * different, per-user fact (`workAccount`).
 */
export type JoinState = FactValue<"joined">;
export type ManagedBy = FactValue<"managedBy">;
export type SignInKind = FactValue<"tenant.signIn">;
export type StartPoint = FactValue<"startsFrom">;
export type BrowserKind = FactValue<"browser">;

type TopLevelPath = Exclude<FactPath, `${string}.${string}`>;
type TenantKey = FactPath extends infer P ? (P extends `tenant.${infer K}` ? K : never) : never;

/** Facts about the organisation's Microsoft Entra tenant (the `tenant.*` entries of DEVICE_FACTS). */
export type TenantState = { [K in TenantKey]?: FactValue<`tenant.${K}`> };

/**
 * What is known about a device and its tenant, one property per entry of `DEVICE_FACTS`. Every fact is
 * optional: a missing fact is unknown, and the rules answer `depends` where an unknown fact would
 * decide the outcome.
 */
export type DeviceState = { [K in TopLevelPath]?: FactValue<K> } & { tenant?: TenantState };

/** Keys of {@link DeviceState}: the top-level facts and `tenant`. */
export type DeviceFact = keyof DeviceState;

/** Where a fact came from: typed by a person, read from a command's output, or assumed. */
export interface FactSource {
  readonly kind: "user" | "dsregcmd" | "mdm-report" | "registry" | "default" | "other";
  /** Free text, such as the dsregcmd field the fact was read from (`AzureAdJoined : YES`). */
  readonly detail?: string;
  readonly source?: Citation;
}

/** Provenance kept beside a state, fact by fact (tenant facts as `tenant.<name>` or as `tenant`). */
export type DeviceStateProvenance = Partial<Record<DeviceFact | FactPath, FactSource>>;

/** A state together with where each fact came from. */
export interface DeviceStateWithProvenance {
  readonly state: DeviceState;
  readonly provenance: DeviceStateProvenance;
}
