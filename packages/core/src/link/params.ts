import type { LinkCitation } from "../sources/link-sources.js";

/**
 * The single source of truth for the `ms-device-enrollment:` deep link: its parameters and the
 * values of `mode`, as the code reads them. The builder, the parser and the linter read these
 * facts; `params-reference.ts` adds each one's description for the CLI help and the docs tables.
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
  readonly source: LinkCitation;
}

/** What the code knows about a parameter. */
export interface LinkParameterFacts {
  readonly name: LinkParamName;
  readonly valueKind: ValueKind;
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
}

/** How reference tables describe a parameter. */
export interface LinkParameterText {
  /** What the parameter does, in winenroll's words. */
  readonly description: string;
  /** How the documentation describes the accepted values. */
  readonly valueSummary: string;
  readonly sources: readonly LinkCitation[];
}

export interface LinkParameter extends LinkParameterFacts, LinkParameterText {}

/** Microsoft's parameter table, the source most parameter facts come from. */
export const PARAMETER_TABLE: LinkCitation = {
  doc: "mdm-enrollment-2017",
  section: "Connecting your Windows 10-based device to work using a deep link, parameter table",
};
const addedIn1703: ReleaseClaim = { version: "1703", source: PARAMETER_TABLE };
const addedIn1709: ReleaseClaim = {
  version: "1709",
  source: { doc: "wid-pr-342", section: "commit message: new deep link parameters added in 1709" },
};

/** Every parameter, in the order the builder writes them. */
export const LINK_PARAMETER_FACTS: readonly LinkParameterFacts[] = [
  {
    name: "mode",
    valueKind: "mode",
    custom: false,
    secret: false,
    addedIn: [{ version: "1607", source: PARAMETER_TABLE }],
  },
  {
    name: "username",
    valueKind: "email-or-upn",
    custom: false,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
  },
  {
    name: "servername",
    valueKind: "server-url",
    custom: false,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
  },
  {
    name: "accesstoken",
    valueKind: "string",
    custom: true,
    secret: true,
    addedIn: [addedIn1703, addedIn1709],
  },
  {
    name: "deviceidentifier",
    valueKind: "guid",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
  },
  {
    name: "tenantidentifier",
    valueKind: "guid-or-string",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
  },
  {
    name: "ownership",
    valueKind: "ownership",
    custom: true,
    secret: false,
    addedIn: [addedIn1703, addedIn1709],
  },
];

/** Parameter names in the order the builder writes them. */
export const LINK_PARAM_NAMES: readonly LinkParamName[] = LINK_PARAMETER_FACTS.map((p) => p.name);

const factsByName = new Map<string, LinkParameterFacts>(
  LINK_PARAMETER_FACTS.map((p) => [p.name, p]),
);

/** The facts of the parameter with this exact (lowercase) name. */
export function parameterFacts(name: string): LinkParameterFacts | undefined {
  return factsByName.get(name);
}

export type EnrollmentMode = "mdm" | "awa" | "aadj";

/** What the code knows about a `mode` value. */
export interface ModeFacts {
  readonly value: EnrollmentMode;
  /** The enrollment method this flow carries out (see the rules). */
  readonly method: "mdm-only" | "work-account" | "entra-join";
  readonly addedIn: ReleaseClaim;
}

/** How reference tables describe a `mode` value. */
export interface ModeText {
  readonly title: string;
  /** What the flow does, in winenroll's words. */
  readonly description: string;
  readonly sources: readonly LinkCitation[];
}

export interface ModeDefinition extends ModeFacts, ModeText {}

/** Every `mode` value Windows knows. */
export const MODE_FACTS: readonly ModeFacts[] = [
  { value: "mdm", method: "mdm-only", addedIn: { version: "1607", source: PARAMETER_TABLE } },
  {
    value: "awa",
    method: "work-account",
    addedIn: {
      version: "1709",
      source: { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
    },
  },
  {
    value: "aadj",
    method: "entra-join",
    addedIn: {
      version: "1709",
      source: { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
    },
  },
];

/** The facts of one `mode` value, or undefined for a value Windows does not know. */
export function modeFacts(value: string): ModeFacts | undefined {
  return MODE_FACTS.find((m) => m.value === value);
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
