import {
  findRelease,
  releaseName,
  WINDOWS_RELEASES,
  type WindowsProduct,
  type WindowsRelease,
} from "./releases.js";

/** A Windows version read from text: the build, the servicing revision when given, and the release it belongs to. */
export interface WindowsVersion {
  /** The OS build, the third part of `10.0.x`. */
  readonly build: number;
  /** The servicing revision (`82` in `14393.82`); 0 when the input named no revision. */
  readonly revision: number;
  /** True when the input carried a revision. */
  readonly hasRevision: boolean;
  /** The feature update this build belongs to, when known. */
  readonly release?: WindowsRelease;
  /** For a build above the newest known release's: that release, which the build is later than. */
  readonly laterThan?: WindowsRelease;
  /** "Windows 10, version 1607 (build 14393.82)", or "build 26300, later than Windows 11, version 25H2". */
  readonly label: string;
}

/** The forms {@link parseWindowsVersion} accepts, for error messages and help text. */
export const WINDOWS_VERSION_FORMS =
  "a version name (1709, 22H2), a product and version (Windows 11 23H2), a build (16299, 14393.82) or a full version (10.0.16299, 10.0.14393.82)";

/** Thrown by {@link parseWindowsVersion} for text it cannot read. */
export class WindowsVersionError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a Windows version: use ${WINDOWS_VERSION_FORMS}.`);
    this.name = "WindowsVersionError";
  }
}

const NEWEST = WINDOWS_RELEASES[WINDOWS_RELEASES.length - 1]!;

/**
 * The release a build belongs to: the newest release whose build is not above it. A build above
 * the newest known release belongs to no known release (it is labelled as later than it).
 */
function releaseOfBuild(build: number): WindowsRelease | undefined {
  const exact = WINDOWS_RELEASES.find((r) => r.build === build);
  if (exact) return exact;
  if (build > NEWEST.build) return undefined;
  let found: WindowsRelease | undefined;
  for (const r of WINDOWS_RELEASES) if (r.build <= build) found = r;
  return found && build - found.build < 1000 ? found : undefined;
}

function make(
  build: number,
  revision: number | undefined,
  release?: WindowsRelease,
): WindowsVersion {
  const r = release ?? releaseOfBuild(build);
  const laterThan = r === undefined && build > NEWEST.build ? NEWEST : undefined;
  const number = revision === undefined ? `${build}` : `${build}.${revision}`;
  let label = `build ${number}`;
  if (r) label = `${releaseName(r)} (build ${number})`;
  else if (laterThan) label = `build ${number}, later than ${releaseName(laterThan)}`;
  return {
    build,
    revision: revision ?? 0,
    hasRevision: revision !== undefined,
    ...(r ? { release: r } : {}),
    ...(laterThan ? { laterThan } : {}),
    label,
  };
}

/**
 * Reads a Windows version written as a version name (`1709`, `22H2`; a name both products use means
 * Windows 10 unless the product is named), a product and version (`Windows 11 23H2`), a build (`16299`, `14393.82`) or
 * a full version (`10.0.16299`, `10.0.14393.82`). Throws {@link WindowsVersionError} naming the
 * accepted forms otherwise.
 *
 * @example
 * parseWindowsVersion("14393.82"); // { build: 14393, revision: 82, release: 1607, ... }
 * parseWindowsVersion("Windows 11 23H2").build; // 22631
 */
export function parseWindowsVersion(input: string): WindowsVersion {
  const text = input.trim().replace(/\s+/g, " ");
  const named = /^(?:windows (10|11),? (?:version )?)?(\d{4}|\d{2}h\d)$/i.exec(text);
  if (named) {
    const product: WindowsProduct = named[1] === "11" ? "Windows 11" : "Windows 10";
    const version = named[2] as string;
    // A bare name means Windows 10 where both products use it (21H2, 22H2), else the product that has it.
    const release =
      findRelease(version, product) ?? (named[1] ? undefined : findRelease(version, "Windows 11"));
    if (release) return make(release.build, undefined, release);
    if (named[1] || /h/i.test(version)) throw new WindowsVersionError(input);
  }
  const numeric = /^(?:10\.0\.)?(\d{5})(?:\.(\d{1,5}))?$/.exec(text);
  if (numeric) {
    const build = Number(numeric[1]);
    if (build < 10240) throw new WindowsVersionError(input);
    return make(build, numeric[2] === undefined ? undefined : Number(numeric[2]));
  }
  throw new WindowsVersionError(input);
}

/**
 * Compares two versions by build, then servicing revision. Negative when `a` is older.
 *
 * @example
 * compareWindowsVersions(parseWindowsVersion("14393.10"), parseWindowsVersion("14393.82")); // < 0
 */
export function compareWindowsVersions(a: WindowsVersion, b: WindowsVersion): number {
  return a.build - b.build || a.revision - b.revision;
}

/**
 * True when `version` is at least `minimum` (both parsed with {@link parseWindowsVersion}).
 *
 * @example
 * isAtLeast("1607", "14393.82"); // false: 1607 without a revision is its first build
 */
export function isAtLeast(
  version: string | WindowsVersion,
  minimum: string | WindowsVersion,
): boolean {
  const v = typeof version === "string" ? parseWindowsVersion(version) : version;
  const m = typeof minimum === "string" ? parseWindowsVersion(minimum) : minimum;
  return compareWindowsVersions(v, m) >= 0;
}
