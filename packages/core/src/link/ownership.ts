import type { LinkCitation } from "../sources/link-sources.js";

/** The values of the `ownership` link parameter, and who owns the device for each. */
export const OWNERSHIP_VALUES = [
  { value: "1", owner: "unknown" },
  { value: "2", owner: "personally owned" },
  { value: "3", owner: "corporate-owned" },
] as const;

export type OwnershipValue = (typeof OWNERSHIP_VALUES)[number]["value"];

/** Where the three values are defined. */
export const OWNERSHIP_SOURCE: LinkCitation = {
  doc: "wid-pr-9407",
  section: "ownership: 1 unknown, 2 personal, 3 corporate",
};

/**
 * Whether a value is one `ownership` takes (`1`, `2` or `3`).
 *
 * @example
 * isOwnershipValue("3"); // true
 * isOwnershipValue("corporate"); // false
 */
export function isOwnershipValue(value: string): value is OwnershipValue {
  return OWNERSHIP_VALUES.some((v) => v.value === value);
}

/**
 * The values in words, for messages and help.
 *
 * @example
 * listOwnershipValues(); // "1, 2 or 3"
 * listOwnershipValues(true); // "1 (unknown), 2 (personally owned) or 3 (corporate-owned)"
 */
export function listOwnershipValues(withOwners = false): string {
  const items = OWNERSHIP_VALUES.map((v) => (withOwners ? `${v.value} (${v.owner})` : v.value));
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
