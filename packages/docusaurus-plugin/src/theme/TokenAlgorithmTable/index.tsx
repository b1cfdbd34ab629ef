import { formatCitation } from "@winenroll/core";
import { TOKEN_ALGORITHMS } from "@winenroll/core/tokens";

/** The algorithms signed access tokens can use and the key each needs, from `TOKEN_ALGORITHMS`. */
export default function TokenAlgorithmTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Algorithm</th>
          <th scope="col">Key</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {TOKEN_ALGORITHMS.map((algorithm) => (
          <tr key={algorithm.alg}>
            <td>
              <code>{algorithm.alg}</code>
            </td>
            <td>{algorithm.key}</td>
            <td>{formatCitation(algorithm.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
