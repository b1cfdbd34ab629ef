import { listOwnershipValues } from "./ownership.js";
import {
  type EnrollmentMode,
  LINK_PARAMETER_FACTS,
  type LinkParameter,
  type LinkParameterText,
  type LinkParamName,
  MODE_FACTS,
  type ModeDefinition,
  type ModeText,
  PARAMETER_TABLE,
} from "./params.js";

// The descriptions behind the reference tables and the CLI help. Kept apart from the facts in
// `params.ts` so that building or inspecting a link does not ship them.
const PARAMETER_TEXT: Readonly<Record<LinkParamName, LinkParameterText>> = {
  mode: {
    description:
      "Which flow the enrollment app opens: device management only, adding a work account, or joining Microsoft Entra ID. Must come first.",
    valueSummary: "mdm, awa or aadj",
    sources: [PARAMETER_TABLE, { doc: "cxh-app-manager", section: "_setScenario prefix match" }],
  },
  username: {
    description:
      "The e-mail address or UPN of the person enrolling; the app fills it in and uses its domain for auto-discovery.",
    valueSummary: "e-mail address or UPN",
    sources: [PARAMETER_TABLE],
  },
  servername: {
    description:
      "The MDM server's discovery URL; when given, Windows uses it instead of looking up EnterpriseEnrollment.<domain>.",
    valueSummary: "URL of the MDM discovery service",
    sources: [PARAMETER_TABLE],
  },
  accesstoken: {
    description:
      "Handed to the MDM server as it is; servers commonly use it as a one-time or signed token that vouches for the enrollment.",
    valueSummary: "any string",
    sources: [PARAMETER_TABLE],
  },
  deviceidentifier: {
    description: "Handed to the MDM server as it is; meant to name the device the link is for.",
    valueSummary: "GUID",
    sources: [PARAMETER_TABLE],
  },
  tenantidentifier: {
    description:
      "Handed to the MDM server as it is; meant to say which tenant the user or device belongs to.",
    valueSummary: "GUID or string",
    sources: [PARAMETER_TABLE],
  },
  ownership: {
    description:
      "Handed to the MDM server as it is; says who owns the device: 1 unknown, 2 the person, 3 the organisation.",
    valueSummary: listOwnershipValues(true),
    sources: [
      PARAMETER_TABLE,
      { doc: "wid-pr-9407", section: "ownership values 1, 2 and 3" },
      { doc: "mdm-enrollment-2024", section: "deep link parameter table" },
    ],
  },
};

const MODE_TEXT: Readonly<Record<EnrollmentMode, ModeText>> = {
  mdm: {
    title: "Mobile device management (MDM)",
    description:
      "Opens the enrollment app in a mode that only enrolls the device in management, like Settings' 'Enroll only in device management'.",
    sources: [
      { doc: "mdm-enrollment-2017", section: "Connecting to MDM using a deep link" },
      { doc: "cxh-app-manager", section: "mode=mdm routes to ms-cxh://mosetMDMconnecttowork" },
    ],
  },
  awa: {
    title: "Adding a work account (AWA)",
    description: "Opens the flow that adds a work or school account to the signed-in user.",
    sources: [
      { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
      { doc: "cxh-app-manager", section: "mode=awa routes to ms-cxh://MOSET/CONNECTTOWORK" },
    ],
  },
  aadj: {
    title: "Microsoft Entra join (AADJ)",
    description: "Opens the flow that joins the device to Microsoft Entra ID (formerly Azure AD).",
    sources: [
      { doc: "mdm-enrollment-2017", section: "note under the parameter table" },
      { doc: "cxh-app-manager", section: "mode=aadj routes to ms-cxh://MOSET/CONNECTTOWORK" },
    ],
  },
};

/** Every parameter with its facts and description, in the order the builder writes them. */
export const LINK_PARAMETERS: readonly LinkParameter[] = LINK_PARAMETER_FACTS.map((facts) => {
  const text = PARAMETER_TEXT[facts.name];
  return {
    name: facts.name,
    description: text.description,
    valueKind: facts.valueKind,
    valueSummary: text.valueSummary,
    custom: facts.custom,
    secret: facts.secret,
    addedIn: facts.addedIn,
    sources: text.sources,
  };
});

/** Every `mode` value with its facts and description. */
export const ENROLLMENT_MODES: readonly ModeDefinition[] = MODE_FACTS.map((facts) => {
  const text = MODE_TEXT[facts.value];
  return {
    value: facts.value,
    title: text.title,
    description: text.description,
    method: facts.method,
    addedIn: facts.addedIn,
    sources: text.sources,
  };
});

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

/**
 * The definition of one `mode` value, or undefined for a value Windows does not know.
 *
 * @example
 * enrollmentMode("aadj")?.value; // "aadj"
 */
export function enrollmentMode(value: string): ModeDefinition | undefined {
  return ENROLLMENT_MODES.find((m) => m.value === value);
}
