import type { Citation } from "../sources/sources.js";

/** What encodes a seed statement in core, by table and id. */
export interface Counterpart {
  /**
   * `rule`: an enrollment rule id. `way`: a method's way in, `method/from`. `parameter`: a deep-link
   * parameter. `lint`: a link check code. `catalog`: an error catalog entry id. `edition`: an
   * edition's claim, `edition/adJoin|entraJoin|mdm`. `behaviour`: a function's answer, named by
   * the test that proves it.
   */
  readonly kind: "rule" | "way" | "parameter" | "lint" | "catalog" | "edition" | "behaviour";
  readonly id: string;
}

/** One statement of the seed article that states a rule, a limit or a message. */
export interface SeedStatement {
  readonly id: string;
  /** `rule`: when a way is refused; `limit`: an edition, release or device bound; `message`: what Windows shows. */
  readonly kind: "rule" | "limit" | "message";
  /** What the statement says, in winenroll's words (a message is shown through its counterpart). */
  readonly says: string;
  readonly source: Citation;
  readonly encodedBy: readonly Counterpart[];
}

const seed = (section: string): Citation => ({ doc: "mdm-enrollment-2017", section });
const rule = (id: string): Counterpart => ({ kind: "rule", id });
const way = (id: string): Counterpart => ({ kind: "way", id });
const parameter = (id: string): Counterpart => ({ kind: "parameter", id });
const lint = (id: string): Counterpart => ({ kind: "lint", id });
const edition = (id: string): Counterpart => ({ kind: "edition", id });
const behaviour = (id: string): Counterpart => ({ kind: "behaviour", id });

const AD = "Connecting your device to an Active Directory domain (Join a domain)";
const AD_OOBE = "Connecting your device to an Active Directory domain: Out-of-box-experience";
const AD_TABLE = "Help with connecting to an Active Directory domain";
const ENTRA = "Connecting your device to an Azure AD domain (Join Azure AD)";
const ENTRA_TABLE = "Help with connecting to an Azure AD domain";
const AWA = "Connecting to a work or school account";
const MDM = "Connecting to MDM on a desktop (Enrolling in device management)";
const BYOD_TABLE = "Help with connecting personally-owned devices";
const DEEP_LINK = "Connecting your Windows 10-based device to work using a deep link";
const DEEP_LINK_MDM = "Connecting to MDM using a deep link";
const MANAGING = "Managing connections";

/**
 * Every statement of the seed article (MDM enrollment of Windows-based devices, 2017) that states
 * a rule, a limit or a message, in the article's order, with what in core encodes it. Steps,
 * screenshots and descriptions of screens are not listed: they state nothing that can be checked.
 */
