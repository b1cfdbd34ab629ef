import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { formatLinkCitation, type LinkCitation } from "../sources/link-sources.js";
import { closestMatches } from "../text/similarity.js";
import { readJwtClaims } from "./jwt.js";
import { isOwnershipValue, listOwnershipValues, OWNERSHIP_SOURCE } from "./ownership.js";
import {
  LINK_PARAM_NAMES,
  LINK_SCHEME,
  type LinkParamName,
  MODE_FACTS,
  PARAM_NAME_MISTAKES,
  parameterFacts,
} from "./params.js";
import type { ParsedLink, QueryPair } from "./parse.js";

/** What one rule found: the rule adds its code, severity and source. */
export interface Finding {
  readonly message: string;
  readonly hint?: string;
  readonly param?: string;
}

/** What the rules read: the parsed link, indexed once so that no rule walks the pairs to find one. */
export interface LintContext {
  readonly parsed: ParsedLink;
  /** The moment token expiry is judged against. */
  readonly now: Date;
  /** Each pair's name in lowercase, by position. */
  readonly lowerNames: readonly string[];
  /** The pairs of each documented parameter the link uses, by lowercase name, in order of first use. */
  readonly params: ReadonlyMap<LinkParamName, readonly QueryPair[]>;
  /** The same pairs' decoded values, without the angle brackets of a markdown autolink. */
  readonly values: ReadonlyMap<LinkParamName, readonly string[]>;
  /** When each access token that is a JWT with an `exp` expires (ms since 1970); decoded on first use. */
  readonly tokenExpiries: () => readonly number[];
}

/** One lint rule's check: data about the rule, and the function that applies it. */
export interface LinkCheck {
  readonly code: string;
  readonly severity: Severity;
  readonly source: LinkCitation;
  /** The parameter the rule is about, when it can only fire if the link uses it; skipped otherwise. */
  readonly appliesTo?: LinkParamName;
  readonly check: (context: LintContext) => readonly Finding[];
}

/** Internet Explorer's URL limit; deep links only open from IE or Edge. */
export const MAX_LINK_LENGTH = 2083;
/** A token valid for longer than this is flagged: a link in a mailbox should not open doors for months. */
export const LONG_LIVED_TOKEN_DAYS = 30;

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const EMAIL_OR_UPN = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*$/;
const HAS_URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const HTTPS = /^https:\/\//i;
const PRINTABLE_ASCII_NO_PERCENT = /^[\x20-\x24\x26-\x7e]*$/;
const INTUNE_HOST_IN_TEXT = /enrollment\.manage\.microsoft\.com/i;
const INTUNE_DISCOVERY_HOST = "enrollment.manage.microsoft.com";
export const INTUNE_DISCOVERY_URL =
  "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc";
const DAY_MS = 86_400_000;
const NONE: readonly never[] = [];

const named = (context: LintContext, name: LinkParamName): readonly QueryPair[] =>
  context.params.get(name) ?? NONE;

