import type { Citation } from "../sources/sources.js";
import type { StartPoint } from "./state.js";

/** The four ways to connect a Windows device to work. */
export type MethodId = "ad-join" | "entra-join" | "work-account" | "mdm-only";

/** Every method, in the order tables list them. */
export const METHOD_IDS: readonly MethodId[] = [
  "ad-join",
  "entra-join",
  "work-account",
  "mdm-only",
];

/** Short names used in deep links and elsewhere. */
export const METHOD_ALIASES: Readonly<Record<string, MethodId>> = {
  aadj: "entra-join",
  awa: "work-account",
  mdm: "mdm-only",
};

/** A place a person can start a method from, with the steps in winenroll's words. */
export interface WayIn {
  readonly from: StartPoint;
  readonly steps: readonly string[];
  readonly source: Citation;
}

/** A method: what it is, where it starts, and what it leads to. */
export interface EnrollmentMethod {
  readonly id: MethodId;
  readonly name: string;
  readonly summary: string;
  readonly ways: readonly WayIn[];
  readonly source: Citation;
}

const seed = (section: string): Citation => ({ doc: "mdm-enrollment-2017", section });
const accessWork = "Open Settings, choose Accounts, then Access work or school.";

/** The methods with their ways in. Steps are paraphrased from the sources cited. */
export const ENROLLMENT_METHODS: readonly EnrollmentMethod[] = [
  {
    id: "ad-join",
    name: "Join Active Directory",
    summary: "A company PC becomes a member of an on-premises Active Directory domain.",
    source: seed("Connecting your device to an Active Directory domain (Join a domain)"),
    ways: [
      {
        from: "oobe",
        source: seed("Connecting your device to an Active Directory domain: Out-of-box-experience"),
        steps: [
          'Setup cannot join a domain directly. Pick "My work or school owns it", then "Join a domain".',
          "Setup makes you create a local account; finish setup with it.",
          "Then join the domain from Settings, as below.",
        ],
      },
      {
        from: "settings",
        source: seed(
          "Connecting your device to an Active Directory domain: Using the Settings app",
        ),
        steps: [
          accessWork,
          'Select Connect, then under Alternate actions pick "Join this device to a local Active Directory domain".',
          "Enter the domain name and the credentials of an account allowed to join computers.",
          "Restart, then sign in with a domain account.",
        ],
      },
    ],
  },
  {
    id: "entra-join",
    name: "Join Microsoft Entra ID",
    summary:
      "A company device is joined to the organisation's Entra ID (Azure AD) tenant; people sign in with work accounts.",
    source: seed("Connecting your device to an Azure AD domain (Join Azure AD)"),
    ways: [
      {
        from: "oobe",
        source: seed("Connecting your device to an Azure AD domain: Out-of-box-experience"),
        steps: [
          'During setup pick "My work or school owns it", then the option to join Entra ID (Azure AD).',
          "Enter the work email address. A managed tenant shows its own sign-in page; a federated one sends you to the organisation's sign-in server.",
          "Complete any second factor the organisation asks for.",
        ],
      },
      {
        from: "settings",
        source: seed("Connecting your device to an Azure AD domain: Using the Settings app"),
        steps: [
          accessWork,
          "Select Connect, then under Alternate actions pick the option to join this device to Entra ID (Azure AD).",
          "Sign in with the work account and any second factor.",
          "Sign out, then sign back in with the work account.",
        ],
      },
      {
        from: "deep-link",
        source: {
          doc: "mdm-enrollment-intermediate",
          section: "Connecting to MDM using a deep link (mode values)",
        },
        steps: [
          "Open a link of the form ms-device-enrollment:?mode=aadj from Edge or Internet Explorer.",
          "Sign in with the work account.",
        ],
      },
    ],
  },
  {
    id: "work-account",
    name: "Add a work or school account",
    summary:
      "A personal device registers a work account so apps can sign in; the device may also be enrolled in MDM.",
    source: seed("Connecting to a work or school account"),
    ways: [
      {
        from: "settings",
        source: seed("Connecting to a work or school account: Using the Settings app"),
        steps: [
          accessWork,
          "Select Connect and enter the work email address.",
          "Sign in, with any second factor the organisation asks for.",
        ],
      },
      {
        from: "app",
        source: seed("Connecting to a work or school account"),
        steps: [
          "Sign in to a Store app such as Office with the work account and accept when it offers to use the account across the device.",
        ],
      },
      {
        from: "deep-link",
        source: {
          doc: "mdm-enrollment-intermediate",
          section: "Connecting to MDM using a deep link (mode values)",
        },
        steps: [
          "Open a link of the form ms-device-enrollment:?mode=awa from Edge or Internet Explorer.",
          "Sign in with the work account.",
        ],
      },
    ],
  },
  {
    id: "mdm-only",
    name: "Enroll only in device management",
    summary:
      "The device is managed by the organisation's MDM without joining or adding an identity.",
    source: seed("Connecting to MDM on a desktop (Enrolling in device management)"),
    ways: [
      {
        from: "settings",
        source: seed("Connecting to MDM on a desktop: Using the Settings app"),
        steps: [
          accessWork,
          'Select the "Enroll only in device management" link (on a phone the page is the same).',
          "Enter the work email address; if discovery finds no server, enter the server address.",
          "Enter the password on the server's page or at the organisation's sign-in page, then wait for setup to finish.",
        ],
      },
      {
        from: "deep-link",
        source: seed("Connecting to MDM using a deep link"),
        steps: [
          "Open a link such as ms-device-enrollment:?mode=mdm from Edge or Internet Explorer (or start it from the Run dialog).",
          "Enter the work email address (the link may fill it in) and sign in.",
        ],
      },
    ],
  },
];

/**
 * The method with this id or alias (`aadj`, `awa`, `mdm`).
 *
 * @example
 * findMethod("awa")?.id; // "work-account"
 */
export function findMethod(idOrAlias: string): EnrollmentMethod | undefined {
  const id = METHOD_ALIASES[idOrAlias] ?? idOrAlias;
  return ENROLLMENT_METHODS.find((m) => m.id === id);
}
