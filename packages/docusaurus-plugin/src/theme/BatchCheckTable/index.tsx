import { formatCitation } from "@winenroll/core";
import { BATCH_CHECKS } from "@winenroll/core/batch";

/** What `winenroll link batch` checks about its input, rendered from `BATCH_CHECKS`. */
export default function BatchCheckTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Severity</th>
          <th scope="col">What it reports</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {BATCH_CHECKS.map((check) => (
          <tr key={check.code} id={check.code}>
            <td>
              <code>{check.code}</code>
            </td>
            <td>{check.severity}</td>
            <td>{check.summary}</td>
            <td>{"source" in check ? formatCitation(check.source) : ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
