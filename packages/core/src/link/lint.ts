import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import { type Citation, formatCitation } from "../sources/sources.js";
import { closestMatches } from "../text/similarity.js";
import { readJwtClaims } from "./jwt.js";
import {
  ENROLLMENT_MODES,
  LINK_PARAM_NAMES,
  LINK_SCHEME,
  type LinkParamName,
  linkParameter,
  PARAM_NAME_MISTAKES,
} from "./params.js";
import type { ParsedLink, QueryPair } from "./parse.js";

/** What one rule found: the rule adds its code, severity and source. */
export interface Finding {
  readonly message: string;
  readonly hint?: string;
  readonly param?: string;
}

export interface LintContext {
  readonly parsed: ParsedLink;
  /** The moment token expiry is judged against. */
  readonly now: Date;
}

/** One lint rule: data about the rule, and the check that applies it. */
export interface LinkRule {
  readonly code: string;
  readonly severity: Severity;
  /** What the rule looks for, for reference tables. */
  readonly summary: string;
  readonly source: Citation;
  /** A link that triggers the rule, for docs and tests. */
  readonly example: string;
  readonly check: (context: LintContext) => readonly Finding[];
}

/** Internet Explorer's URL limit; deep links only open from IE or Edge. */
export const MAX_LINK_LENGTH = 2083;
/** A token valid for longer than this is flagged: a link in a mailbox should not open doors for months. */
export const LONG_LIVED_TOKEN_DAYS = 30;

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const EMAIL_OR_UPN = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)*$/;
const INTUNE_DISCOVERY_HOST = "enrollment.manage.microsoft.com";
export const INTUNE_DISCOVERY_URL =
  "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc";
const DAY_MS = 86_400_000;

const lower = (pair: QueryPair) => pair.name.toLowerCase();
const named = (context: LintContext, name: LinkParamName) =>
  context.parsed.pairs.filter((pair) => lower(pair) === name);

/** A value without the angle brackets that markdown autolinks leave when copied. */
export function withoutAngleBrackets(value: string): string {
  let current = value.trim();
  while (current.startsWith("<") && current.endsWith(">") && current.length >= 2) {
    current = current.slice(1, -1).trim();
  }
  return current;
}

