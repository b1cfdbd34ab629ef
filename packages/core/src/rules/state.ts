import type { Citation } from "../sources/sources.js";
import type { EditionId } from "../windows/editions.js";

export type { EditionId };

export type FormFactor = "desktop" | "mobile";
/** The signed-in account: an administrator, a standard user, or the built-in Administrator account. */
export type AccountKind = "admin" | "standard" | "builtin-admin";
/**
 * What the device itself is joined to. A hybrid device (joined to Active Directory and registered in
 * Entra) is `"ad"`: Windows treats it as domain-joined for these rules, and the Entra registration is
 * what `workAccount` records.
 */
export type JoinState = "none" | "ad" | "entra";
export type ManagedBy = "none" | "mdm" | "configmgr";
export type SignInKind = "managed" | "federated";
export type StartPoint = "oobe" | "settings" | "deep-link" | "app";
export type BrowserKind = "edge" | "internet-explorer" | "other";

/**
 * What is known about a device and its tenant. Every fact is optional: a missing fact is unknown, and
 * the rules answer `depends` where an unknown fact would decide the outcome.
 */
export interface DeviceState {
  /** The Windows edition. */
  edition?: EditionId;
  /** Release or build, in any form {@link parseWindowsVersion} accepts: `22H2`, `Windows 11 23H2`, `19045.3803`. */
  release?: string;
  /** Desktop PC or phone (Windows 10 Mobile). */
  formFactor?: FormFactor;
  /** The account the person is signed in with. */
  account?: AccountKind;
  /** What the device is joined to. */
  joined?: JoinState;
  /** A work or school account is already added on the device. */
  workAccount?: boolean;
  /** What already manages the device. */
  managedBy?: ManagedBy;
  /** The "Disable MDM Enrollment" group policy is on. */
  mdmEnrollmentDisabledByPolicy?: boolean;
  /** The AllowManualMDMUnenrollment policy value (true = the user may disconnect). */
  allowManualMdmUnenrollment?: boolean;
  /** The account's tenant. */
  tenant?: TenantState;
  /** Automatic discovery finds an enrollment endpoint for the user's domain. */
  discoveryFindsEndpoint?: boolean;
  /** The default browser a deep link is opened from. */
  browser?: BrowserKind;
  /** Where the person starts connecting. */
  startsFrom?: StartPoint;
}

/** Facts about the organisation's Microsoft Entra tenant. */
export interface TenantState {
  /** The user's account exists in the tenant. */
  userFound?: boolean;
  /** MDM auto-enrollment is configured for the tenant. */
  autoEnrollment?: boolean;
  /** Managed (cloud) or federated sign-in. */
  signIn?: SignInKind;
}

/** Keys of {@link DeviceState}. */
export type DeviceFact = keyof DeviceState;

/** Where a fact came from: typed by a person, read from a command's output, or assumed. */
export interface FactSource {
  readonly kind: "user" | "dsregcmd" | "mdm-report" | "registry" | "default" | "other";
  /** Free text, such as the dsregcmd field the fact was read from (`AzureAdJoined : YES`). */
  readonly detail?: string;
  readonly source?: Citation;
}

/** Provenance kept beside a state, fact by fact. */
export type DeviceStateProvenance = Partial<Record<DeviceFact, FactSource>>;

/** A state together with where each fact came from. */
export interface DeviceStateWithProvenance {
  readonly state: DeviceState;
  readonly provenance: DeviceStateProvenance;
}

/** Every fact key, in the order forms and tables list them. */
export const DEVICE_FACTS: readonly DeviceFact[] = [
  "edition",
  "release",
  "formFactor",
  "account",
  "joined",
  "workAccount",
  "managedBy",
  "mdmEnrollmentDisabledByPolicy",
  "allowManualMdmUnenrollment",
  "tenant",
  "discoveryFindsEndpoint",
  "browser",
  "startsFrom",
];
