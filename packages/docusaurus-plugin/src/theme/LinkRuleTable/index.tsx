import { formatCitation, LINK_RULES } from "@winenroll/core";

/** Every lint rule with its severity, what it checks, an example and its source. */
export default function LinkRuleTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Severity</th>
          <th scope="col">What it checks</th>
          <th scope="col">Example that triggers it</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {LINK_RULES.map((rule) => (
          <tr key={rule.code} id={rule.code}>
            <td>
              <code>{rule.code}</code>
            </td>
            <td>{rule.severity}</td>
            <td>{rule.summary}</td>
            <td>
              <code style={{ wordBreak: "break-all" }}>
                {rule.example.length > 120 ? `${rule.example.slice(0, 117)}…` : rule.example}
              </code>
            </td>
            <td>{formatCitation(rule.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
