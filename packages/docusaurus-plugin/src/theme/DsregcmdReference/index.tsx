import type { Props } from "@theme/DsregcmdReference";
import {
  cite,
  DSREGCMD_ERROR_SCAN,
  DSREGCMD_FIELDS,
  DSREGCMD_JOIN_TABLE,
  type DsregcmdFieldKind,
  factLabel,
  formatCitation,
} from "@winenroll/core";

/** How each kind of field is read, in words. */
const KIND_LABELS: Record<DsregcmdFieldKind, string> = {
  "yes-no": "YES or NO",
  text: "text, kept when empty",
  "non-empty": "text, left out when empty",
};

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
          <th scope="col">Read as</th>
          <th scope="col">Device-state fact</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {DSREGCMD_FIELDS.map((f) => (
          <tr key={`${f.section}|${f.key}`}>
            <td>{f.section}</td>
            <td>
              <code>{f.key}</code>
            </td>
            <td>{f.reads}</td>
            <td>{KIND_LABELS[f.kind]}</td>
            <td>
              {f.feeds.length > 0
                ? f.feeds.map((fact, i) => (
                    <span key={fact}>
                      {i > 0 ? ", " : ""}
                      {factLabel(fact)}
                    </span>
                  ))
                : "none (shown only)"}
            </td>
            <td>{cite(f.source.doc, f.source.section)}</td>
          </tr>
        ))}
        <tr>
          <td>any</td>
          <td>(any value)</td>
          <td>{DSREGCMD_ERROR_SCAN.reads}</td>
          <td>error codes</td>
          <td>none (shown only)</td>
          <td>{formatCitation(DSREGCMD_ERROR_SCAN.source)}</td>
        </tr>
      </tbody>
    </table>
  );
}
