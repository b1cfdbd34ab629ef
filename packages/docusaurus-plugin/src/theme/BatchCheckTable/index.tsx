import CheckTable from "@theme/CheckTable";
import { formatCitation } from "@winenroll/core";
import { BATCH_CHECKS } from "@winenroll/core/batch";

/** What `winenroll link batch` checks about its input, rendered from `BATCH_CHECKS`. */
export default function BatchCheckTable() {
  return (
    <CheckTable
      checks={BATCH_CHECKS}
      columns={[
        { header: "Severity", cell: (check) => check.severity },
        { header: "What it reports", cell: (check) => check.summary },
        {
          header: "Source",
          cell: (check) => ("source" in check ? formatCitation(check.source) : ""),
        },
      ]}
    />
  );
}
