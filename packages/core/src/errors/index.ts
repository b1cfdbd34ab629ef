export {
  ERROR_CATALOG,
  type ErrorCatalogEntry,
  type ErrorOrigin,
  type SoapFault,
  type WindowsMessage,
} from "./catalog.js";
export {
  FACILITIES,
  type FacilityInfo,
  HTTP_STATUSES,
  type NamedCode,
  WIN32_ERRORS,
  WINHTTP_ERRORS,
} from "./codes.js";
export {
  type ErrorExplanation,
  type ErrorMatch,
  type ExplainOptions,
  explainError,
  findErrorsByHResult,
  type KnownMessage,
  type MatchKind,
  normalizeMessage,
} from "./explain.js";
export {
  type CodeInterpretation,
  decodeHResult,
  formatHResult,
  type HResultDecoding,
  parseHResult,
} from "./hresult.js";
export { CODE_INTERPRETATION_LABELS, ERROR_ORIGIN_LABELS } from "./labels.js";
export { RULE_MESSAGES } from "./rule-messages.js";
export {
  SCREEN_MESSAGE_ROWS,
  SCREEN_TABLE,
  type ScreenMessageRow,
  screenMessagesFor,
  screenTextFor,
} from "./screen-messages.js";
