import type { Citation } from "../sources/sources.js";

/**
 * The single source of truth for the `ms-device-enrollment:` deep link: its parameters and the
 * values of `mode`. The builder, the parser, the linter, the CLI help and the docs reference table
 * all read these arrays.
 */

export const LINK_SCHEME = "ms-device-enrollment";

export type LinkParamName =
  | "mode"
  | "username"
  | "servername"
  | "accesstoken"
  | "deviceidentifier"
  | "tenantidentifier"
  | "ownership";

/** How a parameter's value is checked. */
export type ValueKind =
  | "mode"
  | "email-or-upn"
  | "server-url"
  | "string"
  | "guid"
  | "guid-or-string"
  | "ownership";

/** A claim that a parameter or value first worked in a given Windows 10 release. */
export interface ReleaseClaim {
  /** Windows 10 version name, e.g. `1703`. */
  readonly version: string;
  readonly source: Citation;
}

export interface LinkParameter {
  readonly name: LinkParamName;
  /** What the parameter does, in winenroll's words. */
  readonly description: string;
  readonly valueKind: ValueKind;
  /** How the documentation describes the accepted values. */
  readonly valueSummary: string;
  /**
   * Microsoft calls these "custom parameters for MDM servers to use as they see fit": Windows hands
   * them on and gives them no meaning of its own.
   */
  readonly custom: boolean;
  /** Values that grant access; masked in output unless the user asks to see them. */
  readonly secret: boolean;
  /**
   * The release that added the parameter. More than one claim means the sources disagree: the
   * first claim is the documentation's own label, later ones contradict it.
   */
  readonly addedIn: readonly ReleaseClaim[];
  readonly sources: readonly Citation[];
}

const docTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Connecting your Windows 10-based device to work using a deep link, parameter table",
};
const addedIn1703: ReleaseClaim = { version: "1703", source: docTable };
const addedIn1709: ReleaseClaim = {
  version: "1709",
  source: { doc: "wid-pr-342", section: "commit message: new deep link parameters added in 1709" },
};

export const LINK_PARAMETERS: readonly LinkParameter[] = [
  {
    name: "mode",
    description:
      "Which flow the enrollment app opens: device management only, adding a work account, or joining Microsoft Entra ID. Must come first.",
    valueKind: "mode",
    valueSummary: "mdm, awa or aadj",
    custom: false,
    secret: false,
    addedIn: [{ version: "1607", source: docTable }],
    sources: [docTable, { doc: "cxh-app-manager", section: "_setScenario prefix match" }],
  },
  {
    name: "username",
    description:
      "The e-mail address or UPN of the person enrolling; the app fills it in and uses its domain for auto-discovery.",
    valueKind: "email-or-upn",
    valueSummary: "e-mail address or UPN",
    custom: false,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
    sources: [docTable],
  },
  {
    name: "servername",
    description:
      "The MDM server's discovery URL; when given, Windows uses it instead of looking up EnterpriseEnrollment.<domain>.",
    valueKind: "server-url",
    valueSummary: "URL of the MDM discovery service",
    custom: false,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
    sources: [docTable],
  },
  {
    name: "accesstoken",
    description:
      "Handed to the MDM server as it is; servers commonly use it as a one-time or signed token that vouches for the enrollment.",
    valueKind: "string",
    valueSummary: "any string",
    custom: true,
    secret: true,
    addedIn: [addedIn1703, addedIn1709],
    sources: [docTable],
  },
  {
    name: "deviceidentifier",
    description: "Handed to the MDM server as it is; meant to name the device the link is for.",
    valueKind: "guid",
    valueSummary: "GUID",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
    sources: [docTable],
  },
  {
    name: "tenantidentifier",
    description:
      "Handed to the MDM server as it is; meant to say which tenant the user or device belongs to.",
    valueKind: "guid-or-string",
    valueSummary: "GUID or string",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
    sources: [docTable],
  },
  {
    name: "ownership",
    description:
      "Handed to the MDM server as it is; says who owns the device: 1 unknown, 2 the person, 3 the organisation.",
    valueKind: "ownership",
    valueSummary: "1 (unknown), 2 (personal) or 3 (corporate)",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
    sources: [
      docTable,
      { doc: "wid-pr-9407", section: "ownership values 1, 2 and 3" },
      { doc: "mdm-enrollment-2024", section: "deep link parameter table" },
    ],
  },
];

