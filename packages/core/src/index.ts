/**
 * @winenroll/core: Windows MDM enrollment knowledge as code. Pure TypeScript with no I/O, for
 * browsers and Node alike: deep links, enrollment rules, error codes, device state and releases.
 *
 * What only tools and servers need has its own entry, so a web page does not ship it:
 * `@winenroll/core/batch` (links for a CSV of users), `@winenroll/core/discovery` (the MS-MDE2
 * discovery probe), `@winenroll/core/mdm-report` (MDMDiagReport.xml), `@winenroll/core/tokens`
 * (signed access tokens, with jose) and `@winenroll/core/node` (the Node transport the probe runs on).
 */
export * from "./device/index.js";
export * from "./diagnostics/diagnostic.js";
export type { ReportStep, StepDetail, StepVerdict } from "./diagnostics/step.js";
export * from "./errors/index.js";
export * from "./link/index.js";
export * from "./rules/index.js";
export * from "./sources/sources.js";
export {
  DURATION_FORMS,
  DURATION_UNITS,
  type DurationUnit,
  parseDurationMs,
} from "./text/duration.js";
export { closestMatches, editDistance } from "./text/similarity.js";
export * from "./windows/index.js";
