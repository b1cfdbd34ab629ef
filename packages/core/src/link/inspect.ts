import { type Diagnostic, hasErrors, sortDiagnostics } from "../diagnostics/diagnostic.js";
import { buildEnrollmentLink } from "./build.js";
import { INTUNE_DISCOVERY_URL, type LintContext, lintContext, runLinkChecks } from "./lint.js";
import { type MinimumWindows, minimumWindowsOf } from "./min-windows.js";
import { isOwnershipValue } from "./ownership.js";
import { type EnrollmentLinkParams, type LinkParamName, modeFacts } from "./params.js";
import { parseEnrollmentLink } from "./parse.js";

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
const INTUNE_HOST_URL = /^(https?:\/\/)?enrollment\.manage\.microsoft\.com(\/|$)/i;
const ENDS_IN_SVC = /\/discovery\.svc$/i;
// A value that itself spells the scheme would read as a second link (searched from after the first).
const SCHEME_AGAIN = /ms-device-enrollment:/gi;

/**
 * Values as the canonical link writes them, or undefined when a value cannot be fixed by rule.
 * `clean` is the decoded value without angle brackets.
 */
function canonicalValue(name: LinkParamName, clean: string): string | undefined {
  switch (name) {
    case "mode":
      return modeFacts(clean.toLowerCase()) ? clean.toLowerCase() : undefined;
    case "deviceidentifier":
      return clean === "" || GUID.test(clean) ? clean : undefined;
    case "ownership":
      return clean === "" || isOwnershipValue(clean) ? clean : undefined;
    case "servername":
      return isIntuneWithoutSvc(clean) ? INTUNE_DISCOVERY_URL : clean;
    default:
      return clean;
  }
}

function isIntuneWithoutSvc(value: string): boolean {
  return INTUNE_HOST_URL.test(value) && !ENDS_IN_SVC.test(value);
}

function canonicalLink({ parsed, values }: LintContext): string | undefined {
  if (!parsed.schemeFound || !values.has("mode")) return undefined;
  const chosen: Partial<Record<LinkParamName, string>> = {};
  for (const [name, cleanValues] of values) {
    let kept: string | undefined;
    for (const clean of cleanValues) {
      const value = canonicalValue(name, clean);
      if (value === undefined || (kept !== undefined && kept !== value)) return undefined;
      kept = value;
    }
    chosen[name] = kept;
  }
  const canonical = chosen as EnrollmentLinkParams;
  const readable = buildEnrollmentLink(canonical);
  SCHEME_AGAIN.lastIndex = 1;
  return SCHEME_AGAIN.test(readable)
    ? buildEnrollmentLink(canonical, { encoding: "strict" })
    : readable;
}

/** The first value of each documented parameter, in order of first use. */
function decodedParams({ params }: LintContext): Partial<Record<LinkParamName, string>> {
  const values: Partial<Record<LinkParamName, string>> = {};
  for (const [name, pairs] of params) values[name] = pairs[0]!.value;
  return values;
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
  const context = lintContext(parsed, options.now ?? new Date());
  const diagnostics = sortDiagnostics(runLinkChecks(context));
  const params = decodedParams(context);
  const link = canonicalLink(context);
  const minWindows = parsed.schemeFound
    ? minimumWindowsOf(context.params.keys(), context.values.get("mode")?.[0])
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
