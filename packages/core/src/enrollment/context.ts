/**
 * The AdditionalContext items of the RequestSecurityToken: what each says, which values it takes,
 * the value the simulated device sends, and where each fact comes from.
 */
import type { Citation } from "../sources/sources.js";

export interface ContextItemFact {
  readonly name: string;
  /** What the item tells the server, in winenroll's words. */
  readonly meaning: string;
  /** Values a source gives (a pattern in words when free-form). */
  readonly values: string;
  /** The same as a pattern, where the format is fixed enough to check a value given by hand. */
  readonly pattern?: RegExp;
  /** MS-MDE2's group: required of every client, or implementation-specific. */
  readonly requirement: "required" | "implementation-specific";
  /** Whether the simulated device sends it unless told not to, and in which position (Windows' order). */
  readonly sentByDefault: boolean;
  /** The oldest Windows that sends it, where a source says. */
  readonly since?: string;
  /** May appear more than once. */
  readonly repeatable?: boolean;
  readonly sources: readonly Citation[];
}

const onPremList: Citation = {
  doc: "ms-mde2",
  section: "3.4.4.1.1.1.1–3 AdditionalContext (Federated, Certificate, OnPremise)",
};
const implSpecific: Citation = {
  doc: "ms-mde2",
  section: "3.4.4.1.1.1.x and 7 Appendix B notes <24>–<33>",
};
const capture: Citation = { doc: "fleet-windows-capture", section: "RequestSecurityToken" };
const fixtures: Citation = { doc: "fleet-windows-fixtures", section: "RequestSecurityToken" };

/**
 * The items, those Windows 10 sent first and in the order it sent them (UXInitiated … RequestVersion),
 * then the rest of MS-MDE2's list.
 */
export const CONTEXT_ITEMS: readonly ContextItemFact[] = [
  {
    name: "UXInitiated",
    meaning: "The enrollment was started by the user from Settings.",
    values: "true or false",
    requirement: "implementation-specific",
    sentByDefault: true,
    since: "Windows 10 1709",
    sources: [implSpecific, capture],
  },
  {
    name: "HWDevID",
    meaning: "A hardware-derived identifier of the device.",
    values: "64 hexadecimal digits (upper case as seen)",
    pattern: /^[0-9A-Fa-f]{64}$/,
    requirement: "implementation-specific",
    sentByDefault: true,
    sources: [implSpecific, capture],
  },
  {
    name: "Locale",
    meaning: "The user interface language.",
    values: "a language tag, en-US as seen (en-us in the spec's samples)",
    requirement: "implementation-specific",
    sentByDefault: true,
    sources: [implSpecific, capture],
  },
  {
    name: "TargetedUserLoggedIn",
    meaning: "Whether the user being enrolled is the one signed in.",
    values: "true or false",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "OSEdition",
    meaning:
      "The Windows edition, as the product type number (48 Pro, 4 Enterprise, 72 Enterprise evaluation).",
    values: "a decimal number",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture, fixtures],
  },
  {
    name: "DeviceName",
    meaning: "The computer name.",
    values: "free text",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "MAC",
    meaning: "A network adapter's MAC address; one item per adapter.",
    values: "six hex pairs joined by hyphens as seen (colons in the spec's samples)",
    requirement: "required",
    sentByDefault: true,
    repeatable: true,
    sources: [onPremList, capture],
  },
  {
    name: "DeviceID",
    meaning: "The device's identifier; it reappears in the CSR subject and as DevInfo/DevId.",
    values: "32 upper-case hex digits as seen (a GUID in the spec's samples)",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "EnrollmentType",
    meaning: "Full for a user enrollment, Device for a device enrollment.",
    values: "Full or Device",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "DeviceType",
    meaning: "The kind of device.",
    values: "CIMClient_Windows (PCs), WindowsPhone, WindowsHandheld",
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "OSVersion",
    meaning: "The Windows version.",
    values: "four dotted integers (10.0.19043.2364)",
    pattern: /^\d+\.\d+\.\d+\.\d+$/,
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "ApplicationVersion",
    meaning: "The enrollment client's version; equal to OSVersion as seen.",
    values: "four dotted integers",
    pattern: /^\d+\.\d+\.\d+\.\d+$/,
    requirement: "required",
    sentByDefault: true,
    sources: [onPremList, capture],
  },
  {
    name: "NotInOobe",
    meaning: "The enrollment runs after the out-of-box experience.",
    values: "true or false",
    requirement: "implementation-specific",
    sentByDefault: true,
    since: "Windows 10 1903",
    sources: [implSpecific, capture],
  },
  {
    name: "RequestVersion",
    meaning: "The enrollment protocol version the client speaks.",
    values: "5.0 as seen on Windows 10 22H2",
    requirement: "implementation-specific",
    sentByDefault: true,
    sources: [implSpecific, fixtures],
  },
  {
    name: "EnrollmentData",
    meaning: "Opaque data, for example the blob the Entra terms-of-use page returned.",
    values: "opaque text",
    requirement: "required",
    sentByDefault: false,
    sources: [onPremList, { doc: "wid-entra-mdm-integration", section: "Terms of use" }],
  },
  {
    name: "IMEI",
    meaning: "A mobile radio's IMEI; one item per radio.",
    values: "an integer",
    requirement: "required",
    sentByDefault: false,
    repeatable: true,
    sources: [onPremList],
  },
  {
    name: "ExternalMgmtAgentHint",
    meaning: "A hint that another management agent is present.",
    values: "free text",
    requirement: "implementation-specific",
    sentByDefault: false,
    since: "Windows 10 1709",
    sources: [implSpecific],
  },
  {
    name: "DomainName",
    meaning: "The domain of a domain-joined device.",
    values: "a DNS name",
    requirement: "implementation-specific",
    sentByDefault: false,
    since: "Windows 10 1709",
    sources: [implSpecific],
  },
  {
    name: "ZeroTouchProvisioning",
    meaning: "The enrollment is a zero-touch one.",
    values: "a GUID",
    requirement: "implementation-specific",
    sentByDefault: false,
    sources: [implSpecific],
  },
  {
    name: "OfflineAutoPilotEnrollmentCorrelator",
    meaning: "Correlates an offline Autopilot enrollment.",
    values: "1–100 letters, digits and single hyphens, not starting with a hyphen",
    requirement: "implementation-specific",
    sentByDefault: false,
    since: "Windows 10 1809",
    sources: [implSpecific],
  },
  {
    name: "EmmDeviceId",
    meaning: "The EntDMID the server set earlier, sent back.",
    values: "free text",
    requirement: "implementation-specific",
    sentByDefault: false,
    sources: [implSpecific],
  },
];

/**
 * One context item's facts, by name.
 *
 * @example
 * contextItem("HWDevID")?.pattern?.test("0".repeat(64)); // true
 */
export function contextItem(name: string): ContextItemFact | undefined {
  return CONTEXT_ITEMS.find((item) => item.name === name);
}

/** The context item names, for quick look-up. */
export const CONTEXT_ITEM_NAMES: ReadonlySet<string> = new Set(CONTEXT_ITEMS.map((i) => i.name));
