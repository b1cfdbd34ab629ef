import DiagnosticList from "@theme/DiagnosticList";
import type { Props } from "@theme/EnrollmentLinkInspector";
import {
  describeMinimumWindows,
  inspectEnrollmentLink,
  LINK_PARAMETERS,
  maskLinkSecrets,
  maskSecret,
} from "@winenroll/core";
import { useFragmentValue } from "@winenroll/docusaurus-plugin/client";
import { useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

const SECRET = new Set<string>(LINK_PARAMETERS.filter((p) => p.secret).map((p) => p.name));

/**
 * Reads a pasted link (or a command line holding one) and explains it. The link can be shared in the
 * page's `#link=` fragment, which the browser never sends to a server.
 */
export default function EnrollmentLinkInspector({ initialLink = "" }: Props) {
  const id = useId();
  const [text, setText] = useFragmentValue("link", initialLink);
  const [showSecrets, setShowSecrets] = useState(false);
  const inspection = useMemo(
    () => (text.trim() === "" ? undefined : inspectEnrollmentLink(text)),
    [text],
  );
  const shown = (name: string, value: string) =>
    SECRET.has(name) && !showSecrets && value ? maskSecret(value) : value;

  return (
    <div className={styles.inspector}>
      <label htmlFor={`${id}-link`} className={styles.label}>
        link
      </label>
      <textarea
        id={`${id}-link`}
        className={styles.input}
        rows={3}
        spellCheck={false}
        placeholder="ms-device-enrollment:?mode=mdm&username=someone@example.com"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className={styles.check}>
        <input
          id={`${id}-secrets`}
          type="checkbox"
          checked={showSecrets}
          onChange={(event) => setShowSecrets(event.target.checked)}
        />
        <label htmlFor={`${id}-secrets`}>show access token</label>
      </div>
      {inspection ? (
        <section aria-live="polite" aria-label="Inspection result">
          <p className={inspection.ok ? styles.ok : styles.bad} role="status">
            {inspection.ok ? "This link is valid." : "This link will not work as intended."}
          </p>
          {inspection.unwrapped.length > 0 ? (
            <p className={styles.note}>
              Read the link after this clean-up: {inspection.unwrapped.join("; ")}.
            </p>
          ) : null}
          {Object.keys(inspection.params).length > 0 ? (
            <table>
              <caption>Parameters</caption>
              <tbody>
                {Object.entries(inspection.params).map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">
                      <code>{name}</code>
                    </th>
                    <td className={styles.value}>
                      {value === "" ? "(empty)" : shown(name, value)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {inspection.minWindows ? (
            <p>Needs {describeMinimumWindows(inspection.minWindows)}</p>
          ) : null}
          {inspection.link ? (
            <div>
              <label htmlFor={`${id}-canonical`} className={styles.label}>
                Canonical link
              </label>
              <output id={`${id}-canonical`} className={styles.canonical}>
                {showSecrets ? inspection.link : maskLinkSecrets(inspection.link)}
              </output>
            </div>
          ) : null}
          <DiagnosticList diagnostics={inspection.diagnostics} emptyText="No problems found." />
        </section>
      ) : null}
    </div>
  );
}
