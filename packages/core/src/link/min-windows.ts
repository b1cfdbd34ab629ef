import { formatCitation } from "../sources/sources.js";
import { findRelease, releaseName } from "../windows/releases.js";
import { enrollmentMode, linkParameter, type ReleaseClaim } from "./params.js";

/** Why a link needs at least a given release: one parameter or mode value and its source. */
export interface ReleaseRequirement {
  /** `mode=awa`, or a parameter name. */
  readonly what: string;
  readonly version: string;
  readonly source: string;
}

/** The oldest Windows release that honours every parameter a link uses. */
export interface MinimumWindows {
  /** "Windows 10, version 1703" */
  readonly release: string;
  readonly version: string;
  readonly build: number;
  /** What sets the minimum, by the documentation's own labels. */
  readonly requirements: readonly ReleaseRequirement[];
  /**
   * Where another source names a later release for the same parameters, that release: the sources
   * disagree and winenroll does not pick one.
   */
  readonly disputed?: {
    readonly version: string;
    readonly build: number;
    readonly requirements: readonly ReleaseRequirement[];
  };
}

function buildOf(version: string): number {
  return findRelease(version)?.build ?? Number.POSITIVE_INFINITY;
}

function requirement(what: string, claim: ReleaseClaim): ReleaseRequirement {
  return { what, version: claim.version, source: formatCitation(claim.source) };
}

function latest(requirements: readonly ReleaseRequirement[]): ReleaseRequirement | undefined {
  return requirements.reduce<ReleaseRequirement | undefined>(
    (best, r) => (best === undefined || buildOf(r.version) > buildOf(best.version) ? r : best),
    undefined,
  );
}

/**
 * Computes the oldest release for a set of parameter names (lowercase) and a mode value. Returns
 * undefined when no known parameter is used.
 *
 * @example
 * minimumWindowsFor(["username", "servername"], "mdm")?.release; // "Windows 10, version 1703"
 */
export function minimumWindowsFor(
  names: Iterable<string>,
  mode?: string,
): MinimumWindows | undefined {
  const documented: ReleaseRequirement[] = [];
  const contested: ReleaseRequirement[] = [];
  for (const name of new Set(names)) {
    const parameter = linkParameter(name);
    if (parameter === undefined) continue;
    const [label, ...others] = parameter.addedIn;
    if (label) documented.push(requirement(name, label));
    for (const other of others) contested.push(requirement(name, other));
  }
  const modeDefinition = mode === undefined ? undefined : enrollmentMode(mode.toLowerCase());
  if (modeDefinition)
    documented.push(requirement(`mode=${modeDefinition.value}`, modeDefinition.addedIn));

  const floor = latest(documented);
  if (floor === undefined) return undefined;
  const release = findRelease(floor.version);
  const result: MinimumWindows = {
    release: release ? releaseName(release) : `Windows 10, version ${floor.version}`,
    version: floor.version,
    build: buildOf(floor.version),
    requirements: documented.filter((r) => r.version === floor.version),
  };
  const later = latest(contested);
  if (later === undefined || buildOf(later.version) <= result.build) return result;
  return {
    ...result,
    disputed: {
      version: later.version,
      build: buildOf(later.version),
      requirements: contested.filter((r) => r.version === later.version),
    },
  };
}

/**
 * One sentence naming the minimum release, and the later one where sources disagree.
 *
 * @example
 * describeMinimumWindows(inspectEnrollmentLink("ms-device-enrollment:?mode=mdm&username=a@example.com").minWindows!)
 * // "Windows 10, version 1703 (build 15063) or later; one source says 1709 (build 16299)."
 */
export function describeMinimumWindows(min: MinimumWindows): string {
  const base = `${min.release} (build ${min.build}) or later`;
  if (!min.disputed) return `${base}.`;
  return `${base}; one source says ${min.disputed.version} (build ${min.disputed.build}).`;
}
