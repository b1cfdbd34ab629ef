import { formatLinkCitation } from "../sources/link-sources.js";
import { findRelease, releaseName, type WindowsRelease } from "../windows/releases.js";
import { modeFacts, parameterFacts, type ReleaseClaim } from "./params.js";

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

/** A requirement with its release, looked up once. */
interface Requirement {
  readonly requirement: ReleaseRequirement;
  readonly release: WindowsRelease | undefined;
  readonly build: number;
}

/** A parameter's claims: the documentation's own label, then the sources that contradict it. */
interface ParameterClaims {
  readonly documented?: Requirement;
  readonly contested: readonly Requirement[];
}

function requirement(what: string, claim: ReleaseClaim): Requirement {
  const release = findRelease(claim.version);
  return {
    // Frozen: every answer that names this requirement shares the object.
    requirement: Object.freeze({
      what,
      version: claim.version,
      source: formatLinkCitation(claim.source),
    }),
    release,
    build: release?.build ?? Number.POSITIVE_INFINITY,
  };
}

// Built on first use, for documented names and modes only, so they stay as small as those lists.
const claimsByName = new Map<string, ParameterClaims>();
const claimsByMode = new Map<string, Requirement>();

function parameterClaims(name: string): ParameterClaims | undefined {
  const cached = claimsByName.get(name);
  if (cached !== undefined) return cached;
  const parameter = parameterFacts(name);
  if (parameter === undefined) return undefined;
  const [label, ...others] = parameter.addedIn;
  const claims: ParameterClaims = {
    ...(label ? { documented: requirement(name, label) } : {}),
    contested: others.map((other) => requirement(name, other)),
  };
  claimsByName.set(name, claims);
  return claims;
}

function modeClaim(mode: string): Requirement | undefined {
  const cached = claimsByMode.get(mode);
  if (cached !== undefined) return cached;
  const definition = modeFacts(mode);
  if (definition === undefined) return undefined;
  const claim = requirement(`mode=${definition.value}`, definition.addedIn);
  claimsByMode.set(mode, claim);
  return claim;
}

/** The latest release among the requirements (the first one named, on a tie). */
function latest(requirements: readonly Requirement[]): Requirement | undefined {
  let best: Requirement | undefined;
  for (const r of requirements) if (best === undefined || r.build > best.build) best = r;
  return best;
}

function naming(requirements: readonly Requirement[], version: string): ReleaseRequirement[] {
  const named: ReleaseRequirement[] = [];
  for (const r of requirements) if (r.requirement.version === version) named.push(r.requirement);
  return named;
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
  return minimumWindowsOf(new Set(names), mode);
}

/** {@link minimumWindowsFor} for names already free of repeats, as the inspector's index holds them. */
export function minimumWindowsOf(
  names: Iterable<string>,
  mode: string | undefined,
): MinimumWindows | undefined {
  const documented: Requirement[] = [];
  const contested: Requirement[] = [];
  for (const name of names) {
    const claims = parameterClaims(name);
    if (claims === undefined) continue;
    if (claims.documented) documented.push(claims.documented);
    for (const other of claims.contested) contested.push(other);
  }
  const modeRequirement = mode === undefined ? undefined : modeClaim(mode.toLowerCase());
  if (modeRequirement) documented.push(modeRequirement);

  const floor = latest(documented);
  if (floor === undefined) return undefined;
  const { version } = floor.requirement;
  const release = floor.release ? releaseName(floor.release) : `Windows 10, version ${version}`;
  const requirements = naming(documented, version);
  const later = latest(contested);
  if (later === undefined || later.build <= floor.build) {
    return { release, version, build: floor.build, requirements };
  }
  const disputed = {
    version: later.requirement.version,
    build: later.build,
    requirements: naming(contested, later.requirement.version),
  };
  return { release, version, build: floor.build, requirements, disputed };
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
