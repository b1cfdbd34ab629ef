import type { Props } from "@theme/RuleTable";
import {
  describeCondition,
  ENROLLMENT_METHODS,
  ENROLLMENT_RULES,
  formatCitation,
  RULE_WORDS_LABEL,
} from "@winenroll/core";

/** The enrollment rule table, one section per method, rendered from core's rules. */
export default function RuleTable({ method }: Props) {
  const methods = method ? ENROLLMENT_METHODS.filter((m) => m.id === method) : ENROLLMENT_METHODS;
  return (
    <>
      {methods.map((m) => (
        <section key={m.id} data-method={m.id}>
          <h3 id={`rules-${m.id}`}>
            {m.name} (<code>{m.id}</code>)
          </h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">When</th>
                <th scope="col">In the source's words</th>
                <th scope="col">Why, and what to do</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {ENROLLMENT_RULES.filter((r) => r.methods.includes(m.id)).map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <td>
                    <code>{r.id}</code>
                    {r.effect === "caveat" ? " (warning)" : ""}
                  </td>
                  <td>
                    {describeCondition(r.when)}
                    {r.ways ? ` (starting from ${r.ways.join(" or ")})` : ""}
                  </td>
                  <td>
                    {r.message ? (
                      <>
                        {RULE_WORDS_LABEL.message}: <q>{r.message}</q>
                      </>
                    ) : r.situation ? (
                      <>
                        {RULE_WORDS_LABEL.situation}: <q>{r.situation}</q>
                      </>
                    ) : (
                      "no words given"
                    )}
                  </td>
                  <td>
                    {r.explanation} {r.remedy}
                  </td>
                  <td>
                    {[r.source, ...(r.alsoSources ?? [])].map(formatCitation).join("; ")}
                    {r.conflicts?.map((c) => (
                      <p key={c.says}>
                        <strong>Disagrees:</strong> {c.says} ({formatCitation(c.source)})
                      </p>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
