import DiagnosticList from "@theme/DiagnosticList";
import type { Props } from "@theme/ProvisioningDocumentInspector";
import {
  diagnoseEnrollment,
  type EnrollmentDiagnosis,
  type ProvisioningCharacteristic,
} from "@winenroll/core/enrollment";
import { useEffect, useId, useState } from "react";
import styles from "./styles.module.css";

const VERDICTS = { pass: "Pass", warn: "Warning", fail: "Fails", skipped: "Not checked" } as const;

/** The w7 parms people know, by the name the CSP gives them, and where the view keeps each. */
const W7_ROWS = [
  ["APPID", "appId"],
  ["PROVIDER-ID", "providerId"],
  ["NAME", "name"],
  ["ADDR", "addr"],
  ["CONNRETRYFREQ", "connRetryFreq"],
  ["INITIALBACKOFFTIME", "initialBackoffTime"],
  ["MAXBACKOFFTIME", "maxBackoffTime"],
  ["DEFAULTENCODING", "defaultEncoding"],
  ["SSLCLIENTCERTSEARCHCRITERIA", "sslClientCertSearchCriteria"],
] as const;

function Tree({ characteristics }: { characteristics: readonly ProvisioningCharacteristic[] }) {
  return (
    <ul className={styles.tree}>
      {characteristics.map((c) => (
        <li key={c.path}>
          <code>{c.type}</code>
          {c.parms.length > 0 ? (
            <ul>
              {c.parms.map((p) => (
                <li key={p.name}>
                  <code>{p.name}</code>
                  {p.value !== undefined
                    ? ` = ${p.value.length > 80 ? `${p.value.slice(0, 80)}…` : p.value}`
                    : " (no value)"}
                  {p.datatype ? <span className={styles.muted}> ({p.datatype})</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          {c.characteristics.length > 0 ? <Tree characteristics={c.characteristics} /> : null}
        </li>
      ))}
    </ul>
  );
}

function Result({ diagnosis }: { diagnosis: EnrollmentDiagnosis }) {
  const document = diagnosis.document;
  const app = document?.application;
  const written = new Map(
    [
      ...(document?.certificateStore.roots ?? []),
      ...(document?.certificateStore.intermediates ?? []),
      ...(document?.certificateStore.client ?? []),
    ].map((c) => [c.store, c]),
  );
  return (
    <section aria-live="polite" aria-label="Inspection result">
      <p className={diagnosis.ok ? styles.ok : styles.bad} role="status">
        {diagnosis.ok
          ? "Windows would accept this document."
          : "Windows would not enroll with this."}
      </p>
      {diagnosis.errors.length > 0 ? (
        <p>
          Windows would report:{" "}
          {diagnosis.errors.map((id) => (
            <code key={id}>{id}</code>
          ))}
        </p>
      ) : null}
      <table>
        <caption>Steps</caption>
        <tbody>
          {diagnosis.steps.map((step) => (
            <tr key={step.id} data-step={step.id} data-verdict={step.verdict}>
              <th scope="row">{step.id}</th>
              <td>{VERDICTS[step.verdict]}</td>
              <td>{step.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {diagnosis.certificates.length > 0 ? (
        <table>
          <caption>Certificates</caption>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Subject</th>
              <th scope="col">Issuer</th>
              <th scope="col">Valid from</th>
              <th scope="col">Valid to</th>
              <th scope="col">Thumbprint</th>
              <th scope="col">Key container</th>
            </tr>
          </thead>
          <tbody>
            {diagnosis.certificates.map((c) => (
              <tr key={`${c.store}|${c.thumbprint}`} data-store={c.store}>
                <td>{c.store}</td>
                <td className={styles.value}>{c.subject}</td>
                <td className={styles.value}>{c.issuer}</td>
                <td>{c.notBefore}</td>
                <td>{c.notAfter}</td>
                <td className={styles.value}>{c.thumbprint}</td>
                <td>
                  {c.store.startsWith("My/")
                    ? written.get(c.store)?.privateKeyContainer
                      ? "yes"
                      : "missing"
                    : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {document?.certificateStore.renewal ? (
        <table>
          <caption>Renewal (CertificateStore/My/WSTEP/Renew)</caption>
          <tbody>
            {Object.entries(document.certificateStore.renewal).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {app ? (
        <table>
          <caption>Application (w7)</caption>
          <tbody>
            {W7_ROWS.map(([label, key]) => (
              <tr key={label}>
                <th scope="row">
                  <code>{label}</code>
                </th>
                <td className={styles.value}>{app[key] ?? "(not set)"}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <code>BACKCOMPATRETRYDISABLED</code>
              </th>
              <td>{app.backCompatRetryDisabled ? "present" : "(not set)"}</td>
            </tr>
            {app.appAuth.map((auth) => (
              <tr key={`appauth-${auth.AAUTHLEVEL ?? ""}-${auth.AAUTHNAME ?? ""}`}>
                <th scope="row">
                  <code>APPAUTH</code>
                </th>
                <td className={styles.value}>
                  {Object.entries(auth)
                    .map(([k, v]) => `${k}=${/SECRET/.test(k) ? "•••" : v}`)
                    .join(", ")}
                </td>
              </tr>
            ))}
            {app.unknownParms.map((p) => (
              <tr key={p.name}>
                <th scope="row">
                  <code>{p.name}</code>
                </th>
                <td className={styles.value}>{p.value ?? "(no value)"} (not in the w7 CSP)</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {document?.dmClient.map((provider) => (
        <table key={provider.providerId}>
          <caption>DMClient provider {provider.providerId}</caption>
          <tbody>
            {Object.entries(provider.settings).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                </th>
                <td className={styles.value}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <DiagnosticList diagnostics={diagnosis.diagnostics} emptyText="No problems found." />
      {document ? (
        <details>
          <summary>Every characteristic and parm</summary>
          <Tree characteristics={document.characteristics} />
        </details>
      ) : null}
    </section>
  );
}

/**
 * Reads a pasted provisioning document (or a whole enrollment response) and shows what Windows
 * would install and what it would refuse. Everything runs in the browser; nothing is sent.
 */
export default function ProvisioningDocumentInspector({ initialText = "" }: Props) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [diagnosis, setDiagnosis] = useState<EnrollmentDiagnosis | undefined>();
  useEffect(() => {
    let current = true;
    if (text.trim() === "") {
      setDiagnosis(undefined);
      return;
    }
    diagnoseEnrollment({ enrollment: { body: text } }).then((d) => {
      if (current) setDiagnosis(d);
    });
    return () => {
      current = false;
    };
  }, [text]);
  return (
    <div className={styles.inspector}>
      <label htmlFor={`${id}-document`} className={styles.label}>
        provisioning document or enrollment response
      </label>
      <textarea
        id={`${id}-document`}
        className={styles.input}
        rows={12}
        spellCheck={false}
        placeholder={'<wap-provisioningdoc version="1.1">…'}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {diagnosis ? <Result diagnosis={diagnosis} /> : null}
    </div>
  );
}
