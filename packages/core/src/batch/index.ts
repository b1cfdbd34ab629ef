/**
 * @winenroll/core/batch: links for a whole CSV of users, streamed row by row, with the column
 * aliases, the per-row checks and the welcome-mail templates. Kept out of the browser entry.
 */
export { type BatchOptions, EnrollmentBatch, linkRows } from "./batch.js";
export { BATCH_CHECKS, type BatchCheck, type BatchCheckCode, batchDiagnostic } from "./checks.js";
export {
  COLUMN_ALIASES,
  type ColumnPlan,
  normaliseHeading,
  paramForHeading,
  planColumns,
} from "./columns.js";
export {
  InspectionCache,
  type InspectionCacheOptions,
  type LinkVerdict,
} from "./inspection-cache.js";
export {
  type BatchItem,
  type BatchRowResult,
  completeRow,
  type InvalidRecord,
  type LinkParamValues,
  type LinkStep,
  type RowDraft,
  readRecord,
  readRow,
} from "./row.js";
export { type BatchSummary, BatchTally } from "./tally.js";
export {
  compileTemplate,
  DEFAULT_WELCOME_MAIL,
  isHtmlTemplateName,
  type MailTemplate,
  TEMPLATE_VARIABLES,
  WELCOME_MAIL_SOURCES,
} from "./template.js";
export { SeenUsers } from "./users.js";