/** Parameter names in the order the builder writes them. */
export const LINK_PARAM_NAMES: readonly LinkParamName[] = LINK_PARAMETERS.map((p) => p.name);

const byName = new Map<string, LinkParameter>(LINK_PARAMETERS.map((p) => [p.name, p]));

/**
 * The parameter with this exact (lowercase) name.
 *
 * @example
 * linkParameter("servername")?.name; // "servername"
 */
export function linkParameter(name: string): LinkParameter | undefined {
  return byName.get(name);
}

export type EnrollmentMode = "mdm" | "awa" | "aadj";

export interface ModeDefinition {
  readonly value: EnrollmentMode;
  readonly title: string;
  /** What the flow does, in winenroll's words. */
  readonly description: string;
  /** The enrollment method this flow carries out (see the rules). */
  readonly method: "mdm-only" | "work-account" | "entra-join";
  readonly addedIn: ReleaseClaim;
  readonly sources: readonly Citation[];
}

export const ENROLLMENT_MODES: readonly ModeDefinition[] = [
  {
    value: "mdm",
    title: "Mobile device management (MDM)",
    description:
      "Opens the enrollment app in a mode that only enrolls the device in management, like Settings' 'Enroll only in device management'.",
    method: "mdm-only",
    addedIn: { version: "1607", source: docTable },
    sources: [
      { doc: "mdm-enrollment-2017", section: "Connecting to MDM using a deep link" },
      { doc: "cxh-app-manager", section: "mode=mdm routes to ms-cxh://mosetMDMconnecttowork" },
    ],
  },
  {
    value: "awa",
    title: "Adding a work account (AWA)",
    description: "Opens the flow that adds a work or school account to the signed-in user.",
    method: "work-account",
    addedIn: {
      version: "1709",
      source: { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
    },
    sources: [
      { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
      { doc: "cxh-app-manager", section: "mode=awa routes to ms-cxh://MOSET/CONNECTTOWORK" },
    ],
  },
  {
    value: "aadj",
    title: "Microsoft Entra join (AADJ)",
    description: "Opens the flow that joins the device to Microsoft Entra ID (formerly Azure AD).",
    method: "entra-join",
    addedIn: {
      version: "1709",
      source: { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
    },
    sources: [
      { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
      { doc: "cxh-app-manager", section: "mode=aadj routes to ms-cxh://MOSET/CONNECTTOWORK" },
    ],
  },
];

/**
 * The definition of one `mode` value, or undefined for a value Windows does not know.
 *
 * @example
 * enrollmentMode("aadj")?.value; // "aadj"
 */
export function enrollmentMode(value: string): ModeDefinition | undefined {
  return ENROLLMENT_MODES.find((m) => m.value === value);
}

/** The values a parameter takes, by name. `mode` is required; the rest are optional. */
export type EnrollmentLinkParams = {
  readonly mode: EnrollmentMode;
} & {
  readonly [K in Exclude<LinkParamName, "mode">]?: string;
};

/**
 * Names people use for a parameter that Windows does not know, mapped to the parameter they meant.
 * `enrollmenturl` is seen in real scripts; the rest are common guesses.
 */
export const PARAM_NAME_MISTAKES: Readonly<Record<string, LinkParamName>> = {
  enrollmenturl: "servername",
  serverurl: "servername",
  server: "servername",
  url: "servername",
  discoveryurl: "servername",
  upn: "username",
  email: "username",
  user: "username",
  token: "accesstoken",
  deviceid: "deviceidentifier",
  tenantid: "tenantidentifier",
  tenant: "tenantidentifier",
  owner: "ownership",
};
