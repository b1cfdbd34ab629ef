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
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Severity</th>
          <th scope="col">What it checks</th>
          <th scope="col">In the SyncML inspector</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {MANAGEMENT_CHECKS.map((check) => (
          <tr key={check.code} id={check.code}>
            <td>
              <code>{check.code}</code>
            </td>
            <td>{check.severity}</td>
            <td>{check.summary}</td>
            <td>{STANDALONE[check.standalone ?? "none"]}</td>
            <td>{formatCitation(check.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
