import {
  compareWindowsVersions,
  parseWindowsVersion,
  type WindowsVersion,
} from "../windows/version.js";
import type { ReleaseGate } from "./rules.js";

/**
 * A release gate in words: `below 1607`, or `from 14393 below 14393.82` for a gate that holds only
 * for one release's early builds.
 *
 * @example
 * releaseRange({ fact: "release", from: "14393", below: "14393.82" }); // "from 14393 below 14393.82"
 */
export function releaseRange(gate: ReleaseGate): string {
  return gate.from === undefined ? `below ${gate.below}` : `from ${gate.from} below ${gate.below}`;
}

/**
 * True when the version falls inside the gate: older than `below`, and not older than `from`.
 *
 * @example
 * inReleaseRange(parseWindowsVersion("1511"), { fact: "release", from: "14393", below: "14393.82" }); // false
 */
export function inReleaseRange(version: WindowsVersion, gate: ReleaseGate): boolean {
  if (compareWindowsVersions(version, parseWindowsVersion(gate.below)) >= 0) return false;
  return (
    gate.from === undefined || compareWindowsVersions(version, parseWindowsVersion(gate.from)) >= 0
  );
}
