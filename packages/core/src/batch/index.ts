export {
  type BatchOptions,
  type BatchRowResult,
  type BatchSummary,
  EnrollmentBatch,
  type LinkParamValues,
  linkRows,
} from "./batch.js";
export {
  COLUMN_ALIASES,
  type ColumnPlan,
  normaliseHeading,
  paramForHeading,
  planColumns,
} from "./columns.js";
export {
  compileTemplate,
  DEFAULT_WELCOME_MAIL,
  isHtmlTemplateName,
  type MailTemplate,
} from "./template.js";
export { SeenUsers } from "./users.js";