/** A value without the angle brackets that markdown autolinks leave when copied. */
export function withoutAngleBrackets(value: string): string {
  let current = value.trim();
  while (current.startsWith("<") && current.endsWith(">") && current.length >= 2) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

const valuesOf = (context: LintContext, name: LinkParamName): readonly string[] =>
  context.values.get(name) ?? NONE;

/**
 * A check that gives one finding for each pair `picks` selects, in order; `name` is the pair's name
 * in lowercase. Built once per rule, so running it allocates nothing for a clean link.
 */
function eachPair(
  picks: (pair: QueryPair, name: string, context: LintContext) => boolean,
  finding: (pair: QueryPair, name: string) => Finding,
): (context: LintContext) => readonly Finding[] {
  return (context) => {
    const { parsed, lowerNames } = context;
    let findings: Finding[] | undefined;
    for (let i = 0; i < parsed.pairs.length; i++) {
      const pair = parsed.pairs[i]!;
      const name = lowerNames[i]!;
      if (!picks(pair, name, context)) continue;
      findings ??= [];
      findings.push(finding(pair, name));
    }
    return findings ?? NONE;
  };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * True when a value cannot be a URL on Intune's host, so the URL parser can be skipped: plain
 * printable ASCII without `%` keeps its host as written (bar case), and the host is not in it.
 * Anything else (escapes, tabs, non-ASCII the URL parser maps) goes to the parser.
 */
function cannotNameIntune(value: string): boolean {
  return !INTUNE_HOST_IN_TEXT.test(value) && PRINTABLE_ASCII_NO_PERCENT.test(value);
}

const modeValues: readonly string[] = MODE_FACTS.map((m) => m.value);

/** The mode a longer value routes to, since Windows matches the link's start: `mdmx` opens mdm. */
function modePrefix(value: string): string | undefined {
  if (modeValues.includes(value)) return undefined;
  return modeValues.find((m) => value.startsWith(m));
}
const doc2017 = (section: string): LinkCitation => ({ doc: "mdm-enrollment-2017", section });
const cxh: LinkCitation = {
  doc: "cxh-app-manager",
  section: "_setScenario: prefix match on ms-device-enrollment:?mode=",
};

/**
 * The lint rules' checks, worst first. Adding a check is adding an entry (and its reference text in
 * `lint-reference.ts`).
 */
export const LINK_CHECKS: readonly LinkCheck[] = [
  {
    code: "scheme-invalid",
    severity: "error",
    source: cxh,
    check: ({ parsed }) => {
      if (!parsed.schemeFound) {
        const what = parsed.scheme ? `a ${parsed.scheme}: link` : "no link at all";
        return [
          {
            message: `This is ${what}, not an ${LINK_SCHEME}: deep link.`,
            hint: "Start the link with ms-device-enrollment:?mode=mdm (or awa, aadj).",
          },
        ];
      }
      if (parsed.separator === ":?") return NONE;
      return [
        {
          message: `The link starts "${parsed.scheme}${parsed.separator}" where Windows expects exactly "${LINK_SCHEME}:?"; it opens a generic page instead of enrollment.`,
          hint: `Write "${LINK_SCHEME}:?" with no slashes between the colon and the question mark.`,
        },
      ];
    },
  },
  {
    code: "mode-missing",
    severity: "error",
    source: cxh,
    check: (context) =>
      context.params.has("mode")
        ? NONE
        : [
            {
              message: "The link has no mode, so Windows does not know which flow to open.",
              hint: "Add mode=mdm (device management only), mode=awa (work account) or mode=aadj (Entra join) as the first parameter.",
              param: "mode",
            },
          ],
  },
  {
    code: "mode-not-first",
    severity: "error",
    source: cxh,
    appliesTo: "mode",
    check: ({ parsed, lowerNames }) => {
      const first = parsed.pairs[0];
      if (first === undefined || lowerNames[0] === "mode") return NONE;
      return [
        {
          message: `mode comes after ${first.name}; Windows only recognises links that begin "${LINK_SCHEME}:?mode=".`,
          hint: "Move mode to the front of the query.",
          param: "mode",
        },
      ];
    },
  },
  {
    code: "mode-invalid",
    severity: "error",
    source: doc2017("deep link parameter table and the note on awa and aadj"),
    appliesTo: "mode",
    check: (context) =>
      named(context, "mode").flatMap((pair): Finding[] => {
        const value = withoutAngleBrackets(pair.value).toLowerCase();
        if (modeValues.includes(value) || modePrefix(value)) return [];
        return [
          {
            message:
              value === "" ? "mode is empty." : `mode=${pair.value} is not a mode Windows knows.`,
            hint: "Use mdm, awa or aadj.",
            param: "mode",
          },
        ];
      }),
  },
  {
    code: "param-name-case",
    severity: "error",
    source: { doc: "wid-pr-306", section: "deep link parameters do not work if capitalised" },
    check: eachPair(
      (pair, name, context) =>
        pair.name !== name && name !== "mode" && context.params.has(name as LinkParamName),
      (pair, name) => ({
        message: `${pair.name} is written with capitals; Windows only reads the lowercase name.`,
        hint: `Write ${name}.`,
        param: name,
      }),
    ),
  },
  {
    code: "value-angle-brackets",
    severity: "error",
    source: doc2017("Connecting to MDM using a deep link, second example"),
    check: eachPair(
      (pair) => {
        const value = pair.value.trim();
        return value.startsWith("<") && value.endsWith(">") && value.length >= 2;
      },
      (pair, name) => ({
        message: `The value of ${pair.name} is wrapped in angle brackets, which Windows passes on as part of it.`,
        hint: "Remove the < and > around the value.",
        param: name,
      }),
    ),
  },
  {
    code: "deviceidentifier-not-guid",
    severity: "error",
    source: doc2017("deep link parameter table, deviceidentifier: GUID"),
    appliesTo: "deviceidentifier",
    check: (context) =>
      valuesOf(context, "deviceidentifier")
        .filter((value) => value !== "" && !GUID.test(value))
        .map((value) => ({
          message: `deviceidentifier "${value}" is not a GUID.`,
          hint: "Use a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.",
          param: "deviceidentifier",
        })),
  },
  {
    code: "ownership-invalid",
    severity: "error",
    source: OWNERSHIP_SOURCE,
    appliesTo: "ownership",
    check: (context) =>
      valuesOf(context, "ownership")
        .filter((value) => value !== "" && !isOwnershipValue(value))
        .map((value) => ({
          message: `ownership "${value}" is not one of ${listOwnershipValues()}.`,
          hint: `Use ${listOwnershipValues(true)}.`,
          param: "ownership",
        })),
  },
  {
    code: "link-concatenated",
    severity: "error",
    source: {
      doc: "mdm-enrollment-intermediate",
      section: "doc feedback: the two example links rendered run together",
    },
    check: ({ parsed }) => {
      if (parsed.otherLinks.length === 0 && !parsed.innerWhitespace) return NONE;
      const findings: Finding[] = [];
      if (parsed.otherLinks.length > 0) {
        findings.push({
          message: `The text holds ${parsed.otherLinks.length + 1} links run together; Windows reads them as one broken link.`,
          hint: "Keep one link per string; winenroll read the first.",
        });
      }
      if (parsed.innerWhitespace) {
        findings.push({
          message: "The link contains white space, which ends it early when it is clicked or run.",
          hint: "Remove the spaces and line breaks inside the link.",
        });
      }
      return findings;
    },
  },
  {
    code: "servername-intune-missing-svc",
    severity: "error",
    source: { doc: "wid-issue-4841", section: "URL must end in discovery.svc" },
    appliesTo: "servername",
    check: (context) =>
      valuesOf(context, "servername").flatMap((value): Finding[] => {
        if (cannotNameIntune(value)) return [];
        const url = parseUrl(value.includes("://") ? value : `https://${value}`);
        if (url?.hostname.toLowerCase() !== INTUNE_DISCOVERY_HOST) return [];
        if (url.pathname.toLowerCase().endsWith("/discovery.svc")) return [];
        return [
          {
            message:
              "This Intune server URL does not end in /enrollmentserver/discovery.svc; without it the service answers with an error instead of discovery.",
            hint: `Use ${INTUNE_DISCOVERY_URL}.`,
            param: "servername",
          },
        ];
      }),
  },
  {
    code: "param-unknown",
    severity: "warning",
    source: doc2017("deep link parameter table"),
    check: eachPair(
      (_, name, context) => !context.params.has(name as LinkParamName),
      (pair, name) => {
        const guess = PARAM_NAME_MISTAKES[name] ?? closestMatches(name, LINK_PARAM_NAMES, 1)[0];
        return {
          message: `${pair.name || "(a nameless parameter)"} is not a deep link parameter; Windows ignores it.`,
          hint: guess
            ? `Did you mean ${guess}?`
            : `Known parameters: ${LINK_PARAM_NAMES.join(", ")}.`,
          param: pair.name,
        };
      },
    ),
  },
  {
    code: "param-duplicate",
    severity: "warning",
    // No source says which of two values Windows reads; the parameter table is silent on it.
    source: doc2017("deep link parameter table (silent on repeated parameters)"),
    check: ({ params }) => {
      const findings: Finding[] = [];
      for (const [name, pairs] of params) {
        if (pairs.length < 2) continue;
        findings.push({
          message: `${name} appears ${pairs.length} times; which one Windows uses is not documented.`,
          hint: `Keep one ${name}.`,
          param: name,
        });
      }
      return findings;
    },
  },
  {
    // The handler lower-cases the whole link before matching its start, so MODE=mdm routes; the
    // names after mode are read later, where PR #306 says capitals fail (param-name-case).
    code: "mode-name-case",
    severity: "warning",
    source: cxh,
    appliesTo: "mode",
    check: ({ parsed, lowerNames }) =>
      parsed.pairs
        .filter((pair, i) => lowerNames[i] === "mode" && pair.name !== "mode")
        .map((pair) => ({
          message: `${pair.name} is written with capitals; Windows lower-cases the link before matching mode, so it routes, but every documented example writes mode.`,
          hint: "Write mode.",
          param: "mode",
        })),
  },
  {
    code: "mode-value-suffix",
    severity: "warning",
    source: cxh,
    appliesTo: "mode",
    check: (context) =>
      valuesOf(context, "mode").flatMap((value): Finding[] => {
        const lower = value.toLowerCase();
        const prefix = modePrefix(lower);
        if (prefix === undefined) return [];
        return [
          {
            message: `mode=${value} is not a documented mode; Windows only compares the start of the link, so it opens the ${prefix} flow.`,
            hint: `Write mode=${prefix}.`,
            param: "mode",
          },
        ];
      }),
  },
  {
    code: "mode-case",
    severity: "warning",
    source: doc2017("the examples (mode=mdm) and the note on awa and aadj, all lowercase"),
    appliesTo: "mode",
    check: (context) =>
      valuesOf(context, "mode")
        .filter(
          (value) => value !== value.toLowerCase() && modeValues.includes(value.toLowerCase()),
        )
        .map((value) => ({
          message: `mode=${value} is not lowercase; routing tolerates it, but every documented example is lowercase.`,
          hint: `Write mode=${value.toLowerCase()}.`,
          param: "mode",
        })),
  },
  {
    code: "servername-no-scheme",
    severity: "warning",
    source: doc2017("deep link parameter table, servername: MDM server URL"),
    appliesTo: "servername",
    check: (context) =>
      valuesOf(context, "servername")
        .filter((value) => value !== "" && !HAS_URL_SCHEME.test(value))
        .map((value) => ({
          message: `servername "${value}" is not a full URL.`,
          hint: `Write the discovery URL in full, e.g. https://${value.replace(/^\/+/, "")}.`,
          param: "servername",
        })),
  },
  {
    code: "servername-not-https",
    severity: "warning",
    source: {
      doc: "wid-federated-enrollment",
      section: "Discovery service: HTTPS first, HTTP only with the user's consent",
    },
    appliesTo: "servername",
    check: (context) =>
      valuesOf(context, "servername")
        .filter((value) => HAS_URL_SCHEME.test(value) && !HTTPS.test(value))
        .map((value) => ({
          message: `servername "${value}" is not HTTPS; Windows discovers servers over HTTPS and asks the user before following plain HTTP.`,
          hint: "Serve discovery over HTTPS and use an https:// URL.",
          param: "servername",
        })),
  },
  {
    code: "username-invalid",
    severity: "warning",
    source: doc2017("deep link parameter table, username: email address or UPN"),
    appliesTo: "username",
    check: (context) =>
      valuesOf(context, "username")
        .filter((value) => value !== "" && !EMAIL_OR_UPN.test(value))
        .map((value) => ({
          message: `username "${value}" is not an e-mail address or UPN, so Windows cannot find the server from its domain.`,
          hint: value.includes("\\")
            ? "Use the user's UPN (name@domain) instead of DOMAIN\\name, or give servername."
            : "Use the user's e-mail address or UPN, name@domain.",
          param: "username",
        })),
  },
  {
    code: "value-plus-ambiguous",
    severity: "warning",
    source: { doc: "rfc-3986", section: "§3.4 query; form encoding reads + as space" },
    check: eachPair(
      (pair) => pair.rawValue.includes("+"),
      (pair, name) => ({
        message: `The value of ${pair.name} contains "+", which some readers turn into a space.`,
        hint: "Write the plus sign as %2B.",
        param: name,
      }),
    ),
  },
  {
    code: "value-percent-invalid",
    severity: "warning",
    source: { doc: "rfc-3986", section: "§2.1 percent-encoding" },
    check: eachPair(
      (pair) => pair.decodeFailed,
      (pair, name) => ({
        message: `The value of ${pair.name} contains a "%" that is not followed by two hex digits.`,
        hint: "Write a literal percent sign as %25.",
        param: name,
      }),
    ),
  },
  {
    code: "value-empty",
    severity: "warning",
    source: doc2017("deep link parameter table"),
    check: eachPair(
      (pair, name, context) =>
        name !== "mode" && context.params.has(name as LinkParamName) && pair.value.trim() === "",
      (pair, name) => ({
        message: `${pair.name} has no value.`,
        hint: `Give ${name} a value or leave it out.`,
        param: name,
      }),
    ),
  },
  {
    code: "link-too-long",
    severity: "warning",
    source: { doc: "ie-url-length", section: "summary" },
    check: ({ parsed }) =>
      parsed.link.length > MAX_LINK_LENGTH
        ? [
            {
              message: `The link is ${parsed.link.length} characters long; Internet Explorer stops at ${MAX_LINK_LENGTH}, and deep links only open from IE or Edge.`,
              hint: "Shorten the access token, or leave out parameters the server does not need.",
            },
          ]
        : NONE,
  },
  {
    code: "accesstoken-expired",
    severity: "warning",
    source: { doc: "rfc-7519", section: "§4.1.4 exp" },
    appliesTo: "accesstoken",
    check: (context) =>
      context
        .tokenExpiries()
        .filter((exp) => exp <= context.now.getTime())
        .map((exp) => ({
          message: `The access token expired on ${new Date(exp).toISOString()}.`,
          hint: "Issue a new token and a new link.",
          param: "accesstoken",
        })),
  },
  {
    code: "accesstoken-long-lived",
    severity: "warning",
    source: { doc: "rfc-7519", section: "§4.1.4 exp" },
    appliesTo: "accesstoken",
    check: (context) =>
      context
        .tokenExpiries()
        .filter((exp) => exp - context.now.getTime() > LONG_LIVED_TOKEN_DAYS * DAY_MS)
        .map((exp) => ({
          message: `The access token stays valid until ${new Date(exp).toISOString()}, more than ${LONG_LIVED_TOKEN_DAYS} days from now.`,
          hint: "Links travel in mailboxes; give tokens a short lifetime (days, not months).",
          param: "accesstoken",
        })),
  },
  {
    code: "ownership-not-honoured",
    severity: "info",
    source: { doc: "wid-issue-4064", section: "Intune shows every device as personal" },
    appliesTo: "ownership",
    check: () => [
      {
        message:
          "Intune ignores ownership, and a third-party server reported never receiving it (windows-itpro-docs issue #8503).",
        hint: "Set ownership on the server side (for Intune, corporate identifiers) rather than relying on the link.",
        param: "ownership",
      },
    ],
  },
];

function expiriesOf(tokens: readonly string[]): number[] {
  return tokens.flatMap((token) => {
    const exp = readJwtClaims(token)?.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? [exp * 1000] : [];
  });
}

/** Indexes a parsed link for the rules, once: lowercase names, and each documented parameter's pairs. */
export function lintContext(parsed: ParsedLink, now: Date): LintContext {
  const lowerNames: string[] = [];
  const params = new Map<LinkParamName, QueryPair[]>();
  const values = new Map<LinkParamName, string[]>();
  for (const pair of parsed.pairs) {
    const name = pair.name.toLowerCase();
    lowerNames.push(name);
    const parameter = parameterFacts(name);
    if (parameter === undefined) continue;
    const value = withoutAngleBrackets(pair.value);
    const pairs = params.get(parameter.name);
    if (pairs === undefined) {
      params.set(parameter.name, [pair]);
      values.set(parameter.name, [value]);
    } else {
      pairs.push(pair);
      values.get(parameter.name)!.push(value);
    }
  }
  // Two rules judge the token's expiry; its claims are decoded once, and only when a rule asks.
  let expiries: number[] | undefined;
  const tokenExpiries = () => {
    expiries ??= expiriesOf(values.get("accesstoken") ?? NONE);
    return expiries;
  };
  return { parsed, now, lowerNames, params, values, tokenExpiries };
}

const schemeCheck = LINK_CHECKS.filter((r) => r.code === "scheme-invalid");

/** Runs the checks that can fire over an indexed link; what `lintLink` and the inspector share. */
export function runLinkChecks(context: LintContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of context.parsed.schemeFound ? LINK_CHECKS : schemeCheck) {
    if (rule.appliesTo !== undefined && !context.params.has(rule.appliesTo)) continue;
    const findings = rule.check(context);
    if (findings.length === 0) continue;
    const source = formatLinkCitation(rule.source);
    for (const finding of findings) {
      diagnostics.push({ code: rule.code, severity: rule.severity, ...finding, source });
    }
  }
  return diagnostics;
}

/**
 * Runs every rule over a parsed link. A text with no deep link in it gets only `scheme-invalid`.
 *
 * @example
 * const parsed = parseEnrollmentLink("ms-device-enrollment:?mode=mdm&deviceidentifier=laptop-42");
 * lintLink(parsed).map((d) => d.code); // ["deviceidentifier-not-guid"]
 */
export function lintLink(parsed: ParsedLink, now: Date = new Date()): Diagnostic[] {
  return runLinkChecks(lintContext(parsed, now));
}
