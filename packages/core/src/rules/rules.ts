import type { Citation } from "../sources/sources.js";
import type { FactPath } from "./device-facts.js";
import type { MethodId } from "./methods.js";
import type { StartPoint } from "./state.js";

/** A fact of {@link DeviceState}, with the tenant's facts addressed as `tenant.<name>` (from `DEVICE_FACTS`). */
export type { FactPath } from "./device-facts.js";

/** A version gate: releases older than `below` (and, when given, not older than `from`). */
export interface ReleaseGate {
  readonly fact: "release";
  readonly below: string;
  /** Limits the gate to releases from this one on (inclusive); without it, every older release. */
  readonly from?: string;
}

/** When a rule applies, as data. A fact left unknown makes the condition unknown. */
export type Condition =
  | { readonly fact: FactPath; readonly in: readonly (string | boolean)[] }
  | ReleaseGate
  /** Holds whatever the device: for a way in that is refused outright. */
  | { readonly always: true }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] };

/** What another source says against a rule. */
export interface RuleConflict {
  readonly says: string;
  readonly source: Citation;
}

/**
 * One situation in which Windows refuses (or may refuse) a method. `effect: "block"` makes the method
 * blocked; `"caveat"` keeps the verdict and adds a warning, used where the sources disagree.
 */
export interface EnrollmentRule {
  readonly id: string;
  readonly methods: readonly MethodId[];
  /** Limits the rule to these ways in; without it the rule applies to the method however it starts. */
  readonly ways?: readonly StartPoint[];
  readonly when: Condition;
  readonly effect: "block" | "caveat";
  /**
   * The exact text Windows shows on screen, where a source gives it (the seed's personally-owned
   * table, "Error Message | Description"). Never a situation.
   */
  readonly message?: string;
  /**
   * The situation a source describes, in its words, where it is not text on screen (the seed's
   * Active Directory and Azure AD tables, "Connection issue | Explanation").
   */
  readonly situation?: string;
  readonly explanation: string;
  readonly remedy: string;
  /**
   * The way in the remedy sends the person to, when it names one; a test checks that this way is
   * never itself blocked where the rule fires.
   */
  readonly alternative?: StartPoint;
  readonly source: Citation;
  /** Further sources that say the same. */
  readonly alsoSources?: readonly Citation[];
  /** Sources that disagree. */
  readonly conflicts?: readonly RuleConflict[];
}

/**
 * How every face labels a rule's words, so that a situation is never presented as text on screen.
 *
 * @example
 * `${RULE_WORDS_LABEL.situation}: "${rule.situation}"`;
 */
export const RULE_WORDS_LABEL = {
  message: "Windows shows",
  situation: "Situation the source describes (not text on screen)",
} as const;

const adTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Help with connecting to an Active Directory domain",
};
const entraTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Help with connecting to an Azure AD domain",
};
const byodTable: Citation = {
  doc: "mdm-enrollment-2017",
  section: "Help with connecting personally-owned devices",
};
const entraTable2024: Citation = {
  doc: "mdm-enrollment-2024",
  section: "Help with connecting to Microsoft Entra ID",
};
const byodTable2024: Citation = {
  doc: "mdm-enrollment-2024",
  section: "Help with connecting personally owned devices",
};
const unsupported: Citation = {
  doc: "wid-mobile-device-enrollment",
  section: "Enrollment scenarios not supported",
};
const domainJoinedMdm: Citation = {
  doc: "wid-mobile-device-enrollment",
  section: "Enrollment of domain-joined PCs",
};
const deepLinkGates: Citation = {
  doc: "mdm-enrollment-intermediate",
  section: "Connecting your Windows 10-based device to work using a deep link",
};

const is = (fact: FactPath, ...values: (string | boolean)[]): Condition => ({ fact, in: values });
const mobile: Condition = { any: [is("formFactor", "mobile"), is("edition", "mobile")] };
/** Joined to an Active Directory domain, alone or also registered in Entra ID (hybrid). */
const inDomain: Condition = is("joined", "ad", "hybrid");

