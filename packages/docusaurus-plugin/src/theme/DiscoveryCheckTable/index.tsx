import CheckTable from "@theme/CheckTable";
import { ERROR_CATALOG, formatCitation, formatHResult } from "@winenroll/core";
import { DISCOVERY_CHECKS } from "@winenroll/core/discovery";

/** How Windows names what it reports: the HRESULT and constant, from the error catalog. */
function reported(catalogId: string | undefined): string {
  if (!catalogId) return "";
  const entry = ERROR_CATALOG.find((e) => e.id === catalogId);
  if (!entry) return catalogId;
  return (
    [entry.hresult === undefined ? undefined : formatHResult(entry.hresult), entry.names[0]]
      .filter(Boolean)
      .join(" ") || entry.meaning
  );
}

/** Every check `winenroll discover` makes, by step, rendered from `DISCOVERY_CHECKS`. */
export default function DiscoveryCheckTable() {
  return (
    <CheckTable
      checks={DISCOVERY_CHECKS}
      columns={[
        { header: "Severity", cell: (check) => check.severity },
        { header: "Step", cell: (check) => check.steps.join(", ") },
        { header: "What it finds", cell: (check) => check.summary },
        { header: "What Windows reports", cell: (check) => reported(check.reports) },
        {
          header: "Source",
          cell: (check) =>
            check.source ? formatCitation(check.source) : "the probe's own finding",
        },
      ]}
    />
  );
}
