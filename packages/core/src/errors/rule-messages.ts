import { ENROLLMENT_RULES } from "../rules/rules.js";
import type { KnownMessage } from "./known-message.js";

/**
 * The messages of the enrollment rules (packages/core/src/rules), which Windows shows when a way
 * of connecting is blocked. explainError searches them alongside the catalog. They are read from
 * the rules' own data, never copied.
 */
export const RULE_MESSAGES: readonly KnownMessage[] = ENROLLMENT_RULES.flatMap((rule) =>
  rule.message
    ? [
        {
          id: rule.id,
          text: rule.message,
          explanation: rule.explanation,
          remedy: rule.remedy,
          source: rule.source,
        },
      ]
    : [],
);
