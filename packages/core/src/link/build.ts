import { encodeLinkValue, type LinkEncoding } from "./encode.js";
import { type EnrollmentLinkParams, LINK_PARAM_NAMES, LINK_SCHEME } from "./params.js";

export interface BuildOptions {
  /** `readable` (default) encodes only what would break the query; `strict` encodes every reserved character. */
  readonly encoding?: LinkEncoding;
}

/**
 * Writes an `ms-device-enrollment:` deep link: `mode` first, then the other parameters in the
 * table's order, lowercase names, empty and absent values left out.
 *
 * It does not judge the values: run {@link inspectEnrollmentLink} on the result for diagnostics.
 *
 * @example
 * buildEnrollmentLink({ mode: "mdm", username: "someone@example.com", servername: "https://mdm.example.com" })
 * // "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com"
 */
export function buildEnrollmentLink(
  params: EnrollmentLinkParams,
  options: BuildOptions = {},
): string {
  const encoding = options.encoding ?? "readable";
  let link = `${LINK_SCHEME}:?`;
  let separator = "";
  for (const name of LINK_PARAM_NAMES) {
    const value = params[name];
    if (value === undefined || value === "") continue;
    link += `${separator}${name}=${encodeLinkValue(String(value), encoding)}`;
    separator = "&";
  }
  return link;
}
