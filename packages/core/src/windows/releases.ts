import type { Citation } from "../sources/sources.js";

export type WindowsProduct = "Windows 10" | "Windows 11";

/** One feature update of Windows and the build number it carries. */
export interface WindowsRelease {
  readonly product: WindowsProduct;
  /** The version name Microsoft uses: `1607`, `22H2`. */
  readonly version: string;
  /** The OS build (the third part of `10.0.x`). */
  readonly build: number;
  /** True where the build number comes only from third-party reports, not from Microsoft. */
  readonly thirdPartyOnly?: boolean;
  readonly source: Citation;
}

const releaseHealth: Citation = { doc: "release-health", section: "feature update builds" };

function release(product: WindowsProduct, version: string, build: number): WindowsRelease {
  return { product, version, build, source: releaseHealth };
}

/** Feature updates from Windows 10 RTM to the newest Windows 11, oldest first. */
export const WINDOWS_RELEASES: readonly WindowsRelease[] = [
  release("Windows 10", "1507", 10240),
  release("Windows 10", "1511", 10586),
  release("Windows 10", "1607", 14393),
  release("Windows 10", "1703", 15063),
  release("Windows 10", "1709", 16299),
  release("Windows 10", "1803", 17134),
  release("Windows 10", "1809", 17763),
  release("Windows 10", "1903", 18362),
  release("Windows 10", "1909", 18363),
  release("Windows 10", "2004", 19041),
  release("Windows 10", "20H2", 19042),
  release("Windows 10", "21H1", 19043),
  release("Windows 10", "21H2", 19044),
  release("Windows 10", "22H2", 19045),
  release("Windows 11", "21H2", 22000),
  release("Windows 11", "22H2", 22621),
  release("Windows 11", "23H2", 22631),
  release("Windows 11", "24H2", 26100),
  {
    product: "Windows 11",
    version: "25H2",
    build: 26200,
    thirdPartyOnly: true,
    source: { doc: "third-party-build-reports", section: "Version 25H2 (OS build 26200)" },
  },
];

/**
 * Full display name: "Windows 10, version 1607".
 *
 * @example
 * const release = findRelease("1607");
 * if (release) releaseName(release); // "Windows 10, version 1607"
 */
export function releaseName(release: WindowsRelease): string {
  return `${release.product}, version ${release.version}`;
}

/**
 * The Windows 10 release with this version name (`1607`). Names such as `21H2` and `22H2` exist in
 * both Windows 10 and 11; pass `product` to pick Windows 11.
 *
 * @example
 * findRelease("1607")?.build; // 14393
 * findRelease("22H2", "Windows 11")?.product; // "Windows 11"
 */
export function findRelease(
  version: string,
  product: WindowsProduct = "Windows 10",
): WindowsRelease | undefined {
  const wanted = version.toUpperCase();
  return WINDOWS_RELEASES.find((r) => r.product === product && r.version === wanted);
}
