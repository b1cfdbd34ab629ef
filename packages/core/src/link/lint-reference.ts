import { LINK_CHECKS, type LinkCheck, LONG_LIVED_TOKEN_DAYS, MAX_LINK_LENGTH } from "./lint.js";

/** What a lint rule looks for and a link that triggers it: reference text, not needed to lint. */
export interface LinkRuleText {
  /** What the rule looks for, for reference tables. */
  readonly summary: string;
  /** A link that triggers the rule, for docs and tests. */
  readonly example: string;
}

/** One lint rule as reference tables show it: its check and its text. */
export interface LinkRule extends LinkCheck, LinkRuleText {}

// Kept apart from the checks so that inspecting a link does not ship the reference text.
const RULE_TEXT: Readonly<Record<string, LinkRuleText>> = {
  "scheme-invalid": {
    summary: "The link must start with exactly `ms-device-enrollment:?`.",
    example: "ms-device-enrollment://?mode=mdm",
  },
  "mode-missing": {
    summary: "The link has no `mode` parameter.",
    example: "ms-device-enrollment:?username=someone@example.com",
  },
  "mode-not-first": {
    summary: "`mode` must be the first parameter: Windows matches the link by its prefix.",
    example: "ms-device-enrollment:?username=someone@example.com&mode=mdm",
  },
  "mode-invalid": {
    summary: "`mode` must be `mdm`, `awa` or `aadj`.",
    example: "ms-device-enrollment:?mode=intune",
  },
  "param-name-case": {
    summary: "Parameter names after `mode` must be lowercase.",
    example: "ms-device-enrollment:?mode=mdm&UserName=someone@example.com",
  },
  "mode-name-case": {
    summary: "`mode` is written with capitals; routing tolerates it.",
    example: "ms-device-enrollment:?MODE=mdm",
  },
  "mode-value-suffix": {
    summary: "`mode` starts with a known mode but goes on; Windows opens that mode's flow.",
    example: "ms-device-enrollment:?mode=aadjoin",
  },
  "param-duplicate": {
    summary: "A parameter appears more than once.",
    example: "ms-device-enrollment:?mode=mdm&username=a@example.com&username=b@example.com",
  },
  "value-angle-brackets": {
    summary: "A value is wrapped in `<…>`, as copied from the markdown of Microsoft's article.",
    example: "ms-device-enrollment:?mode=mdm&servername=<https://mdm.example.com>",
  },
  "deviceidentifier-not-guid": {
    summary: "`deviceidentifier` must be a GUID.",
    example: "ms-device-enrollment:?mode=mdm&deviceidentifier=laptop-42",
  },
  "ownership-invalid": {
    summary: "`ownership` must be 1, 2 or 3.",
    example: "ms-device-enrollment:?mode=mdm&ownership=corporate",
  },
  "link-concatenated": {
    summary: "Two links, or white space, inside one string.",
    example:
      "ms-device-enrollment:?mode=mdmms-device-enrollment:?mode=mdm&username=someone@example.com",
  },
  "servername-intune-missing-svc": {
    summary: "Intune's discovery URL fails without its `.svc` ending.",
    example:
      "ms-device-enrollment:?mode=mdm&servername=https://enrollment.manage.microsoft.com/enrollmentserver/discovery",
  },
  "param-unknown": {
    summary: "A parameter Windows does not document.",
    example: "ms-device-enrollment:?mode=mdm&enrollmenturl=https://mdm.example.com",
  },
  "mode-case": {
    summary: "The `mode` value is not lowercase.",
    example: "ms-device-enrollment:?mode=MDM",
  },
  "servername-no-scheme": {
    summary: "`servername` has no `https://`.",
    example: "ms-device-enrollment:?mode=mdm&servername=mdm.example.com",
  },
  "servername-not-https": {
    summary: "`servername` does not use HTTPS.",
    example: "ms-device-enrollment:?mode=mdm&servername=http://mdm.example.com",
  },
  "username-invalid": {
    summary: "`username` is not an e-mail address or UPN.",
    example: "ms-device-enrollment:?mode=mdm&username=CONTOSO\\someone",
  },
  "value-plus-ambiguous": {
    summary: "A literal `+` in a value may be read as a space.",
    example: "ms-device-enrollment:?mode=mdm&username=first+last@example.com",
  },
  "value-percent-invalid": {
    summary: "A value has a `%` that is not a valid escape.",
    example: "ms-device-enrollment:?mode=mdm&tenantidentifier=100%",
  },
  "value-empty": {
    summary: "A parameter is given without a value.",
    example: "ms-device-enrollment:?mode=mdm&username=",
  },
  "link-too-long": {
    summary: `The link is longer than ${MAX_LINK_LENGTH} characters, Internet Explorer's URL limit.`,
    example: `ms-device-enrollment:?mode=mdm&accesstoken=${"x".repeat(2100)}`,
  },
  "accesstoken-expired": {
    summary: "The access token is a JWT whose `exp` has passed.",
    example: "ms-device-enrollment:?mode=mdm&accesstoken=eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln",
  },
  "accesstoken-long-lived": {
    summary: `The access token is a JWT valid for more than ${LONG_LIVED_TOKEN_DAYS} days.`,
    example:
      "ms-device-enrollment:?mode=mdm&accesstoken=eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2ln",
  },
  "ownership-not-honoured": {
    summary: "Intune ignores `ownership`, and some servers never receive it.",
    example: "ms-device-enrollment:?mode=mdm&ownership=3",
  },
};

/** The lint rules with their reference text, worst first. Adding a rule is adding an entry to both tables. */
export const LINK_RULES: readonly LinkRule[] = LINK_CHECKS.map((check) => {
  const text = RULE_TEXT[check.code];
  if (text === undefined) throw new Error(`lint rule ${check.code} has no reference text`);
  const { code, severity, source, check: run, appliesTo } = check;
  // Fields in the order rule tables have always listed them.
  return {
    code,
    severity,
    summary: text.summary,
    source,
    example: text.example,
    check: run,
    ...(appliesTo === undefined ? {} : { appliesTo }),
  };
});
