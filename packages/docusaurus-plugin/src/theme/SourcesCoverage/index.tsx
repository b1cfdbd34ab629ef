import type { Props } from "@theme/SourcesCoverage";
import { formatCitation, SOURCES, type SourceId } from "@winenroll/core";
import {
  type Contribution,
  resolveCounterpart,
  SEED_STATEMENTS,
  sourceConflicts,
  sourceContributions,
  testOf,
} from "@winenroll/core/coverage";

function SeedStatements() {
  return (
    <table>
      <caption>{SEED_STATEMENTS.length} statements of the seed article</caption>
      <thead>
        <tr>
          <th scope="col">Statement</th>
          <th scope="col">Encoded by</th>
          <th scope="col">Proved by</th>
        </tr>
      </thead>
      <tbody>
        {SEED_STATEMENTS.map((s) => (
          <tr key={s.id} id={`seed-${s.id}`} data-statement={s.id}>
            <td>
              <strong>{s.kind}</strong>: {s.says}
              <br />
              <small>{formatCitation(s.source)}</small>
            </td>
            <td>
              {s.encodedBy.map((c) => {
                const found = resolveCounterpart(c);
                return (
                  <p key={`${c.kind}-${c.id}`} data-counterpart={`${c.kind}:${c.id}`}>
                    {found ? found.table : c.kind} <code>{c.id}</code>
                    {found ? <small>: {found.summary}</small> : " (not found)"}
                  </p>
                );
              })}
            </td>
            <td>
              {Array.from(new Set(s.encodedBy.map((c) => JSON.stringify(testOf(c))))).map(
                (json) => {
                  const test = JSON.parse(json) as ReturnType<typeof testOf>;
                  return (
                    <p key={json}>
                      <code>{test.file.replace(/^.*\/src\//, "")}</code> › {test.title}
                    </p>
                  );
                },
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function contributed(list: readonly Contribution[]): string {
  const byTable = new Map<string, string[]>();
  for (const c of list) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c.id]);
  return Array.from(byTable, ([table, ids]) => `${table}: ${ids.join(", ")}`).join("; ");
}

function OtherSources() {
  const contributions = sourceContributions();
  const ids = (Object.keys(SOURCES) as SourceId[]).filter((id) => id !== "mdm-enrollment-2017");
  return (
    <table>
      <caption>{ids.length} other documents</caption>
      <thead>
        <tr>
          <th scope="col">Document</th>
          <th scope="col">What it contributed</th>
        </tr>
      </thead>
      <tbody>
        {ids.map((id) => {
          const doc = SOURCES[id] as { readonly url?: string };
          const list = contributions.get(id) ?? [];
          return (
            <tr key={id} data-source={id}>
              <td>
                {doc.url ? (
                  <a href={doc.url}>{formatCitation({ doc: id })}</a>
                ) : (
                  formatCitation({ doc: id })
                )}
                <br />
                <small>
                  <code>{id}</code>
                </small>
              </td>
              <td>
                {list.length > 0
                  ? contributed(list)
                  : "Cited by code outside these tables (discovery, device reading, tokens or batches)."}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Conflicts() {
  const conflicts = sourceConflicts();
  return (
    <table>
      <caption>{conflicts.length} places where sources disagree</caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">What the sources say</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => (
          <tr key={`${c.table}-${c.id}-${c.says}`} data-conflict={c.id}>
            <td>
              {c.table} <code>{c.id}</code>
            </td>
            <td>{c.says}</td>
            <td>
              <small>{c.sources.map(formatCitation).join("; ")}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The correspondence between the sources and core's data, rendered from core: the seed article's
 * statements with what encodes each and the test that proves it, what every other document
 * contributed, and every conflict.
 */
export default function SourcesCoverage({ part }: Props) {
  if (part === "seed") return <SeedStatements />;
  if (part === "sources") return <OtherSources />;
  return <Conflicts />;
}
