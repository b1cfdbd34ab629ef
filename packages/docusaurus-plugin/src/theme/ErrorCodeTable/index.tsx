import type { Props } from "@theme/ErrorCodeTable";
import {
  ERROR_CATALOG,
  formatCitation,
  formatHResult,
  HTTP_STATUSES,
  type NamedCode,
  RULE_WORDS_LABEL,
  SCREEN_MESSAGE_ROWS,
  SCREEN_TABLE,
  WIN32_ERRORS,
  WINHTTP_ERRORS,
} from "@winenroll/core";

function CodeTable({
  rows,
  hresult,
}: {
  rows: readonly NamedCode[];
  hresult: (code: number) => number;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">As an HRESULT</th>
          <th scope="col">Name</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <td>{r.code}</td>
            <td>
              <code>{formatHResult(hresult(r.code))}</code>
            </td>
            <td>
              <code>{r.name}</code>
            </td>
            <td>{r.meaning}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Windows' on-screen messages, each with the string id and every code that shows it. */
function ScreenMessages() {
  const byText = new Map<string, (typeof SCREEN_MESSAGE_ROWS)[number][]>();
  for (const row of SCREEN_MESSAGE_ROWS)
    byText.set(row.text, [...(byText.get(row.text) ?? []), row]);
  return (
    <table>
      <caption>
        {byText.size} messages for {SCREEN_MESSAGE_ROWS.length} codes (
        {formatCitation(SCREEN_TABLE)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Windows shows</th>
          <th scope="col">String id</th>
          <th scope="col">Codes</th>
        </tr>
      </thead>
      <tbody>
        {Array.from(byText, ([text, rows]) => (
          <tr key={text} data-string-id={rows[0]!.stringId}>
            <td>
              <q>{text}</q>
            </td>
            <td>
              <code>{rows[0]!.stringId}</code>
            </td>
            <td>
              {rows.map((r) => (
                <div key={String(r.code)}>
                  <code>{typeof r.code === "number" ? formatHResult(r.code) : r.code}</code>
                  {r.constant ? <small> {r.constant}</small> : null}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Reference tables rendered from core's data: the error catalog (default), or the WinHTTP, HTTP
 * and Win32 codes used to decode HRESULTs.
 */
export default function ErrorCodeTable({ of = "catalog" }: Props) {
  if (of === "screen") return <ScreenMessages />;
  if (of === "winhttp") return <CodeTable rows={WINHTTP_ERRORS} hresult={(c) => 0x80190000 | c} />;
  if (of === "http") return <CodeTable rows={HTTP_STATUSES} hresult={(c) => 0x80190000 | c} />;
  if (of === "win32") return <CodeTable rows={WIN32_ERRORS} hresult={(c) => 0x80070000 | c} />;
  return (
    <table>
      <caption>{ERROR_CATALOG.length} entries</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name and SOAP fault</th>
          <th scope="col">Where</th>
          <th scope="col">Meaning and what to do</th>
          <th scope="col">Since</th>
          <th scope="col">Sources</th>
        </tr>
      </thead>
      <tbody>
        {ERROR_CATALOG.map((e) => (
          <tr key={e.id} id={e.id}>
            <td>
              <code>{e.hresult === undefined ? "—" : formatHResult(e.hresult)}</code>
              {e.hresult === undefined ? null : (
                <>
                  <br />
                  <small>{e.hresult | 0}</small>
                </>
              )}
            </td>
            <td>
              {e.names.map((n) => (
                <div key={n}>
                  <code>{n}</code>
                </div>
              ))}
              {e.faults?.map((f) => (
                <div key={f.value}>
                  <small>
                    fault{" "}
                    {f.element === "subcode" ? `${f.namespace}:${f.value}` : `ErrorType ${f.value}`}
                  </small>
                </div>
              ))}
            </td>
            <td>{e.origin}</td>
            <td>
              {e.meaning}
              {e.messages?.map((m) => (
                <div key={m.text}>
                  <small>
                    {RULE_WORDS_LABEL.message}
                    {m.stringId ? <> (string {m.stringId})</> : null}: <q>{m.text}</q>
                  </small>
                </div>
              ))}
              <div>
                <small>To do: {e.actions.join(" ")}</small>
              </div>
              {e.conflict ? (
                <div>
                  <small>
                    <strong>Sources disagree:</strong> {e.conflict.note}
                  </small>
                </div>
              ) : null}
            </td>
            <td>{e.since ?? ""}</td>
            <td>
              <small>{e.sources.map(formatCitation).join("; ")}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
