import type { Props } from "@theme/DiagnosticList";
import styles from "./styles.module.css";

const LABELS = { error: "Error", warning: "Warning", info: "Note" } as const;

/** Diagnostics worst first, each with its code, message, hint and source. */
export default function DiagnosticList({ diagnostics, emptyText }: Props) {
  if (diagnostics.length === 0) {
    return emptyText ? <p className={styles.empty}>{emptyText}</p> : null;
  }
  return (
    <ul className={styles.list} aria-label="Diagnostics">
      {diagnostics.map((d) => (
        <li
          key={`${d.code}|${d.param ?? ""}|${d.message}`}
          className={`${styles.item} ${styles[d.severity]}`}
          data-code={d.code}
        >
          <span className={styles.severity}>{LABELS[d.severity]}</span> <code>{d.code}</code>{" "}
          {d.message}
          {d.hint ? <div className={styles.hint}>{d.hint}</div> : null}
          {d.source ? <div className={styles.source}>Source: {d.source}</div> : null}
        </li>
      ))}
    </ul>
  );
}
