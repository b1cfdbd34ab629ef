import type { Citation } from "../sources/sources.js";
import { EDITION_IDS } from "../windows/editions.js";

/**
 * A second flag the CLI accepts for a fact: `--build` for the release, `--mobile` for the form factor.
 * `value` is what a switch (a flag without an argument) sets.
 */
export interface DeviceFactAlias {
  readonly flag: string;
  readonly help: string;
  readonly value?: string;
}

interface DeviceFactBase {
  /** Where the fact sits in a device state; facts of the tenant are `tenant.<name>`. */
  readonly path: string;
  /** What people see: form labels, CLI output, docs tables. */
  readonly label: string;
  /** One line saying what the fact means. */
  readonly help: string;
  /** The `winenroll check` flag, as commander writes it; a boolean also gets its `--no-` form. */
  readonly flag: string;
  readonly aliases?: readonly DeviceFactAlias[];
  /** The document that defines the fact or the rules that read it. */
  readonly source: Citation;
}

/** One fact about a device or its tenant: a choice among values, a yes/no, or a Windows version. */
export type DeviceFactDefinition =
  | (DeviceFactBase & { readonly kind: "choice"; readonly values: readonly string[] })
  | (DeviceFactBase & { readonly kind: "boolean" })
  | (DeviceFactBase & { readonly kind: "version" });

const seed = (section: string): Citation => ({ doc: "mdm-enrollment-2017", section });

/**
 * Every fact the enrollment rules can read, in the order forms and tables list them. The device
 * state type, its reader, the rule language's fact paths, the CLI's `check` flags, the web checker's
 * form and the docs' reference table are all derived from this table: adding a fact is one entry.
 */
