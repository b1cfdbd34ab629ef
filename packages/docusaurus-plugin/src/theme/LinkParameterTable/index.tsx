import { formatCitation, LINK_PARAMETERS } from "@winenroll/core";

/** The deep-link parameters, rendered from core's table: docs and tools read the same data. */
export default function LinkParameterTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Value</th>
          <th scope="col">What it does</th>
          <th scope="col">Added in Windows 10</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {LINK_PARAMETERS.map((p) => (
          <tr key={p.name} id={`param-${p.name}`}>
            <td>
              <code>{p.name}</code>
              {p.custom ? " (custom)" : ""}
            </td>
            <td>{p.valueSummary}</td>
            <td>{p.description}</td>
            <td>
              {p.addedIn[0]?.version}
              {p.addedIn.length > 1
                ? ` per the article; ${p.addedIn
                    .slice(1)
                    .map((c) => `${c.version} per ${formatCitation(c.source)}`)
                    .join("; ")}`
                : ""}
            </td>
            <td>{p.sources.map((s) => formatCitation(s)).join("; ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
