import type { Props } from "@theme/ReleaseTable";
import { formatCitation, releaseCapabilities, WINDOWS_EDITIONS } from "@winenroll/core";

function Releases() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Release</th>
          <th scope="col">Build</th>
          <th scope="col">Not yet available</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {releaseCapabilities().map((r) => (
          <tr key={`${r.release.product}-${r.release.version}`}>
            <td>
              {r.name}
              {r.release.thirdPartyOnly ? " (build from third-party reports only)" : ""}
            </td>
            <td>{r.release.build}</td>
            <td>
              {r.lacks.length
                ? r.lacks.map((l) => `${l.what} (${l.rule})`).join(" ")
                : "everything the rules gate"}
            </td>
            <td>{formatCitation(r.release.source)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Editions() {
  const cell = (claims: (typeof WINDOWS_EDITIONS)[number]["mdm"]) =>
    claims.length === 0 ? (
      <p>No source found.</p>
    ) : (
      claims.map((c) => (
        <p key={`${c.source.doc}-${c.supported}`}>
          {c.supported ? "Yes" : "No"}
          {c.note ? `: ${c.note}` : ""} ({formatCitation(c.source)})
        </p>
      ))
    );
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Edition</th>
          <th scope="col">Active Directory join</th>
          <th scope="col">Entra join</th>
          <th scope="col">MDM enrollment</th>
        </tr>
      </thead>
      <tbody>
        {WINDOWS_EDITIONS.map((e) => (
          <tr key={e.id} data-edition={e.id}>
            <td>
              {e.name} (<code>{e.id}</code>){e.legacy ? ", legacy" : ""}
            </td>
            <td>{cell(e.adJoin)}</td>
            <td>{cell(e.entraJoin)}</td>
            <td>{cell(e.mdm)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Windows releases (with what each allows) or the editions table, rendered from core. */
export default function ReleaseTable({ table = "releases" }: Props) {
  return table === "editions" ? <Editions /> : <Releases />;
}
