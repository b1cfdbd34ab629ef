import DiagnosticList from "@theme/DiagnosticList";
import type { Props } from "@theme/SyncMLInspector";
import {
  describeSyncCommand,
  inspectSyncML,
  maskSyncMLSecrets,
  type SyncCommand,
} from "@winenroll/core/management";
import { useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

interface Row {
  readonly command: SyncCommand;
  readonly depth: number;
  /** Where the command stands in the message ("2.1": the first inside the second), a stable key. */
  readonly place: string;
}

function rowsOf(commands: readonly SyncCommand[], depth = 0, parent = ""): Row[] {
  return commands.flatMap((command, index) => {
    const place = `${parent}${index + 1}`;
    return [{ command, depth, place }, ...rowsOf(command.commands ?? [], depth + 1, `${place}.`)];
  });
}

/** Where a command points: its Items' LocURIs, or what a Status or Results refers to. */
function addressOf(command: SyncCommand): string {
  const uris = command.items.flatMap((i) => [i.target, i.source].filter((u): u is string => !!u));
  if (uris.length > 0) return uris.join(", ");
  return (command.targetRefs ?? []).join(", ");
}

/** Data shown in the table: secrets masked, long values cut. */
function dataOf(command: SyncCommand): string {
  const values = [command.data, ...command.items.map((i) => i.data)].filter(
    (d): d is string => d !== undefined && d !== "",
  );
  const text = values.join(", ");
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const HEADER_FIELDS = [
  ["VerDTD", "verDtd"],
  ["VerProto", "verProto"],
  ["SessionID", "sessionId"],
  ["MsgID", "msgId"],
  ["Target", "target"],
  ["Source", "source"],
] as const;

/**
 * Reads a pasted SyncML DM message and explains it: its header, each command with what it asks or
 * answers, and the problems a server message has. All in the browser: nothing is sent anywhere.
 */
export default function SyncMLInspector({ initialMessage = "" }: Props) {
  const id = useId();
  const [text, setText] = useState(initialMessage);
  // Secrets (credentials, tokens) are masked before anything is shown.
  const inspection = useMemo(
    () => (text.trim() === "" ? undefined : inspectSyncML(maskSyncMLSecrets(text))),
    [text],
  );
  const message = inspection?.message;

  return (
    <div className={styles.inspector}>
      <label htmlFor={`${id}-message`} className={styles.label}>
        SyncML message
      </label>
      <textarea
        id={`${id}-message`}
        className={styles.input}
        rows={12}
        spellCheck={false}
        placeholder='<SyncML xmlns="SYNCML:SYNCML1.2"><SyncHdr>…</SyncHdr><SyncBody>…</SyncBody></SyncML>'
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {inspection ? (
        <section aria-live="polite" aria-label="Inspection result">
          <p className={inspection.ok ? styles.ok : styles.bad} role="status">
            {inspection.ok
              ? "This message follows the rules checked here."
              : "This message has problems Windows would trip over."}
          </p>
          {message ? (
            <>
              <p>
                {inspection.from === "device"
                  ? "Written by the device: its header targets the server's URL. The checks of server messages are skipped."
                  : "Written by the server: its header targets the device."}
              </p>
              <table>
                <caption>Header</caption>
                <tbody>
                  {HEADER_FIELDS.map(([label, key]) => (
                    <tr key={key}>
                      <th scope="row">{label}</th>
                      <td className={styles.value}>{message.header[key] ?? "(missing)"}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">Final</th>
                    <td>
                      {message.final
                        ? "yes: the last message of the sender's package"
                        : "no: more messages follow"}
                    </td>
                  </tr>
                </tbody>
              </table>
              <table>
                <caption>Commands</caption>
                <thead>
                  <tr>
                    <th scope="col">Command</th>
                    <th scope="col">CmdID</th>
                    <th scope="col">Node or reference</th>
                    <th scope="col">Data</th>
                    <th scope="col">What it does</th>
                  </tr>
                </thead>
                <tbody>
                  {rowsOf(message.commands).map(({ command, depth, place }) => (
                    <tr key={place} data-command={command.name}>
                      <td>
                        {depth > 0 ? `${"↳ ".repeat(depth)}` : ""}
                        <code>{command.name}</code>
                      </td>
                      <td>{command.cmdId ?? "(none)"}</td>
                      <td className={styles.value}>{addressOf(command)}</td>
                      <td className={styles.value}>{dataOf(command)}</td>
                      <td>{describeSyncCommand(command)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          <DiagnosticList diagnostics={inspection.diagnostics} emptyText="No problems found." />
        </section>
      ) : null}
    </div>
  );
}
