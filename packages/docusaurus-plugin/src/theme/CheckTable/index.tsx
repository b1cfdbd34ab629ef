import type { Props } from "@theme/CheckTable";

/**
 * One table for every reference table of checks (link lint, batch, discovery, enrollment, management):
 * a row per check, anchored by its code so pages and diagnostics can link to `#code`, the code first,
 * then the columns the caller names.
 */
export default function CheckTable<Check extends { readonly code: string }>({
  checks,
  columns,
}: Props<Check>) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          {columns.map((column) => (
            <th key={column.header} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => (
          <tr key={check.code} id={check.code}>
            <td>
              <code>{check.code}</code>
            </td>
            {columns.map((column) => (
              <td key={column.header}>{column.cell(check)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