export const DEVICE_FACTS = [
  {
    path: "edition",
    kind: "choice",
    values: EDITION_IDS,
    label: "Edition",
    help: "The Windows edition; mobile stands for the legacy Windows 10 Mobile editions.",
    flag: "--edition <edition>",
    source: seed("Help with connecting to an Active Directory domain"),
  },
  {
    path: "release",
    kind: "version",
    label: "Release or build",
    help: "The Windows release or build: 1709, 22H2, Windows 11 23H2, 19045.3803.",
    flag: "--release <version>",
    aliases: [
      {
        flag: "--build <build>",
        help: "OS build, with the servicing revision if known: 19045.3803",
      },
    ],
    source: {
      doc: "mdm-enrollment-intermediate",
      section: "Connecting your Windows 10-based device to work using a deep link",
    },
  },
  {
    path: "formFactor",
    kind: "choice",
    values: ["desktop", "mobile"],
    label: "Form factor",
    help: "A desktop PC, or a phone running Windows 10 Mobile.",
    flag: "--form-factor <kind>",
    aliases: [
      {
        flag: "--mobile",
        help: "the device is a phone (same as --form-factor mobile)",
        value: "mobile",
      },
    ],
    source: seed("Connecting your device to an Active Directory domain (note)"),
  },
  {
    path: "account",
    kind: "choice",
    values: ["admin", "standard", "builtin-admin"],
    label: "Account",
    help: "The signed-in account: an administrator, a standard user, or the built-in Administrator.",
    flag: "--account <kind>",
    source: seed("Help with connecting personally-owned devices"),
  },
  {
    path: "joined",
    kind: "choice",
    values: ["none", "ad", "hybrid", "entra"],
    label: "Joined to",
    help: "What the device itself is joined to: nothing, an Active Directory domain, a domain and Microsoft Entra ID (hybrid), or Microsoft Entra ID.",
    flag: "--joined <what>",
    source: { doc: "dsregcmd-troubleshoot", section: "Device state (join type table)" },
  },
  {
    path: "workAccount",
    kind: "boolean",
    label: "Work account added by this user",
    help: "The signed-in user has added a work or school account (the device is Entra registered for this user); a per-user fact, not the device's join.",
    flag: "--work-account",
    source: { doc: "dsregcmd-troubleshoot", section: "User state (WorkplaceJoined)" },
  },
  {
    path: "managedBy",
    kind: "choice",
    values: ["none", "mdm", "configmgr"],
    label: "Managed by",
    help: "What already manages the device: nothing, an MDM server, or Configuration Manager.",
    flag: "--managed <by>",
    source: seed("Help with connecting personally-owned devices"),
  },
  {
    path: "mdmEnrollmentDisabledByPolicy",
    kind: "boolean",
    label: "Disable MDM enrollment policy on",
    help: 'The "Disable MDM Enrollment" group policy (DisableRegistration) is on.',
    flag: "--mdm-enrollment-disabled",
    source: { doc: "wid-mobile-device-enrollment", section: "Enrollment of domain-joined PCs" },
  },
  {
    path: "allowManualMdmUnenrollment",
    kind: "boolean",
    label: "Manual MDM unenrollment allowed",
    help: "The AllowManualMDMUnenrollment policy lets the user disconnect the MDM enrollment.",
    flag: "--allow-manual-unenrollment",
    source: { doc: "policy-csp-experience", section: "AllowManualMDMUnenrollment" },
  },
  {
    path: "tenant.userFound",
    kind: "boolean",
    label: "User found in the tenant",
    help: "The user's account exists in the organisation's Microsoft Entra tenant.",
    flag: "--user-found",
    source: seed("Help with connecting personally-owned devices"),
  },
  {
    path: "tenant.autoEnrollment",
    kind: "boolean",
    label: "Tenant MDM auto-enrollment",
    help: "The tenant has MDM auto-enrollment configured, so joining Entra ID also enrolls in MDM.",
    flag: "--auto-enrollment",
    source: seed("Help with connecting to an Azure AD domain"),
  },
  {
    path: "tenant.signIn",
    kind: "choice",
    values: ["managed", "federated"],
    label: "Tenant sign-in",
    help: "Managed (cloud) sign-in, or federated to an on-premises server such as AD FS.",
    flag: "--sign-in <kind>",
    source: seed("Connecting your device to an Azure AD domain (Join Azure AD)"),
  },
  {
    path: "discoveryFindsEndpoint",
    kind: "boolean",
    label: "Discovery finds a server",
    help: "Automatic discovery finds an enrollment server for the domain of the user name.",
    flag: "--discovery-finds-endpoint",
    source: seed("Help with connecting personally-owned devices"),
  },
  {
    path: "browser",
    kind: "choice",
    values: ["edge", "internet-explorer", "other"],
    label: "Browser",
    help: "The default browser a deep link is opened from.",
    flag: "--browser <browser>",
    source: { doc: "mdm-enrollment-2024", section: "Connect to MDM using a deep link (note)" },
  },
  {
    path: "startsFrom",
    kind: "choice",
    values: ["oobe", "settings", "deep-link", "app"],
    label: "Starts from",
    help: "Where the person starts connecting: setup (OOBE), Settings, a deep link, or an app.",
    flag: "--from <start>",
    source: seed("Connecting personally-owned devices (Bring your own device)"),
  },
] as const satisfies readonly DeviceFactDefinition[];

type Definition = (typeof DEVICE_FACTS)[number];

/** A fact's path: `edition`, `joined`, `tenant.autoEnrollment`. */
export type FactPath = Definition["path"];

type ValueOf<D> = D extends { readonly kind: "choice"; readonly values: readonly (infer V)[] }
  ? V
  : D extends { readonly kind: "boolean" }
    ? boolean
    : string;

/** The values a fact takes: its choices, a boolean, or a version string. */
export type FactValue<P extends FactPath> = ValueOf<Extract<Definition, { path: P }>>;

/** Looks a fact up by its path. */
const BY_PATH = new Map<string, DeviceFactDefinition>(DEVICE_FACTS.map((f) => [f.path, f]));

/**
 * The table's entry for a fact path, or undefined for a path that is not a fact.
 *
 * @example
 * deviceFact("tenant.autoEnrollment")?.label; // "Tenant MDM auto-enrollment"
 */
export function deviceFact(path: string): DeviceFactDefinition | undefined {
  return BY_PATH.get(path);
}

/**
 * What people see for a fact: its label, never its path. A path that is not a fact comes back as is.
 *
 * @example
 * factLabel("tenant.autoEnrollment"); // "Tenant MDM auto-enrollment"
 */
export function factLabel(path: string): string {
  return BY_PATH.get(path)?.label ?? path;
}
