import type { Props } from "@theme/DsregcmdReference";
import { cite, DSREGCMD_FIELDS_READ, DSREGCMD_JOIN_TABLE } from "@winenroll/core";

const yn = (v: boolean | undefined) => (v === undefined ? "any" : v ? "YES" : "NO");

/** Reference tables from core's data: how dsregcmd's flags make a join type, and every field read. */
export default function DsregcmdReference({ table }: Props) {
  if (table === "join")
    return (
      <table>
        <caption>How the join type is read</caption>
        <thead>
          <tr>
            <th scope="col">AzureAdJoined</th>
            <th scope="col">EnterpriseJoined</th>
            <th scope="col">DomainJoined</th>
            <th scope="col">WorkplaceJoined</th>
            <th scope="col">Join type</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {DSREGCMD_JOIN_TABLE.map((r) => (
            <tr key={r.type} id={`join-${r.type}`}>
              <td>{yn(r.azureAdJoined)}</td>
              <td>{yn(r.enterpriseJoined)}</td>
              <td>{yn(r.domainJoined)}</td>
              <td>{yn(r.workplaceJoined)}</td>
              <td>{r.label}</td>
              <td>{cite(r.source.doc, r.source.section)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <table>
      <caption>Fields winenroll reads</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Field</th>
          <th scope="col">What it says</th>
          <th scope="col">Device-state fact</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {DSREGCMD_FIELDS_READ.map((f) => (
          <tr key={`${f.section}|${f.key}`}>
            <td>{f.section}</td>
            <td>
              <code>{f.key}</code>
            </td>
            <td>{f.reads}</td>
            <td>{f.fact ? <code>{f.fact}</code> : "none (shown only)"}</td>
            <td>{cite(f.source.doc, f.source.section)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
