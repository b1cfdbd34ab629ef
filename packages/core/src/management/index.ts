/**
 * @winenroll/core/management: Windows' first OMA-DM session after enrollment. SyncML DM 1.2
 * messages (build, parse), the simulated device that answers a server, the session as a pure state
 * machine, a runner over an injected transport, and the checks of what the server did.
 */
export {
  type AnsweredCommand,
  answerServerMessage,
  type DeviceAnswer,
} from "./answer.js";
export { buildSyncML } from "./build.js";
export {
  MANAGEMENT_CHECK_CODES,
  MANAGEMENT_CHECKS,
  type ManagementCheck,
  type ManagementCheckContext,
  type ManagementFinding,
  runChecks,
  type ServerTurn,
} from "./checks.js";
export { COMMAND_PURPOSE, describeSyncCommand } from "./describe.js";
export {
  DEFAULT_IDENTITY,
  type DeviceIdentity,
  type DeviceNodeSpec,
  DeviceTree,
  type DeviceTreeSpec,
  NODE_STATUS_RULES,
  type NodeCommand,
  type NodeOutcome,
} from "./device.js";
export {
  diagnoseManagement,
  lintManagement,
  type ManagedCommand,
  type ManagementReport,
  type ManagementStep,
  type ManagementSummary,
} from "./diagnose.js";
export { inspectSyncML, type SyncMLInspection } from "./inspect.js";
export {
  NODE_COMMANDS,
  SYNCML_COMMANDS,
  type SyncCommand,
  type SyncCommandName,
  type SyncHeader,
  type SyncItem,
  type SyncMessage,
  type SyncMeta,
} from "./model.js";
export { type ParsedSyncML, parseSyncML } from "./parse.js";
export {
  ALERT,
  ALERT_CODES,
  type AlertCode,
  LOGIN_STATUS_ALERT,
  type LoginStatus,
  MANAGEMENT_POST_HEADERS,
  MANAGEMENT_URL_QUERY,
  NODE_ROOTS,
  type NodeRoot,
  nodeRootOf,
  STATUS_CODES,
  type StatusCode,
  SYNCML_NAMESPACE,
  SYNCML_WBXML_CONTENT_TYPE,
  SYNCML_XML_CONTENT_TYPE,
  statusMeaning,
} from "./protocol.js";
export {
  type ManagementEndReason,
  type ManagementObservation,
  type ManagementRound,
  type ManagementRunOptions,
  type ManagementTransport,
  managementPostUrl,
  runManagementSession,
} from "./run.js";
export { maskSyncMLSecrets } from "./secrets.js";
export {
  type ClientTurn,
  createManagementSession,
  DEFAULT_MAX_ROUNDS,
  type ManagementSession,
  managementTarget,
  type SessionEnd,
  type SessionEndReason,
  type SessionOptions,
} from "./session.js";
