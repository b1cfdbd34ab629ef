import type { Props } from "@theme/EnrollmentErrorLookup";
import {
  CODE_INTERPRETATION_LABELS,
  ERROR_ORIGIN_LABELS,
  type ErrorCatalogEntry,
  explainError,
  formatCitation,
  formatHResult,
  type HResultDecoding,
  RULE_WORDS_LABEL,
} from "@winenroll/core";
import { useFragmentValue } from "@winenroll/docusaurus-plugin/client";
import { useId, useMemo } from "react";
import styles from "./styles.module.css";

function Decoded({ decoded }: { decoded: HResultDecoding }) {
  const i = decoded.interpretation;
  return (
    <dl className={styles.decoded} aria-label="Decoded HRESULT">
      <dt>HRESULT</dt>
      <dd>
        <code>{decoded.hex}</code> ({decoded.signed}), {decoded.severity}
      </dd>
      <dt>Facility</dt>
      <dd>
        {decoded.facility}
        {decoded.facilityInfo
          ? ` (${decoded.facilityInfo.name}: ${decoded.facilityInfo.description})`
          : ""}
      </dd>
      <dt>Code</dt>
      <dd>
        {decoded.code} (0x{decoded.code.toString(16).toUpperCase()})
      </dd>
      {i ? (
        <>
          <dt>{CODE_INTERPRETATION_LABELS[i.kind]}</dt>
          <dd data-testid="interpretation">
            {i.code}
            {i.name ? ` ${i.name}` : ""}
            {i.meaning ? `: ${i.meaning}` : ""}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

function Entry({ entry }: { entry: ErrorCatalogEntry }) {
  return (
    <article className={styles.entry} data-entry={entry.id}>
      <h3 className={styles.title}>
        <code>{entry.hresult === undefined ? "(no code)" : formatHResult(entry.hresult)}</code>{" "}
        {entry.names.join(" / ")}{" "}
        <span className={styles.origin}>{ERROR_ORIGIN_LABELS[entry.origin]}</span>
      </h3>
      <p>{entry.meaning}</p>
      {entry.messages?.map((m) => (
        <p key={m.text} className={styles.message} data-string-id={m.stringId}>
          {RULE_WORDS_LABEL.message}
          {m.stringId ? ` (string ${m.stringId})` : ""}: <q>{m.text}</q>
        </p>
      ))}
      <h4>Likely causes</h4>
      <ul>
        {entry.causes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <h4>What to do</h4>
      <ul>
        {entry.actions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      {entry.since ? <p>Since {entry.since}.</p> : null}
      {entry.conflict ? (
        <p className={styles.conflict} role="note">
          <strong>Sources disagree.</strong> {entry.conflict.note}
        </p>
      ) : null}
      <p className={styles.sources}>Sources: {entry.sources.map(formatCitation).join("; ")}</p>
    </article>
  );
}

/**
 * Explains an enrollment error from a code, a constant name, a SOAP fault or the message Windows
 * shows. Everything runs in the browser; the query is kept in the page's `#q=` fragment only.
 */
export default function EnrollmentErrorLookup({ initialQuery = "" }: Props) {
  const id = useId();
  const [query, setQuery] = useFragmentValue("q", initialQuery);
  const explanation = useMemo(
    () => (query.trim() === "" ? undefined : explainError(query)),
    [query],
  );
  return (
    <div className={styles.lookup}>
      <label htmlFor={`${id}-query`} className={styles.label}>
        error code or message
      </label>
      <input
        id={`${id}-query`}
        className={styles.input}
        type="text"
        spellCheck={false}
        autoComplete="off"
        placeholder="0x80180014, MENROLL_E_DEVICENOTSUPPORTED, or the text on screen"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {explanation ? (
        <section aria-live="polite" aria-label="Explanations">
          <p role="status" className={explanation.found ? styles.ok : styles.bad}>
            {explanation.found
              ? explanation.matches.length > 1
                ? `${explanation.matches.length} explanations match; read the one for the component that reported the error.`
                : explanation.matches.length === 1 || explanation.messages.length > 0
                  ? "Found it."
                  : "No catalog entry, but the code decodes."
              : "No explanation matches."}
          </p>
          {explanation.matches.map((m) => (
            <Entry key={m.entry.id} entry={m.entry} />
          ))}
          {explanation.messages.map((m) => (
            <article key={m.id} className={styles.entry} data-entry={m.id}>
              <h3 className={styles.title}>
                <q>{m.text}</q> <span className={styles.origin}>Enrollment rule</span>
              </h3>
              <p className={styles.kind} data-kind={m.kind}>
                {m.kind === "on-screen" ? RULE_WORDS_LABEL.message : RULE_WORDS_LABEL.situation}
              </p>
              {m.explanation ? <p>{m.explanation}</p> : null}
              {m.remedy ? <p>What to do: {m.remedy}</p> : null}
              {m.source ? (
                <p className={styles.sources}>Source: {formatCitation(m.source)}</p>
              ) : null}
            </article>
          ))}
          {explanation.decoded ? <Decoded decoded={explanation.decoded} /> : null}
          {explanation.suggestions.length > 0 ? (
            <div>
              <p>Closest known:</p>
              <ul aria-label="Closest matches">
                {explanation.suggestions.map((s) => (
                  <li key={s}>
                    <button type="button" className={styles.suggestion} onClick={() => setQuery(s)}>
                      {s}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