/** Every enrollment rule: the seed article's three tables first, then what newer sources add. */
export const ENROLLMENT_RULES: readonly EnrollmentRule[] = [
  // Seed: Help with connecting to an Active Directory domain
  {
    id: "ad-already-domain-joined",
    methods: ["ad-join"],
    when: inDomain,
    effect: "block",
    situation: "Your device is already connected to an Active Directory domain.",
    explanation: "A device belongs to one Active Directory domain at a time.",
    remedy:
      "Leave the current domain (System properties, or Settings > Access work or school > Disconnect) before joining another.",
    source: adTable,
  },
  {
    id: "ad-entra-joined",
    methods: ["ad-join"],
    when: is("joined", "entra"),
    effect: "block",
    situation: "Your device is connected to an Azure AD domain.",
    explanation:
      "A device is joined either to Entra ID (Azure AD) or to Active Directory, never both.",
    remedy:
      "Disconnect the device from Entra ID first, or keep the Entra join and skip the domain join.",
    source: adTable,
  },
  {
    id: "ad-standard-user",
    methods: ["ad-join"],
    when: is("account", "standard"),
    effect: "block",
    situation: "You are logged in as a standard user.",
    explanation: "Joining a domain needs an administrator on the device.",
    remedy: "Sign in with an administrator account and start again.",
    source: adTable,
    conflicts: [
      {
        says: "The seed's explanation for this row speaks of Azure AD, not Active Directory; the row is in the Active Directory table, so winenroll reads it as the domain join.",
        source: adTable,
      },
    ],
  },
  {
    id: "ad-home-edition",
    methods: ["ad-join"],
    when: is("edition", "home"),
    effect: "block",
    situation: "Your device is running Windows 10 Home.",
    explanation: "Home cannot join a domain; only Pro, Enterprise and Education can.",
    remedy: "Upgrade to Pro, Enterprise or Education, or use Entra join or MDM enrollment instead.",
    source: adTable,
  },
  {
    id: "ad-mobile",
    methods: ["ad-join"],
    when: mobile,
    effect: "block",
    explanation: "Phones cannot join an Active Directory domain.",
    remedy: "Join the phone to Entra ID during setup, or enroll it in device management.",
    source: {
      doc: "mdm-enrollment-2017",
      section: "Connecting your device to an Active Directory domain (note)",
    },
  },
  {
    id: "ad-join-not-in-oobe",
    methods: ["ad-join"],
    ways: ["oobe"],
    when: { always: true },
    effect: "block",
    explanation: "Setup (OOBE) cannot join an Active Directory domain.",
    remedy:
      'In setup choose "Join a domain", create the local account it asks for and finish setup; then join the domain from Settings > Accounts > Access work or school.',
    alternative: "settings",
    source: {
      doc: "mdm-enrollment-2017",
      section: "Connecting your device to an Active Directory domain: Out-of-box-experience",
    },
  },
  // Seed: Help with connecting to an Azure AD domain
  {
    id: "entra-already-joined",
    methods: ["entra-join"],
    when: is("joined", "entra"),
    effect: "block",
    situation: "Your device is connected to an Azure AD domain.",
    explanation: "A device is joined to one Entra tenant at a time.",
    remedy: "Disconnect from the current tenant first (on a phone this means a reset).",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  {
    id: "entra-domain-joined",
    methods: ["entra-join"],
    when: inDomain,
    effect: "block",
    situation: "Your device is already connected to an Active Directory domain.",
    explanation: "A device is joined either to Active Directory or to Entra ID, not both.",
    remedy:
      "Leave the domain first, or keep it and let the organisation register the device in Entra (hybrid join).",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  {
    id: "entra-work-account-present",
    methods: ["entra-join"],
    when: is("workAccount", true),
    effect: "block",
    situation: "Your device already has a user connected to a work account.",
    explanation:
      "A device cannot both be joined to Entra ID and carry an added work or school account.",
    remedy: "Remove the work or school account under Access work or school, then join.",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  {
    id: "entra-standard-user",
    methods: ["entra-join"],
    ways: ["settings", "deep-link"],
    when: is("account", "standard"),
    effect: "block",
    situation: "You are logged in as a standard user.",
    explanation: "Joining Entra ID from a running Windows needs an administrator.",
    remedy: "Sign in with an administrator account, or join during setup (OOBE).",
    alternative: "oobe",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  {
    id: "entra-mdm-managed",
    methods: ["entra-join"],
    when: { all: [is("managedBy", "mdm"), is("tenant.autoEnrollment", true)] },
    effect: "block",
    situation: "Your device is already managed by MDM.",
    explanation:
      "With MDM auto-enrollment configured, Entra join also enrolls the device, which fails while another MDM manages it.",
    remedy: "Unenroll from the current MDM first.",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  {
    id: "entra-home-edition",
    methods: ["entra-join"],
    when: is("edition", "home"),
    effect: "block",
    situation: "Your device is running Windows 10 Home.",
    explanation: "Home cannot join Entra ID.",
    remedy: "Upgrade to Pro, Enterprise or Education, or add a work account instead.",
    source: entraTable,
    alsoSources: [entraTable2024],
  },
  // Seed: Help with connecting personally-owned devices
  {
    id: "byod-already-connected",
    methods: ["work-account", "mdm-only"],
    when: { any: [is("joined", "entra"), is("workAccount", true)] },
    effect: "block",
    message: "Your device is already connected to your organization’s cloud.",
    explanation:
      "The device is already joined to Entra ID or already carries a work or school account.",
    remedy: "Use the existing connection, or disconnect it under Access work or school first.",
    source: byodTable,
    alsoSources: [byodTable2024],
  },
  {
    id: "byod-domain-joined",
    methods: ["work-account"],
    when: inDomain,
    effect: "caveat",
    message: "Your device is already connected to your organization’s cloud.",
    explanation:
      "The seed counts a domain join as an existing connection, but dsregcmd reports the device's join and each user's added work account apart, and research finds the two together on domain PCs.",
    remedy:
      "Try adding the account under Settings > Access work or school; if Windows refuses, ask the organisation to register the device in Entra (hybrid join) instead.",
    source: byodTable,
    conflicts: [
      {
        says: "A work account added by a user (WorkplaceJoined, Entra registered) is a per-user state, shown apart from the device's join state.",
        source: { doc: "dsregcmd-troubleshoot", section: "User state (WorkplaceJoined)" },
      },
      {
        says: "A registered account (WorkplaceJoined YES) can coexist with a domain join: a domain PC whose user added a work account.",
        source: { doc: "dsregcmd-observed", section: "Deriving the join type" },
      },
    ],
  },
  {
    id: "mdm-domain-joined",
    methods: ["mdm-only"],
    when: inDomain,
    effect: "caveat",
    message: "Your device is already connected to your organization’s cloud.",
    explanation:
      "The seed counts a domain join as an existing connection, but a newer source says a domain-joined PC can still enroll in MDM from Settings (the enrollment targets the user).",
    remedy:
      "Try Settings > Access work or school > Enroll only in device management; unless group policy disables MDM enrollment, it may work.",
    source: byodTable,
    conflicts: [
      {
        says: "Domain-joined PCs can enroll from Settings, user-targeted only.",
        source: domainJoinedMdm,
      },
    ],
  },
  {
    id: "byod-user-not-found",
    methods: ["work-account"],
    when: is("tenant.userFound", false),
    effect: "block",
    message: "We could not find your identity in your organization’s cloud.",
    explanation: "The user name does not exist in the organisation's Entra tenant.",
    remedy: "Check the spelling of the user name, or ask the admin to create the account.",
    source: byodTable,
    alsoSources: [byodTable2024],
  },
  {
    id: "byod-already-managed",
    methods: ["mdm-only"],
    when: is("managedBy", "mdm", "configmgr"),
    effect: "block",
    message: "Your device is already being managed by an organization.",
    explanation: "Another MDM or Configuration Manager already manages the device.",
    remedy: "Unenroll from the current MDM or remove the Configuration Manager client first.",
    source: byodTable,
    alsoSources: [byodTable2024],
  },
  {
    id: "byod-standard-user",
    methods: ["mdm-only"],
    when: is("account", "standard"),
    effect: "block",
    message:
      "You don’t have the right privileges to perform this operation. Please talk to your admin.",
    explanation: "Only an administrator can enroll the device in MDM.",
    remedy:
      "Sign in with an administrator account (not the built-in Administrator) and enroll again.",
    source: byodTable,
    alsoSources: [byodTable2024, unsupported],
  },
  {
    id: "byod-no-discovery",
    methods: ["mdm-only"],
    when: is("discoveryFindsEndpoint", false),
    effect: "block",
    message:
      "We couldn’t auto-discover a management endpoint matching the username entered. Please check your username and try again. If you know the URL to your management endpoint, please enter it.",
    explanation: "Discovery found no enrollment server for the domain of the user name.",
    remedy:
      "Check the user name, enter the server address by hand, or publish EnterpriseEnrollment.<domain> (try `winenroll discover`).",
    source: byodTable,
    alsoSources: [byodTable2024],
  },
  // Newer sources
  {
    id: "builtin-admin",
    methods: ["mdm-only", "work-account"],
    when: is("account", "builtin-admin"),
    effect: "block",
    explanation: "Enrollment is not supported from the built-in Administrator account.",
    remedy: "Sign in with another account that is a member of Administrators.",
    source: unsupported,
  },
  {
    id: "mdm-disabled-by-policy",
    methods: ["mdm-only"],
    when: is("mdmEnrollmentDisabledByPolicy", true),
    effect: "block",
    explanation:
      'The "Disable MDM Enrollment" group policy (DisableRegistration) blocks enrollment; Windows reports 0x80180026.',
    remedy: "Ask the domain admin to turn the policy off for this device.",
    source: domainJoinedMdm,
    alsoSources: [{ doc: "intune-enrollment-errors", section: "0x80180026" }],
  },
  {
    id: "mdm-home-edition",
    methods: ["mdm-only"],
    when: is("edition", "home"),
    effect: "caveat",
    explanation:
      "The sources disagree: Microsoft's enrollment article says every Windows device can enroll in MDM and the MDM client accepts Home, but Intune supports only Pro and higher (0x801C0003).",
    remedy: "With Intune, upgrade to Pro or higher; another MDM may accept Home.",
    source: { doc: "mdm-enrollment-2024", section: "Enroll in device management only" },
    alsoSources: [{ doc: "dmclient-ddf", section: "EditionAllowList" }],
    conflicts: [
      {
        says: "Intune enrollment needs Pro or a higher edition; Home fails with 0x801C0003.",
        source: { doc: "intune-user-not-authorized", section: "Cause: Windows Home edition" },
      },
    ],
  },
  {
    id: "entra-mobile-settings",
    methods: ["entra-join"],
    ways: ["settings", "deep-link"],
    when: mobile,
    effect: "block",
    explanation: "Phones join Entra ID only during setup; the Settings route is for desktops.",
    remedy: "Reset the phone and join during setup.",
    alternative: "oobe",
    source: {
      doc: "mdm-enrollment-2017",
      section: "Connecting your device to an Azure AD domain (Join Azure AD)",
    },
  },
  // Version and browser gates of the ways in
  {
    id: "deep-link-before-1607",
    methods: ["mdm-only"],
    ways: ["deep-link"],
    when: { fact: "release", below: "1607" },
    effect: "block",
    explanation: "The ms-device-enrollment deep link exists from Windows 10, version 1607.",
    remedy: "Update Windows, or use Settings.",
    alternative: "settings",
    source: deepLinkGates,
  },
  {
    id: "deep-link-awa-aadj-before-1709",
    methods: ["work-account", "entra-join"],
    ways: ["deep-link"],
    when: { fact: "release", below: "1709" },
    effect: "block",
    explanation:
      "The mode values awa and aadj are honoured from Windows 10, version 1709; 1607 links only do MDM.",
    remedy: "Update to 1709 or later, or start from Settings.",
    alternative: "settings",
    source: deepLinkGates,
  },
  {
    id: "deep-link-parameters-before-1703",
    methods: ["mdm-only", "work-account", "entra-join"],
    ways: ["deep-link"],
    when: { fact: "release", below: "1703" },
    effect: "caveat",
    explanation:
      "Parameters beyond mode (username, servername and the rest) are labelled as added in 1703; older releases ignore them.",
    remedy: "Use a bare mode=mdm link on these releases and let the person type the address.",
    source: deepLinkGates,
    conflicts: [
      {
        says: "The change that added these parameters to the article names 1709.",
        source: { doc: "wid-pr-342" },
      },
    ],
  },
  {
    id: "deep-link-browser",
    methods: ["mdm-only", "work-account", "entra-join"],
    ways: ["deep-link"],
    when: is("browser", "other"),
    effect: "block",
    explanation:
      "Deep links work only from Microsoft Edge or Internet Explorer; from another default browser the link fails.",
    remedy: "Open the link in Edge, or start it from the Run dialog (Win+R).",
    source: { doc: "mdm-enrollment-2024", section: "Connect to MDM using a deep link (note)" },
    alsoSources: [{ doc: "wid-pr-369" }],
  },
  {
    // Only 1607 builds before .82: 1511 had its own "Enroll into device management" entry, which
    // the seed's deep-link section names as the equivalent of mode=mdm.
    id: "settings-link-before-14393-82",
    methods: ["mdm-only"],
    ways: ["settings"],
    when: { fact: "release", from: "14393", below: "14393.82" },
    effect: "block",
    explanation:
      'On Windows 10, version 1607, the "Enroll only in device management" link arrived with servicing build 14393.82 (KB3176934).',
    remedy:
      "Install the update, or use the deep link ms-device-enrollment:?mode=mdm, which 1607 already opens.",
    alternative: "deep-link",
    source: {
      doc: "mdm-enrollment-2017",
      section: "Connecting to MDM on a desktop: Using the Settings app",
    },
    alsoSources: [
      {
        doc: "mdm-enrollment-2017",
        section:
          "Connecting to MDM using a deep link (the Enroll into device management option of 1511)",
      },
    ],
  },
];
