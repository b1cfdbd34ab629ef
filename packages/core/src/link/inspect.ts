import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { buildEnrollmentLink } from "./build.js";
import { INTUNE_DISCOVERY_URL, lintLink, withoutAngleBrackets } from "./lint.js";
import { type MinimumWindows, minimumWindowsFor } from "./min-windows.js";
import {
  type EnrollmentLinkParams,
  type EnrollmentMode,
  enrollmentMode,
  LINK_SCHEME,
  type LinkParamName,
  linkParameter,
} from "./params.js";
import { type ParsedLink, parseEnrollmentLink } from "./parse.js";

export interface InspectOptions {
  /** The moment access-token expiry is judged against; defaults to now. */
  readonly now?: Date;
}

export interface LinkInspection {
  /** False when any diagnostic is an error. */
  readonly ok: boolean;
  /** The canonical rewrite of the link, when one can be made without guessing. */
  readonly link?: string;
  /** Decoded values of the known parameters (lowercase names; the first of duplicates). */
  readonly params: Partial<Record<LinkParamName, string>>;
  /** The oldest Windows release that honours every parameter used. */
  readonly minWindows?: MinimumWindows;
  /** Worst first. */
  readonly diagnostics: readonly Diagnostic[];
  /** What had to be taken off the input to find the link (quotes, a command line…). */
  readonly unwrapped: readonly string[];
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;

/** Values as the canonical link writes them, or undefined when a value cannot be fixed by rule. */
function canonicalValue(name: LinkParamName, value: string): string | undefined {
  const clean = withoutAngleBrackets(value);
  switch (name) {
    case "mode":
      return enrollmentMode(clean.toLowerCase()) ? clean.toLowerCase() : undefined;
    case "deviceidentifier":
      return clean === "" || GUID.test(clean) ? clean : undefined;
    case "ownership":
      return clean === "" || ["1", "2", "3"].includes(clean) ? clean : undefined;
    case "servername":
      return isIntuneWithoutSvc(clean) ? INTUNE_DISCOVERY_URL : clean;
    default:
      return clean;
  }
}

function isIntuneWithoutSvc(value: string): boolean {
  return (
    /^(https?:\/\/)?enrollment\.manage\.microsoft\.com(\/|$)/i.test(value) &&
    !/\/discovery\.svc$/i.test(value)
  );
}

function canonicalLink(parsed: ParsedLink): string | undefined {
  if (!parsed.schemeFound) return undefined;
  const values = new Map<LinkParamName, string>();
  for (const pair of parsed.pairs) {
    const parameter = linkParameter(pair.name.toLowerCase());
    if (parameter === undefined) continue;
    const value = canonicalValue(parameter.name, pair.value);
    if (value === undefined) return undefined;
    const earlier = values.get(parameter.name);
    if (earlier !== undefined && earlier !== value) return undefined;
    values.set(parameter.name, value);
  }
  const mode = values.get("mode");
  if (mode === undefined) return undefined;
  const params = {
    ...Object.fromEntries(values),
    mode: mode as EnrollmentMode,
  } as EnrollmentLinkParams;
  const readable = buildEnrollmentLink(params);
  // A value that itself spells the scheme would read as a second link; encode it fully instead.
  const schemeCount = readable.toLowerCase().split(`${LINK_SCHEME}:`).length - 1;
  return schemeCount > 1 ? buildEnrollmentLink(params, { encoding: "strict" }) : readable;
}

function decodedParams(parsed: ParsedLink): Partial<Record<LinkParamName, string>> {
  const params: Partial<Record<LinkParamName, string>> = {};
  for (const pair of parsed.pairs) {
    const parameter = linkParameter(pair.name.toLowerCase());
    if (parameter && params[parameter.name] === undefined) params[parameter.name] = pair.value;
  }
  return params;
}

/**
 * Reads, checks and explains a deep link. Never throws: whatever the input, the answer says what was
 * seen, what is wrong and, when it can, offers the canonical link.
 *
 * @example
 * const result = inspectEnrollmentLink("ms-device-enrollment:?username=a@example.com&mode=mdm");
 * result.ok; // false: mode must come first
 * result.link; // "ms-device-enrollment:?mode=mdm&username=a@example.com"
 */
export function inspectEnrollmentLink(text: string, options: InspectOptions = {}): LinkInspection {
  const parsed = parseEnrollmentLink(typeof text === "string" ? text : String(text));
  const diagnostics = sortDiagnostics(lintLink(parsed, options.now ?? new Date()));
  const params = decodedParams(parsed);
  const link = canonicalLink(parsed);
  const minWindows = parsed.schemeFound
    ? minimumWindowsFor(
        parsed.pairs.map((p) => p.name.toLowerCase()),
        params.mode === undefined ? undefined : withoutAngleBrackets(params.mode),
      )
    : undefined;
  return {
    ok: !hasErrors(diagnostics),
    ...(link === undefined ? {} : { link }),
    params,
    ...(minWindows === undefined ? {} : { minWindows }),
    diagnostics,
    unwrapped: parsed.unwrapped,
  };
}
