import { factLabel } from "./device-facts.js";
import { ENROLLMENT_METHODS, type MethodId } from "./methods.js";
import { releaseRange } from "./release-gate.js";
import { type Condition, ENROLLMENT_RULES, type EnrollmentRule } from "./rules.js";

/**
 * A condition of the rule table in words: `account is standard`, `release below 1607`.
 *
 * @example
 * describeCondition({ fact: "account", in: ["standard"] }); // "account is standard"
 */
export function describeCondition(condition: Condition): string {
  if ("all" in condition) return condition.all.map(describeCondition).join(" and ");
  if ("any" in condition) return condition.any.map(describeCondition).join(" or ");
  if ("always" in condition) return "always";
  // Labels start with a capital in forms; inside a sentence they do not (keeping "MDM" as it is).
  const label = factLabel(condition.fact).replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
  if ("below" in condition) return `${label} ${releaseRange(condition)}`;
  const values = condition.in.map((v) => (v === true ? "yes" : v === false ? "no" : v));
  return `${label} is ${values.join(" or ")}`;
}

const PATHS: readonly { question: string; answer: string; methods: readonly MethodId[] }[] = [
  {
    question: "owner",
    answer: "the organisation, wants identity and management",
    methods: ["entra-join", "ad-join"],
  },
  { question: "owner", answer: "a person, wants work apps", methods: ["work-account"] },
  {
    question: "owner",
    answer: "a person or the organisation, wants management only",
    methods: ["mdm-only"],
  },
];

const quote = (text: string) => `"${text.replace(/"/g, "#quot;")}"`;

/**
 * A Mermaid flowchart, "Which way should this device connect?", generated from the rule table:
 * for each method, the rules that block it whatever the way in, in table order. Changing a rule
 * changes the diagram.
 *
 * @example
 * decisionDiagram().startsWith("flowchart TD"); // true
 */
export function decisionDiagram(rules: readonly EnrollmentRule[] = ENROLLMENT_RULES): string {
  const lines = ["flowchart TD", `  start{${quote("Who owns the device, and what is wanted?")}}`];
  for (const path of PATHS) {
    for (const id of path.methods) {
      const method = ENROLLMENT_METHODS.find((m) => m.id === id);
      if (!method) continue;
      const blocking = rules.filter(
        (r) => r.effect === "block" && !r.ways && r.methods.includes(id),
      );
      let previous = "start";
      let edge = path.answer;
      for (const [j, rule] of blocking.entries()) {
        const node = `${id.replace(/-/g, "_")}_${j}`;
        lines.push(
          `  ${previous} -->|${quote(edge)}| ${node}{${quote(`${describeCondition(rule.when)}?`)}}`,
        );
        lines.push(
          `  ${node} -->|yes| ${node}_x[${quote(`Blocked: ${rule.message ?? rule.explanation}`)}]`,
        );
        previous = node;
        edge = "no";
      }
      lines.push(
        `  ${previous} -->|${quote(edge)}| ${id.replace(/-/g, "_")}_ok([${quote(`${method.name}`)}])`,
      );
    }
  }
  return lines.join("\n");
}