function valuesOf(context: LintContext, name: LinkParamName): string[] {
  return named(context, name).map((pair) => withoutAngleBrackets(pair.value));
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const modeValues = ENROLLMENT_MODES.map((m) => m.value);
const doc2017 = (section: string): Citation => ({ doc: "mdm-enrollment-2017", section });
const cxh: Citation = {
  doc: "cxh-app-manager",
  section: "_setScenario: prefix match on ms-device-enrollment:?mode=",
};

/** The lint rules, worst first. Adding a check is adding an entry. */
export const LINK_RULES: readonly LinkRule[] = [
  {
    code: "scheme-invalid",
    severity: "error",
    summary: "The link must start with exactly `ms-device-enrollment:?`.",
    source: cxh,
    example: "ms-device-enrollment://?mode=mdm",
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
      if (parsed.separator === ":?") return [];
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
    summary: "The link has no `mode` parameter.",
    source: cxh,
    example: "ms-device-enrollment:?username=someone@example.com",
    check: (context) =>
      named(context, "mode").length > 0
        ? []
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
    summary: "`mode` must be the first parameter: Windows matches the link by its prefix.",
    source: cxh,
    example: "ms-device-enrollment:?username=someone@example.com&mode=mdm",
    check: (context) => {
      const first = context.parsed.pairs[0];
      if (first === undefined || named(context, "mode").length === 0 || lower(first) === "mode")
        return [];
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
    summary: "`mode` must be `mdm`, `awa` or `aadj`.",
    source: doc2017("deep link parameter table and the note on awa and aadj"),
    example: "ms-device-enrollment:?mode=intune",
    check: (context) =>
      named(context, "mode").flatMap((pair): Finding[] => {
        const value = withoutAngleBrackets(pair.value).toLowerCase();
        if ((modeValues as string[]).includes(value)) return [];
        const prefix = modeValues.find((m) => value.startsWith(m));
        return [
          {
            message:
              value === ""
                ? "mode is empty."
                : `mode=${pair.value} is not a mode Windows knows${prefix ? ` (Windows would treat it as ${prefix}, since it only compares the start)` : ""}.`,
            hint: "Use mdm, awa or aadj.",
            param: "mode",
          },
        ];
      }),
  },
  {
    code: "param-name-case",
    severity: "error",
    summary: "Parameter names must be lowercase.",
    source: { doc: "wid-pr-306", section: "deep link parameters do not work if capitalised" },
    example: "ms-device-enrollment:?mode=mdm&UserName=someone@example.com",
    check: ({ parsed }) =>
      parsed.pairs.flatMap((pair): Finding[] => {
        const name = lower(pair);
        if (pair.name === name || linkParameter(name) === undefined) return [];
        return [
          {
            message: `${pair.name} is written with capitals; Windows only reads the lowercase name.`,
            hint: `Write ${name}.`,
            param: name,
          },
        ];
      }),
  },
  {
    code: "param-duplicate",
    severity: "error",
    summary: "A parameter appears more than once.",
    source: doc2017("deep link parameter table (one value per parameter)"),
    example: "ms-device-enrollment:?mode=mdm&username=a@example.com&username=b@example.com",
    check: ({ parsed }) => {
      const counts = new Map<string, number>();
      for (const pair of parsed.pairs) counts.set(lower(pair), (counts.get(lower(pair)) ?? 0) + 1);
      return [...counts]
        .filter(([name, count]) => count > 1 && linkParameter(name) !== undefined)
        .map(([name, count]) => ({
          message: `${name} appears ${count} times; which one Windows uses is not documented.`,
          hint: `Keep one ${name}.`,
          param: name,
        }));
    },
  },
  {
    code: "value-angle-brackets",
    severity: "error",
    summary: "A value is wrapped in `<…>`, as copied from the markdown of Microsoft's article.",
    source: doc2017("Connecting to MDM using a deep link, second example"),
    example: "ms-device-enrollment:?mode=mdm&servername=<https://mdm.example.com>",
    check: ({ parsed }) =>
      parsed.pairs
        .filter((pair) => {
          const value = pair.value.trim();
          return value.startsWith("<") && value.endsWith(">") && value.length >= 2;
        })
        .map((pair) => ({
          message: `The value of ${pair.name} is wrapped in angle brackets, which Windows passes on as part of it.`,
          hint: "Remove the < and > around the value.",
          param: lower(pair),
        })),
  },
  {
    code: "deviceidentifier-not-guid",
    severity: "error",
    summary: "`deviceidentifier` must be a GUID.",
    source: doc2017("deep link parameter table, deviceidentifier: GUID"),
    example: "ms-device-enrollment:?mode=mdm&deviceidentifier=laptop-42",
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
    summary: "`ownership` must be 1, 2 or 3.",
    source: { doc: "wid-pr-9407", section: "ownership: 1 unknown, 2 personal, 3 corporate" },
    example: "ms-device-enrollment:?mode=mdm&ownership=corporate",
    check: (context) =>
      valuesOf(context, "ownership")
        .filter((value) => value !== "" && !["1", "2", "3"].includes(value))
        .map((value) => ({
          message: `ownership "${value}" is not one of 1, 2 or 3.`,
          hint: "Use 1 (unknown), 2 (personally owned) or 3 (corporate-owned).",
          param: "ownership",
        })),
  },
  {
    code: "link-concatenated",
    severity: "error",
    summary: "Two links, or white space, inside one string.",
    source: {
      doc: "mdm-enrollment-intermediate",
      section: "doc feedback: the two example links rendered run together",
    },
    example:
      "ms-device-enrollment:?mode=mdmms-device-enrollment:?mode=mdm&username=someone@example.com",
    check: ({ parsed }) => {
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
    summary: "Intune's discovery URL fails without its `.svc` ending.",
    source: { doc: "wid-issue-4841", section: "URL must end in discovery.svc" },
    example:
      "ms-device-enrollment:?mode=mdm&servername=https://enrollment.manage.microsoft.com/enrollmentserver/discovery",
    check: (context) =>
      valuesOf(context, "servername").flatMap((value): Finding[] => {
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
    summary: "A parameter Windows does not document.",
    source: doc2017("deep link parameter table"),
    example: "ms-device-enrollment:?mode=mdm&enrollmenturl=https://mdm.example.com",
    check: ({ parsed }) =>
      parsed.pairs.flatMap((pair): Finding[] => {
        const name = lower(pair);
        if (linkParameter(name) !== undefined) return [];
        const guess = PARAM_NAME_MISTAKES[name] ?? closestMatches(name, LINK_PARAM_NAMES, 1)[0];
        return [
          {
            message: `${pair.name || "(a nameless parameter)"} is not a deep link parameter; Windows ignores it.`,
            hint: guess
              ? `Did you mean ${guess}?`
              : `Known parameters: ${LINK_PARAM_NAMES.join(", ")}.`,
            param: pair.name,
          },
        ];
      }),
  },
  {
    code: "mode-case",
    severity: "warning",
    summary: "The `mode` value is not lowercase.",
    source: doc2017("deep link parameter table; lowercase values in the 2019 text"),
    example: "ms-device-enrollment:?mode=MDM",
    check: (context) =>
      named(context, "mode")
        .map((pair) => withoutAngleBrackets(pair.value))
        .filter(
          (value) =>
            value !== value.toLowerCase() && (modeValues as string[]).includes(value.toLowerCase()),
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
    summary: "`servername` has no `https://`.",
    source: doc2017("deep link parameter table, servername: MDM server URL"),
    example: "ms-device-enrollment:?mode=mdm&servername=mdm.example.com",
    check: (context) =>
      valuesOf(context, "servername")
        .filter((value) => value !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
        .map((value) => ({
          message: `servername "${value}" is not a full URL.`,
          hint: `Write the discovery URL in full, e.g. https://${value.replace(/^\/+/, "")}.`,
          param: "servername",
        })),
  },
  {
    code: "servername-not-https",
    severity: "warning",
    summary: "`servername` does not use HTTPS.",
    source: { doc: "mdm-enrollment-2017", section: "discovery over HTTPS (see MS-MDE2 §3.1)" },
    example: "ms-device-enrollment:?mode=mdm&servername=http://mdm.example.com",
    check: (context) =>
      valuesOf(context, "servername")
        .filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !/^https:\/\//i.test(value))
        .map((value) => ({
          message: `servername "${value}" is not HTTPS; Windows discovers servers over HTTPS and asks the user before following plain HTTP.`,
          hint: "Serve discovery over HTTPS and use an https:// URL.",
          param: "servername",
        })),
  },
  {
    code: "username-invalid",
    severity: "warning",
    summary: "`username` is not an e-mail address or UPN.",
    source: doc2017("deep link parameter table, username: email address or UPN"),
    example: "ms-device-enrollment:?mode=mdm&username=CONTOSO\\someone",
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
    summary: "A literal `+` in a value may be read as a space.",
    source: { doc: "rfc-3986", section: "§3.4 query; form encoding reads + as space" },
    example: "ms-device-enrollment:?mode=mdm&username=first+last@example.com",
    check: ({ parsed }) =>
      parsed.pairs
        .filter((pair) => pair.rawValue.includes("+"))
        .map((pair) => ({
          message: `The value of ${pair.name} contains "+", which some readers turn into a space.`,
          hint: "Write the plus sign as %2B.",
          param: lower(pair),
        })),
  },
  {
    code: "value-percent-invalid",
    severity: "warning",
    summary: "A value has a `%` that is not a valid escape.",
    source: { doc: "rfc-3986", section: "§2.1 percent-encoding" },
    example: "ms-device-enrollment:?mode=mdm&tenantidentifier=100%",
    check: ({ parsed }) =>
      parsed.pairs
        .filter((pair) => pair.decodeFailed)
        .map((pair) => ({
          message: `The value of ${pair.name} contains a "%" that is not followed by two hex digits.`,
          hint: "Write a literal percent sign as %25.",
          param: lower(pair),
        })),
  },
  {
    code: "value-empty",
    severity: "warning",
    summary: "A parameter is given without a value.",
    source: doc2017("deep link parameter table"),
    example: "ms-device-enrollment:?mode=mdm&username=",
    check: ({ parsed }) =>
      parsed.pairs
        .filter(
          (pair) =>
            lower(pair) !== "mode" && linkParameter(lower(pair)) && pair.value.trim() === "",
        )
        .map((pair) => ({
          message: `${pair.name} has no value.`,
          hint: `Give ${lower(pair)} a value or leave it out.`,
          param: lower(pair),
        })),
  },
  {
    code: "link-too-long",
    severity: "warning",
    summary: `The link is longer than ${MAX_LINK_LENGTH} characters, Internet Explorer's URL limit.`,
    source: { doc: "ie-url-length", section: "summary" },
    example: `ms-device-enrollment:?mode=mdm&accesstoken=${"x".repeat(2100)}`,
    check: ({ parsed }) =>
      parsed.link.length > MAX_LINK_LENGTH
        ? [
            {
              message: `The link is ${parsed.link.length} characters long; Internet Explorer stops at ${MAX_LINK_LENGTH}, and deep links only open from IE or Edge.`,
              hint: "Shorten the access token, or leave out parameters the server does not need.",
            },
          ]
        : [],
  },
  {
    code: "accesstoken-expired",
    severity: "warning",
    summary: "The access token is a JWT whose `exp` has passed.",
    source: { doc: "rfc-7519", section: "§4.1.4 exp" },
    example: "ms-device-enrollment:?mode=mdm&accesstoken=eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln",
    check: (context) =>
      tokenExpiries(context)
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
    summary: `The access token is a JWT valid for more than ${LONG_LIVED_TOKEN_DAYS} days.`,
    source: { doc: "rfc-7519", section: "§4.1.4 exp" },
    example:
      "ms-device-enrollment:?mode=mdm&accesstoken=eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2ln",
    check: (context) =>
      tokenExpiries(context)
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
    summary: "Intune ignores `ownership`, and some servers never receive it.",
    source: { doc: "wid-issue-4064", section: "Intune shows every device as personal" },
    example: "ms-device-enrollment:?mode=mdm&ownership=3",
    check: (context) =>
      named(context, "ownership").length === 0
        ? []
        : [
            {
              message:
                "Intune ignores ownership, and a third-party server reported never receiving it (windows-itpro-docs issue #8503).",
              hint: "Set ownership on the server side (for Intune, corporate identifiers) rather than relying on the link.",
              param: "ownership",
            },
          ],
  },
];

function tokenExpiries(context: LintContext): number[] {
  return valuesOf(context, "accesstoken").flatMap((token) => {
    const exp = readJwtClaims(token)?.exp;
    return typeof exp === "number" && Number.isFinite(exp) ? [exp * 1000] : [];
  });
}

/**
 * Runs every rule over a parsed link. A text with no deep link in it gets only `scheme-invalid`.
 *
 * @example
 * const parsed = parseEnrollmentLink("ms-device-enrollment:?mode=mdm&deviceidentifier=laptop-42");
 * lintLink(parsed).map((d) => d.code); // ["deviceidentifier-not-guid"]
 */
export function lintLink(parsed: ParsedLink, now: Date = new Date()): Diagnostic[] {
  const context: LintContext = { parsed, now };
  const rules = parsed.schemeFound
    ? LINK_RULES
    : LINK_RULES.filter((r) => r.code === "scheme-invalid");
  return rules.flatMap((rule) =>
    rule.check(context).map((finding) => ({
      code: rule.code,
      severity: rule.severity,
      ...finding,
      source: formatCitation(rule.source),
    })),
  );
}
