import type { Counterpart } from "./seed.js";

/** A test that proves a counterpart: its file (from the repository root) and its title. */
export interface TestRef {
  readonly file: string;
  /** The title as the report shows it, with the counterpart's id in place. */
  readonly title: string;
}

const RULES_TEST = "packages/core/src/rules/evaluate.test.ts";

/** The test of each behaviour a seed statement is encoded by. */
const BEHAVIOUR_TESTS: Readonly<Record<string, TestRef>> = {
  "leads-to-entra": {
    file: RULES_TEST,
    title: "says what Entra join leads to, by tenant auto-enrollment",
  },
  "leads-to-work-account": {
    file: RULES_TEST,
    title: "says what adding a work account leads to, by tenant auto-enrollment",
  },
  "info-button": { file: RULES_TEST, title: "shows Info only for MDM connections" },
  "disconnect-policy": {
    file: RULES_TEST,
    title: "refuses Disconnect when AllowManualMDMUnenrollment is 0",
  },
  "disconnect-phone": { file: RULES_TEST, title: "keeps phones in Entra ID" },
};

/**
 * The test that proves a counterpart: each table's tests are written once per entry (a rule's
 * trigger test, a lint code's firing test), so the title follows from the kind and the id.
 *
 * @example
 * testOf({ kind: "lint", id: "mode-missing" }).title; // "mode-missing fires on a link that breaks it"
 */
export function testOf(counterpart: Counterpart): TestRef {
  const { kind, id } = counterpart;
  switch (kind) {
    case "rule":
      return { file: RULES_TEST, title: `${id}: fires on its trigger and not without it` };
    case "way":
      return { file: RULES_TEST, title: "offers each method's ways in, as the seed lists them" };
    case "lint":
      return {
        file: "packages/core/src/link/lint.test.ts",
        title: `${id} fires on a link that breaks it`,
      };
    case "parameter":
      return {
        file: "packages/core/src/coverage/coverage.test.ts",
        title: "holds the seed's parameter table: names, value kinds and release labels",
      };
    case "catalog":
      return {
        file: "packages/core/src/errors/catalog.test.ts",
        title: `finds the Windows message of ${id}`,
      };
    case "edition":
      return {
        file: "packages/core/src/windows/version.test.ts",
        title: "cites for each edition's claim a source that names that edition (issue 13, item 8)",
      };
    case "behaviour": {
      const test = BEHAVIOUR_TESTS[id];
      if (test === undefined) throw new Error(`no test is named for behaviour ${id}`);
      return test;
    }
  }
}
