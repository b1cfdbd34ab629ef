export {
  type AnchorFormat,
  escapeHtml,
  formatEnrollmentAnchor,
  quotePowerShell,
} from "./anchor.js";
export { type BuildOptions, buildEnrollmentLink } from "./build.js";
export { decodeLinkValue, encodeLinkValue, type LinkEncoding } from "./encode.js";
export { type InspectOptions, inspectEnrollmentLink, type LinkInspection } from "./inspect.js";
export { type JwtClaims, readJwtClaims } from "./jwt.js";
export {
  type Finding,
  INTUNE_DISCOVERY_URL,
  type LinkCheck,
  type LintContext,
  LONG_LIVED_TOKEN_DAYS,
  lintLink,
  MAX_LINK_LENGTH,
} from "./lint.js";
export { LINK_RULES, type LinkRule, type LinkRuleText } from "./lint-reference.js";
export {
  describeMinimumWindows,
  type MinimumWindows,
  minimumWindowsFor,
  type ReleaseRequirement,
} from "./min-windows.js";
export {
  isOwnershipValue,
  listOwnershipValues,
  OWNERSHIP_SOURCE,
  OWNERSHIP_VALUES,
  type OwnershipValue,
} from "./ownership.js";
export {
  type EnrollmentLinkParams,
  type EnrollmentMode,
  LINK_PARAM_NAMES,
  LINK_SCHEME,
  type LinkParameter,
  type LinkParameterFacts,
  type LinkParameterText,
  type LinkParamName,
  type ModeDefinition,
  type ModeFacts,
  type ModeText,
  PARAM_NAME_MISTAKES,
  type ReleaseClaim,
  type ValueKind,
} from "./params.js";
export {
  ENROLLMENT_MODES,
  enrollmentMode,
  LINK_PARAMETERS,
  linkParameter,
} from "./params-reference.js";
export { type ParsedLink, parseEnrollmentLink, type QueryPair } from "./parse.js";
export { maskLinkSecrets, maskSecret } from "./secrets.js";
