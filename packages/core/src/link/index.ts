export { type AnchorFormat, escapeHtml, formatEnrollmentAnchor } from "./anchor.js";
export { type BuildOptions, buildEnrollmentLink } from "./build.js";
export { decodeLinkValue, encodeLinkValue, type LinkEncoding } from "./encode.js";
export { type InspectOptions, inspectEnrollmentLink, type LinkInspection } from "./inspect.js";
export { type JwtClaims, readJwtClaims } from "./jwt.js";
export {
  type Finding,
  INTUNE_DISCOVERY_URL,
  LINK_RULES,
  type LinkRule,
  LONG_LIVED_TOKEN_DAYS,
  lintLink,
  MAX_LINK_LENGTH,
} from "./lint.js";
export {
  describeMinimumWindows,
  type MinimumWindows,
  minimumWindowsFor,
  type ReleaseRequirement,
} from "./min-windows.js";
export {
  ENROLLMENT_MODES,
  type EnrollmentLinkParams,
  type EnrollmentMode,
  enrollmentMode,
  LINK_PARAM_NAMES,
  LINK_PARAMETERS,
  LINK_SCHEME,
  type LinkParameter,
  type LinkParamName,
  linkParameter,
  type ModeDefinition,
  PARAM_NAME_MISTAKES,
  type ReleaseClaim,
  type ValueKind,
} from "./params.js";
export { type ParsedLink, parseEnrollmentLink, type QueryPair } from "./parse.js";
export { maskLinkSecrets, maskSecret } from "./secrets.js";
