import CheckTable from "@theme/CheckTable";
import { formatCitation, LINK_RULES } from "@winenroll/core";

/** Every lint rule with its severity, what it checks, an example and its source. */
export default function LinkRuleTable() {
  return (
    <CheckTable
      checks={LINK_RULES}
      columns={[
        { header: "Severity", cell: (rule) => rule.severity },
        { header: "What it checks", cell: (rule) => rule.summary },
        {
          header: "Example that triggers it",
          cell: (rule) => (
            <code style={{ wordBreak: "break-all" }}>
              {rule.example.length > 120 ? `${rule.example.slice(0, 117)}…` : rule.example}
            </code>
          ),
        },
        { header: "Source", cell: (rule) => formatCitation(rule.source) },
      ]}
    />
  );
}
