import type { Citation } from "../sources/sources.js";

/** Windows editions the rules know about. `mobile` stands for the legacy Windows 10 Mobile editions. */
export const EDITION_IDS = [
  "home",
  "pro",
  "pro-education",
  "enterprise",
  "education",
  "se",
  "iot-enterprise",
  "mobile",
] as const;

/** One of {@link EDITION_IDS}. */
export type EditionId = (typeof EDITION_IDS)[number];

/** Whether an edition can use a way of connecting, as one source says. */
export interface EditionClaim {
  readonly supported: boolean;
  readonly source: Citation;
  /** What the source says, in winenroll's words. */
  readonly note?: string;
}

/**
 * A Windows edition and what it can connect to. Where sources disagree, every claim is kept; an
 * empty list means no source found that names the edition for that way.
 */
export interface WindowsEdition {
  readonly id: EditionId;
  readonly name: string;
  /** Legacy editions no longer sold. */
  readonly legacy?: boolean;
  readonly adJoin: readonly EditionClaim[];
  readonly entraJoin: readonly EditionClaim[];
  readonly mdm: readonly EditionClaim[];
}

const seedAd: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Connecting your device to an Active Directory domain",
};
const seedAdTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Help with connecting to an Active Directory domain",
};
const seedEntraTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Help with connecting to an Azure AD domain",
};
const seedMdm: Citation = { doc: "mdm-enrollment-2017", section: "Connecting to MDM on a desktop" };
const docMdm2024: Citation = {
  doc: "mdm-enrollment-2024",
  section: "Enroll in device management only",
};
const intuneHome: Citation = {
  doc: "intune-user-not-authorized",
  section: "Cause: Windows Home edition",
};
const policyCspEditions: Citation = {
  doc: "policy-csp-experience",
  section: "AllowManualMDMUnenrollment, applicability",
};
const dmclientDdf: Citation = { doc: "dmclient-ddf", section: "EditionAllowList" };
const seedNoMobileAd: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Connecting your device to an Active Directory domain (note)",
};

const yes = (source: Citation, note?: string): EditionClaim => ({
  supported: true,
  source,
  ...(note ? { note } : {}),
});
const no = (source: Citation, note?: string): EditionClaim => ({
  supported: false,
  source,
  ...(note ? { note } : {}),
});

function business(id: EditionId, name: string): WindowsEdition {
  return { id, name, adJoin: [yes(seedAd)], entraJoin: [yes(seedEntraTable)], mdm: [yes(seedMdm)] };
}

/** Windows editions and what each can connect to, with sources. Home's MDM support is disputed. */
export const WINDOWS_EDITIONS: readonly WindowsEdition[] = [
  {
    id: "home",
    name: "Home",
    adJoin: [no(seedAdTable, "Only Pro, Enterprise and Education can join a domain.")],
    entraJoin: [no(seedEntraTable, "Entra join needs Pro, Enterprise or Education.")],
    mdm: [
      yes(seedMdm, "The 2017 article says every Windows 10 device can connect to an MDM."),
      yes(docMdm2024, "The 2024 article still says all Windows devices can be connected to MDM."),
      yes(
        dmclientDdf,
        "The MDM client's edition allow list includes Home (0x65) and its variants (0x62-0x64).",
      ),
      no(
        intuneHome,
        "Intune supports enrollment only on Pro and higher; Home fails with 0x801C0003.",
      ),
    ],
  },
  business("pro", "Pro"),
  // No source found that names Pro Education for any way of connecting.
  { id: "pro-education", name: "Pro Education", adJoin: [], entraJoin: [], mdm: [] },
  business("enterprise", "Enterprise"),
  business("education", "Education"),
  // SE and IoT Enterprise: only the Policy CSP's applicability names them (so MDM manages them);
  // no source found on joining a domain or Entra ID.
  { id: "se", name: "SE", adJoin: [], entraJoin: [], mdm: [yes(policyCspEditions)] },
  {
    id: "iot-enterprise",
    name: "IoT Enterprise",
    adJoin: [],
    entraJoin: [],
    mdm: [yes(policyCspEditions)],
  },
  {
    id: "mobile",
    name: "Mobile and Mobile Enterprise",
    legacy: true,
    adJoin: [no(seedNoMobileAd, "Phones cannot join an Active Directory domain.")],
    entraJoin: [
      yes(
        { doc: "mdm-enrollment-2017", section: "Connecting your device to an Azure AD domain" },
        "During OOBE only.",
      ),
    ],
    mdm: [yes({ doc: "mdm-enrollment-2017", section: "Connecting to MDM on a phone" })],
  },
];

/**
 * The edition with this id.
 *
 * @example
 * findEdition("pro")?.name; // "Pro"
 */
export function findEdition(id: string): WindowsEdition | undefined {
  return WINDOWS_EDITIONS.find((e) => e.id === id);
}

/**
 * True when the sources disagree about an edition's support for one way of connecting.
 *
 * @example
 * isDisputed(findEdition("home")!.mdm); // true
 */
export function isDisputed(claims: readonly EditionClaim[]): boolean {
  return claims.some((c) => c.supported) && claims.some((c) => !c.supported);
}
