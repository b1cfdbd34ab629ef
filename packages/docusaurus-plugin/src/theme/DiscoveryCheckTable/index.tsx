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
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Severity</th>
          <th scope="col">Step</th>
          <th scope="col">What it finds</th>
          <th scope="col">What Windows reports</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {DISCOVERY_CHECKS.map((check) => (
          <tr key={check.code} id={check.code}>
            <td>
              <code>{check.code}</code>
            </td>
            <td>{check.severity}</td>
            <td>{check.steps.join(", ")}</td>
            <td>{check.summary}</td>
            <td>{reported(check.reports)}</td>
            <td>{check.source ? formatCitation(check.source) : "the probe's own finding"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
