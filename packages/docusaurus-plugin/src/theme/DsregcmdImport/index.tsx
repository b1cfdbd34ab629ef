import DiagnosticList from "@theme/DiagnosticList";
import type { Props } from "@theme/DsregcmdImport";
import {
  type DsregcmdJoinType,
  dsregcmdToDeviceState,
  FACTS_DSREGCMD_CANNOT_GIVE,
  factLabel,
  getFact,
  knownFacts,
  parseDsregcmd,
} from "@winenroll/core";
import { useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

/** A fact's value as a person reads it. */
const valueText = (value: unknown) =>
  value === true ? "yes" : value === false ? "no" : String(value);

const JOIN_LABELS: Record<DsregcmdJoinType, string> = {
  "entra-joined": "Microsoft Entra joined",
  "hybrid-joined": "Microsoft Entra hybrid joined",
  "domain-joined": "Domain joined",
  "drs-joined": "On-premises DRS joined",
  registered: "Microsoft Entra registered (by this user)",
  none: "Not joined, not registered",
  unknown: "Unknown",
};

/**
 * A box to paste `dsregcmd /status` output into. It is parsed here, in the browser (nothing is
 * sent anywhere), shows what it says and where each fact came from, and hands the device state to
 * `onState` when the reader asks for it.
 */
export default function DsregcmdImport({ onState, initialText = "" }: Props) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [used, setUsed] = useState(false);
  const parsed = useMemo(() => {
    if (text.trim() === "") return undefined;
    const status = parseDsregcmd(text);
    return { status, ...dsregcmdToDeviceState(status) };
  }, [text]);

  return (
    <div className={styles.import}>
      <label htmlFor={`${id}-text`} className={styles.label}>
        dsregcmd /status output
      </label>
      <textarea
        id={`${id}-text`}
        className={styles.input}
        rows={8}
        spellCheck={false}
        placeholder="Paste what dsregcmd /status printed, as it is: banners, fences and line numbers are fine."
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setUsed(false);
        }}
      />
      <p className={styles.note}>Read in this browser only; nothing you paste is sent anywhere.</p>
      {parsed ? (
        <section aria-live="polite" aria-label="What dsregcmd says">
          <p className={parsed.status.ok ? styles.ok : styles.bad} role="status">
            {parsed.status.ok
              ? `Join state: ${JOIN_LABELS[parsed.status.join.type]}`
              : "This does not look like dsregcmd /status output."}
          </p>
          {parsed.status.ok ? <p className={styles.note}>{parsed.status.join.reason}</p> : null}
          {parsed.status.repairs.length > 0 ? (
            <p className={styles.note}>Cleaned up: {parsed.status.repairs.join("; ")}.</p>
          ) : null}
          {Object.keys(parsed.state).length > 0 ? (
            <table>
              <caption>Facts for the enrollment rules</caption>
              <thead>
                <tr>
                  <th scope="col">Fact</th>
                  <th scope="col">Value</th>
                  <th scope="col">Read from</th>
                </tr>
              </thead>
              <tbody>
                {knownFacts(parsed.state).map((path) => (
                  <tr key={path} data-fact={path}>
                    <th scope="row">{factLabel(path)}</th>
                    <td className={styles.value}>{valueText(getFact(parsed.state, path))}</td>
                    <td className={styles.value}>
                      {(parsed.provenance[path] ?? parsed.provenance.tenant)?.detail}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {parsed.status.ok ? (
            <p className={styles.note}>
              dsregcmd cannot say: {FACTS_DSREGCMD_CANNOT_GIVE.map(factLabel).join(", ")}. They stay
              unknown.
            </p>
          ) : null}
          {parsed.status.errors.length > 0 ? (
            <ul aria-label="Error codes found">
              {parsed.status.errors.map((e) => {
                const entry = e.explanation.matches[0]?.entry;
                return (
                  <li key={`${e.code}-${e.from.line}`}>
                    <code>{e.code}</code> ({e.from.key}, line {e.from.line}):{" "}
                    {entry
                      ? `${entry.names[0] ?? ""} ${entry.meaning}`
                      : (e.explanation.decoded?.interpretation?.name ?? "not in the error catalog")}
                  </li>
                );
              })}
            </ul>
          ) : null}
          <DiagnosticList diagnostics={parsed.status.diagnostics} />
          {onState && parsed.status.ok ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                onState(parsed.state, parsed.provenance);
                setUsed(true);
              }}
            >
              Use these facts
            </button>
          ) : null}
          {used ? <p role="status">The form now holds the facts dsregcmd gave.</p> : null}
        </section>
      ) : null}
    </div>
  );
}
