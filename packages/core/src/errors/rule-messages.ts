import type { KnownMessage } from "./explain.js";

/**
 * The messages of the enrollment rules (packages/core/src/rules), which Windows shows when a way
 * of connecting is blocked. explainError searches them alongside the catalog. They are read from
 * the rules' own data, never copied; until the rules module exists the list is empty.
 */
export const RULE_MESSAGES: readonly KnownMessage[] = [];
