import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { buildEnrollmentLink } from "../link/build.js";
import type { LinkEncoding } from "../link/encode.js";
import { inspectEnrollmentLink, type LinkInspection } from "../link/inspect.js";
import { type EnrollmentLinkParams, LINK_PARAM_NAMES } from "../link/params.js";

// A username made of these, with a plain domain, can be replaced by a stand-in of the same shape
// (letters → a/A, digits → 0) without changing what the linter says: see InspectionCache.
const PLAIN_USERNAME = /^([A-Za-z0-9._+-]{1,64})@([A-Za-z0-9.-]{1,253})$/;
const MAX_CACHED_SHAPES = 4096;

/** What the batch takes from an inspection: the verdict and its reasons. */
export type LinkVerdict = Pick<LinkInspection, "ok" | "diagnostics">;

interface CachedInspection {
  readonly inspection: LinkVerdict;
  /** Stand-in values in the cached diagnostics' text, and the parameter each stands for. */
  readonly standIns: readonly (readonly [string, string])[];
}

export interface InspectionCacheOptions {
  /** The moment expiry is judged against; one for the whole run. */
  readonly now: Date;
  readonly encoding: LinkEncoding;
}

/**
 * The linter's verdict on a built link, shared between links of one shape, so a million rows do not
 * cost a million full lint passes. A plain username (letters, digits, `._+-`, a plain domain) is
 * replaced by a stand-in of the same length and character classes, and the run's own signed token
 * by its length (a run's tokens share their header, `iat` and `exp`), so every rule sees the same
 * thing; the stand-ins are swapped back in the diagnostics' text. A cached verdict equals the `ok`
 * and `diagnostics` of a fresh {@link inspectEnrollmentLink} of the link.
 *
 * @example
 * const cache = new InspectionCache({ now: new Date(), encoding: "readable" });
 * const params = { mode: "mdm", username: "ana@contoso.com" };
 * cache.inspect(params, "ms-device-enrollment:?mode=mdm&username=ana@contoso.com").ok; // true
 */
export class InspectionCache {
  readonly #options: InspectionCacheOptions;
  readonly #cache = new Map<string, CachedInspection>();

  constructor(options: InspectionCacheOptions) {
    this.#options = options;
  }

  /**
   * The verdict on `link`, built from `params` with this cache's encoding; `signedToken` is the
   * run's own token in `params.accesstoken`, when it is one.
   */
  inspect(params: Record<string, string>, link: string, signedToken?: string): LinkVerdict {
    const { now, encoding } = this.#options;
    const username = params.username;
    const plain = username === undefined ? null : PLAIN_USERNAME.exec(username);
    if (username !== undefined && plain === null) return inspectEnrollmentLink(link, { now });
    const standInUser = plain === null ? undefined : `${shapeOf(plain[1]!)}@${plain[2]}`;
    const signed = signedToken;
    let key = "";
    for (const name of LINK_PARAM_NAMES) {
      const value =
        name === "username"
          ? standInUser
          : name === "accesstoken" && signed !== undefined
            ? `\u0001${signed.length}`
            : params[name];
      key += `${value ?? ""}\u0000`;
    }
    let cached = this.#cache.get(key);
    if (cached === undefined) {
      const probe = { ...params, ...(standInUser === undefined ? {} : { username: standInUser }) };
      const { ok, diagnostics } = inspectEnrollmentLink(
        buildEnrollmentLink(probe as EnrollmentLinkParams, { encoding }),
        { now },
      );
      const inspection = { ok, diagnostics };
      const standIns: [string, string][] = [];
      if (standInUser !== undefined) standIns.push([standInUser, "username"]);
      if (signed !== undefined) standIns.push([signed, "accesstoken"]);
      if (this.#cache.size >= MAX_CACHED_SHAPES) this.#cache.clear();
      cached = { inspection, standIns };
      this.#cache.set(key, cached);
    }
    return swapBack(cached, params);
  }
}

/** The cached verdict with each stand-in replaced by this row's own value. */
function swapBack(cached: CachedInspection, params: Record<string, string>): LinkVerdict {
  const { inspection, standIns } = cached;
  if (inspection.diagnostics.length === 0 || standIns.length === 0) return inspection;
  const swap = (text: string) => {
    let out = text;
    for (const [standIn, param] of standIns) {
      if (out.includes(standIn)) out = out.split(standIn).join(params[param]!);
    }
    return out;
  };
  return {
    ...inspection,
    diagnostics: inspection.diagnostics.map((d: Diagnostic) => ({
      ...d,
      message: swap(d.message),
      ...(d.hint === undefined ? {} : { hint: swap(d.hint) }),
    })),
  };
}

/** Letters become a or A, digits 0; `._+-` stay: the shape the linter sees in a local part. */
function shapeOf(local: string): string {
  let out = "";
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    out +=
      c >= 97 && c <= 122 ? "a" : c >= 65 && c <= 90 ? "A" : c >= 48 && c <= 57 ? "0" : local[i];
  }
  return out;
}
