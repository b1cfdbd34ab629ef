import { ENROLLMENT_RULES } from "../rules/rules.js";
import type { KnownMessage } from "./known-message.js";

/**
 * The enrollment rules' words (packages/core/src/rules), read from the rules' own data, never copied:
 * the text Windows shows on screen when a way of connecting is blocked (`kind: "on-screen"`), and
 * the situations the seed's Active Directory and Azure AD tables describe (`kind: "situation"`),
 * which are not text on screen. explainError searches both alongside the catalog.
 */
export const RULE_MESSAGES: readonly KnownMessage[] = ENROLLMENT_RULES.flatMap((rule) => {
  const words: [KnownMessage["kind"], string | undefined][] = [
    ["on-screen", rule.message],
    ["situation", rule.situation],
  ];
  return words.flatMap(([kind, text]) =>
    text
      ? [
          {
            id: rule.id,
            kind,
            text,
            explanation: rule.explanation,
            remedy: rule.remedy,
            source: rule.source,
          },
        ]
      : [],
  );
});
