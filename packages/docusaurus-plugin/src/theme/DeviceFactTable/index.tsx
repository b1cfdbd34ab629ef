import {
  DEVICE_FACTS,
  type DeviceFactDefinition,
  factsRead,
  formatCitation,
} from "@winenroll/core";

/** The command-line words that set a fact: its flag, the `--no-` form of a yes/no, its aliases. */
function flagsOf(fact: DeviceFactDefinition): string[] {
  const flags = [fact.flag];
  if (fact.kind === "boolean") flags.push(`--no-${fact.flag.slice(2)}`);
  for (const alias of fact.aliases ?? []) flags.push(alias.flag);
  return flags;
}

function valuesOf(fact: DeviceFactDefinition): string {
  if (fact.kind === "choice") return fact.values.join(", ");
  return fact.kind === "boolean" ? "yes, no" : "a release or build (22H2, 19045.3803)";
}

/**
 * Every device fact the enrollment rules can read, rendered from core's DEVICE_FACTS: what it means,
 * its values, the `winenroll check` flags that set it, the rules that read it and its source. The same
 * table builds the CLI's flags and the enrollment checker's form.
 */
export default function DeviceFactTable() {
  const readBy = factsRead();
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Fact</th>
          <th scope="col">Values</th>
          <th scope="col">winenroll check</th>
          <th scope="col">Rules that read it</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {DEVICE_FACTS.map((fact) => (
          <tr key={fact.path} id={`fact-${fact.path.replace(".", "-")}`} data-fact={fact.path}>
            <td>
              <strong>{fact.label}</strong>
              <br />
              {fact.help}
            </td>
            <td>{valuesOf(fact)}</td>
            <td>
              {flagsOf(fact).map((flag, i) => (
                <span key={flag}>
                  {i > 0 ? ", " : ""}
                  <code>{flag}</code>
                </span>
              ))}
            </td>
            <td>
              {(readBy.get(fact.path) ?? []).map((rule, i) => (
                <span key={rule}>
                  {i > 0 ? ", " : ""}
                  <code>{rule}</code>
                </span>
              ))}
              {readBy.has(fact.path) ? null : "none in the rule table (see below)"}
            </td>
            <td>{formatCitation(fact.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
