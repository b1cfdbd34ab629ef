import { LINK_PARAMETERS } from "@winenroll/core";
import { COLUMN_ALIASES } from "@winenroll/core/batch";

/**
 * Which CSV headings (or JSON Lines keys) `winenroll link batch` reads as each link parameter,
 * rendered from `COLUMN_ALIASES` and `LINK_PARAMETERS` in @winenroll/core.
 */
export default function BatchColumnTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">Headings read as it, best first</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {LINK_PARAMETERS.map((parameter) => (
          <tr key={parameter.name}>
            <td>
              <code>{parameter.name}</code>
            </td>
            <td>
              {[
                parameter.name,
                ...COLUMN_ALIASES.filter((a) => a.param === parameter.name).map((a) => a.heading),
              ].map((heading, index) => (
                <span key={heading}>
                  {index > 0 ? ", " : ""}
                  <code>{heading}</code>
                </span>
              ))}
            </td>
            <td>{parameter.valueSummary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