export const SEED_STATEMENTS: readonly SeedStatement[] = [
  {
    id: "ad-editions",
    kind: "limit",
    says: "Only Pro, Enterprise and Education can join an Active Directory domain.",
    source: seed(AD),
    encodedBy: [
      edition("pro/adJoin"),
      edition("enterprise/adJoin"),
      edition("education/adJoin"),
      rule("ad-home-edition"),
    ],
  },
  {
    id: "ad-from-settings",
    kind: "rule",
    says: "A domain join is made from the Settings app.",
    source: seed(AD),
    encodedBy: [way("ad-join/settings")],
  },
  {
    id: "ad-not-on-mobile",
    kind: "limit",
    says: "Phones cannot join an Active Directory domain.",
    source: seed(`${AD} (note)`),
    encodedBy: [rule("ad-mobile"), edition("mobile/adJoin")],
  },
  {
    id: "ad-not-in-oobe",
    kind: "rule",
    says: "Setup (OOBE) cannot join a domain: create a local account, then join from Settings.",
    source: seed(AD_OOBE),
    encodedBy: [rule("ad-join-not-in-oobe"), way("ad-join/oobe")],
  },
  {
    id: "ad-one-domain",
    kind: "rule",
    says: "A device joins one Active Directory domain at a time.",
    source: seed(AD_TABLE),
    encodedBy: [rule("ad-already-domain-joined")],
  },
  {
    id: "ad-not-with-entra",
    kind: "rule",
    says: "A device joined to Azure AD cannot also join Active Directory.",
    source: seed(AD_TABLE),
    encodedBy: [rule("ad-entra-joined")],
  },
  {
    id: "ad-admin-only",
    kind: "rule",
    says: "A standard user cannot join the device to a domain.",
    source: seed(AD_TABLE),
    encodedBy: [rule("ad-standard-user")],
  },
  {
    id: "ad-not-on-home",
    kind: "limit",
    says: "Home cannot join a domain.",
    source: seed(AD_TABLE),
    encodedBy: [rule("ad-home-edition"), edition("home/adJoin")],
  },
  {
    id: "entra-in-oobe",
    kind: "rule",
    says: "Every Windows device can join Azure AD during setup.",
    source: seed(ENTRA),
    encodedBy: [way("entra-join/oobe")],
  },
  {
    id: "entra-settings-desktop-only",
    kind: "limit",
    says: "Only desktops can join Azure AD from the Settings app.",
    source: seed(ENTRA),
    encodedBy: [way("entra-join/settings"), rule("entra-mobile-settings")],
  },
  {
    id: "entra-auto-enrollment",
    kind: "rule",
    says: "With MDM auto-enrollment in the tenant, joining Azure AD also enrolls in MDM; without it, enrolling takes a second pass.",
    source: seed(`${ENTRA}: Out-of-box-experience`),
    encodedBy: [behaviour("leads-to-entra")],
  },
  {
    id: "entra-one-tenant",
    kind: "rule",
    says: "A device joins one Azure AD tenant at a time.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-already-joined")],
  },
  {
    id: "entra-not-with-ad",
    kind: "rule",
    says: "A domain-joined device cannot join Azure AD.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-domain-joined")],
  },
  {
    id: "entra-not-with-work-account",
    kind: "rule",
    says: "A device whose user added a work account cannot join Azure AD.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-work-account-present")],
  },
  {
    id: "entra-admin-only",
    kind: "rule",
    says: "A standard user cannot join the device to Azure AD.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-standard-user")],
  },
  {
    id: "entra-not-while-managed",
    kind: "rule",
    says: "Where the tenant enrolls in MDM on join, a device managed by another MDM must be unenrolled first.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-mdm-managed")],
  },
  {
    id: "entra-not-on-home",
    kind: "limit",
    says: "Home cannot join Azure AD.",
    source: seed(ENTRA_TABLE),
    encodedBy: [rule("entra-home-edition"), edition("home/entraJoin")],
  },
  {
    id: "awa-everywhere",
    kind: "rule",
    says: "Every Windows 10 device can add a work or school account, from Settings or from an app.",
    source: seed(AWA),
    encodedBy: [way("work-account/settings"), way("work-account/app")],
  },
  {
    id: "awa-auto-enrollment",
    kind: "rule",
    says: "With MDM auto-enrollment in the tenant, adding a work account also enrolls in MDM; without it, enrolling takes a second pass.",
    source: seed(`${AWA}: Using the Settings app`),
    encodedBy: [behaviour("leads-to-work-account")],
  },
  {
    id: "mdm-everywhere",
    kind: "limit",
    says: "Every Windows 10 device can enroll in MDM, from the Settings app.",
    source: seed(MDM),
    encodedBy: [way("mdm-only/settings"), edition("home/mdm"), rule("mdm-home-edition")],
  },
  {
    id: "mdm-settings-link-14393-82",
    kind: "limit",
    says: 'The "Enroll only in device management" link came with build 14393.82; older builds use the deep link.',
    source: seed(`${MDM}: Using the Settings app`),
    encodedBy: [rule("settings-link-before-14393-82")],
  },
  {
    id: "byod-already-connected",
    kind: "message",
    says: "Windows refuses a device already connected to Azure AD, a work account or a domain.",
    source: seed(BYOD_TABLE),
    encodedBy: [
      rule("byod-already-connected"),
      rule("byod-domain-joined"),
      rule("mdm-domain-joined"),
    ],
  },
  {
    id: "byod-identity-not-found",
    kind: "message",
    says: "Windows refuses a user name the tenant does not know.",
    source: seed(BYOD_TABLE),
    encodedBy: [rule("byod-user-not-found")],
  },
  {
    id: "byod-already-managed",
    kind: "message",
    says: "Windows refuses a device that MDM or Configuration Manager already manages.",
    source: seed(BYOD_TABLE),
    encodedBy: [rule("byod-already-managed")],
  },
  {
    id: "byod-admin-only",
    kind: "message",
    says: "Windows refuses to enroll a standard user in MDM.",
    source: seed(BYOD_TABLE),
    encodedBy: [rule("byod-standard-user")],
  },
  {
    id: "byod-no-discovery",
    kind: "message",
    says: "Windows asks for the server address when discovery finds none for the user name.",
    source: seed(BYOD_TABLE),
    encodedBy: [rule("byod-no-discovery"), { kind: "catalog", id: "discovery-endpoint-not-found" }],
  },
  {
    id: "deep-link-1607-mdm-only",
    kind: "limit",
    says: "On 1607 a deep link only enrolls in MDM: no work account, Azure AD join or domain join.",
    source: seed(DEEP_LINK),
    encodedBy: [rule("deep-link-awa-aadj-before-1709"), rule("deep-link-before-1607")],
  },
  {
    id: "deep-link-format",
    kind: "rule",
    says: "A deep link always has the form ms-device-enrollment:?mode=<mode>.",
    source: seed(DEEP_LINK),
    encodedBy: [lint("scheme-invalid"), lint("mode-missing"), parameter("mode")],
  },
  {
    id: "param-mode",
    kind: "limit",
    says: "mode picks the flow: mdm, awa or aadj; it arrived in 1607.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("mode"), lint("mode-invalid"), rule("deep-link-before-1607")],
  },
  {
    id: "param-username",
    kind: "limit",
    says: "username is the e-mail address or UPN to enroll; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("username"), lint("username-invalid")],
  },
  {
    id: "param-servername",
    kind: "limit",
    says: "servername is the MDM server's URL; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("servername"), lint("servername-no-scheme")],
  },
  {
    id: "param-accesstoken",
    kind: "limit",
    says: "accesstoken is a custom value for the server, typically a token; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("accesstoken")],
  },
  {
    id: "param-deviceidentifier",
    kind: "limit",
    says: "deviceidentifier is a custom value for the server, a GUID; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("deviceidentifier"), lint("deviceidentifier-not-guid")],
  },
  {
    id: "param-tenantidentifier",
    kind: "limit",
    says: "tenantidentifier is a custom value for the server, a GUID or a string; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("tenantidentifier")],
  },
  {
    id: "param-ownership",
    kind: "limit",
    says: "ownership is a custom value for the server, 1, 2 or 3; labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [parameter("ownership"), lint("ownership-invalid")],
  },
  {
    id: "parameters-from-1703",
    kind: "limit",
    says: "Parameters other than mode are labelled as added in 1703.",
    source: seed(`${DEEP_LINK}, parameter table`),
    encodedBy: [rule("deep-link-parameters-before-1703")],
  },
  {
    id: "awa-aadj-from-1709",
    kind: "limit",
    says: "The awa and aadj modes work from 1709.",
    source: seed(`${DEEP_LINK} (note)`),
    encodedBy: [rule("deep-link-awa-aadj-before-1709")],
  },
  {
    id: "deep-link-browsers",
    kind: "limit",
    says: "Deep links work only from Internet Explorer or Edge.",
    source: seed(`${DEEP_LINK_MDM} (note)`),
    encodedBy: [rule("deep-link-browser")],
  },
  {
    id: "deep-link-example-brackets",
    kind: "rule",
    says: "The article's second example wraps the server URL in angle brackets, which a copied link carries into the value.",
    source: seed(DEEP_LINK_MDM),
    encodedBy: [lint("value-angle-brackets")],
  },
  {
    id: "deep-link-like-1511",
    kind: "rule",
    says: "mode=mdm opens the same flow as 1511's Enroll into device management option.",
    source: seed(`${DEEP_LINK_MDM}, step 1`),
    encodedBy: [way("mdm-only/deep-link"), rule("settings-link-before-14393-82")],
  },
  {
    id: "info-for-mdm",
    kind: "rule",
    says: "Only connections that involve MDM have an Info button.",
    source: seed(`${MANAGING}: Info`),
    encodedBy: [behaviour("info-button")],
  },
  {
    id: "disconnect-policy",
    kind: "rule",
    says: "Where AllowManualMDMUnenrollment is enforced, the user cannot disconnect MDM; only the server can unenroll.",
    source: seed(`${MANAGING}: Disconnect`),
    encodedBy: [behaviour("disconnect-policy")],
  },
  {
    id: "disconnect-phone-entra",
    kind: "limit",
    says: "A phone cannot leave Azure AD except by a reset.",
    source: seed(`${MANAGING}: Disconnect`),
    encodedBy: [behaviour("disconnect-phone")],
  },
];
