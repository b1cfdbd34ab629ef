import CheckTable from "@theme/CheckTable";
import { formatCitation } from "@winenroll/core";
import { MANAGEMENT_CHECKS } from "@winenroll/core/management";

const STANDALONE = {
  any: "yes",
  server: "yes, on a server's message",
  none: "no: needs the whole session",
} as const;

/** Every check of the management session: code, severity, what it looks at, its source. */
export default function ManagementCheckTable() {
  return (
    <CheckTable
      checks={MANAGEMENT_CHECKS}
      columns={[
        { header: "Severity", cell: (check) => check.severity },
        { header: "What it checks", cell: (check) => check.summary },
        {
          header: "In the SyncML inspector",
          cell: (check) => STANDALONE[check.standalone ?? "none"],
        },
        { header: "Source", cell: (check) => formatCitation(check.source) },
      ]}
    />
  );
}
