import DiagnosticList from "@theme/DiagnosticList";
import type { Props } from "@theme/EnrollmentLinkBuilder";
import {
  buildEnrollmentLink,
  describeMinimumWindows,
  ENROLLMENT_MODES,
  type EnrollmentLinkParams,
  formatEnrollmentAnchor,
  inspectEnrollmentLink,
  LINK_PARAMETERS,
  type LinkEncoding,
  type LinkParamName,
} from "@winenroll/core";
import { copyText, opensDeepLinks, useBuilderPresets } from "@winenroll/docusaurus-plugin/client";
import { useEffect, useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

const OPTIONAL = LINK_PARAMETERS.filter((p) => p.name !== "mode");
const DEFAULT_TEXT = "Connect this PC to work";

/** A form with one labelled control per link parameter, and the live link with its diagnostics. */
export default function EnrollmentLinkBuilder(props: Props) {
  const { defaults, lockedParams } = useBuilderPresets(props);
  const id = useId();
  const [values, setValues] = useState<Partial<Record<LinkParamName, string>>>(() => ({
    mode: "mdm",
    ...defaults,
  }));
  const [encoding, setEncoding] = useState<LinkEncoding>("readable");
  const [text, setText] = useState(DEFAULT_TEXT);
  const [copied, setCopied] = useState<string>("");
  const [canOpen, setCanOpen] = useState<boolean | undefined>(undefined);
  useEffect(() => setCanOpen(opensDeepLinks(navigator.userAgent)), []);

  const locked = (name: LinkParamName) => lockedParams.includes(name);
  const currentValue = (name: LinkParamName) =>
    (locked(name) ? defaults[name] : values[name]) ?? "";

  const link = buildEnrollmentLink(
    Object.fromEntries(
      LINK_PARAMETERS.map((p) => [p.name, currentValue(p.name)]),
    ) as unknown as EnrollmentLinkParams,
    { encoding },
  );
  const inspection = useMemo(() => inspectEnrollmentLink(link), [link]);
  const set = (name: LinkParamName) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  async function copy(what: string, value: string) {
    setCopied(
      (await copyText(value))
        ? `${what} copied`
        : "Copying is blocked here: select the text and copy it.",
    );
  }

  return (
    <div className={styles.builder}>
      <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
        <div className={styles.field}>
          <label htmlFor={`${id}-mode`}>mode</label>
          <select
            id={`${id}-mode`}
            value={currentValue("mode")}
            onChange={set("mode")}
            disabled={locked("mode")}
          >
            {ENROLLMENT_MODES.map((m) => (
              <option key={m.value} value={m.value}>
                {m.value}: {m.title}
              </option>
            ))}
          </select>
        </div>
        {OPTIONAL.map((p) => (
          <div className={styles.field} key={p.name}>
            <label htmlFor={`${id}-${p.name}`}>{p.name}</label>
            <input
              id={`${id}-${p.name}`}
              name={p.name}
              type={p.secret ? "password" : "text"}
              autoComplete="off"
              spellCheck={false}
              value={currentValue(p.name)}
              readOnly={locked(p.name)}
              aria-describedby={`${id}-${p.name}-help`}
              onChange={set(p.name)}
            />
            <small id={`${id}-${p.name}-help`}>
              {p.valueSummary}
              {locked(p.name) ? " (set by this site)" : ""}
            </small>
          </div>
        ))}
        <div className={styles.field}>
          <label htmlFor={`${id}-encoding`}>encoding</label>
          <select
            id={`${id}-encoding`}
            value={encoding}
            onChange={(event) => setEncoding(event.target.value as LinkEncoding)}
          >
            <option value="readable">readable (only what would break the link)</option>
            <option value="strict">strict (every reserved character)</option>
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-text`}>link text</label>
          <input id={`${id}-text`} value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      </form>

      <section className={styles.result} aria-live="polite">
        <label htmlFor={`${id}-link`} className={styles.resultLabel}>
          Enrollment link
        </label>
        <output id={`${id}-link`} className={styles.link} data-ok={inspection.ok}>
          {link}
        </output>
        <div className={styles.actions}>
          <button
            type="button"
            className="button button--primary button--sm"
            disabled={!inspection.ok}
            onClick={() => copy("Link", link)}
          >
            Copy link
          </button>
          <span role="status">{copied}</span>
        </div>
        {inspection.minWindows ? (
          <p>Needs {describeMinimumWindows(inspection.minWindows)}</p>
        ) : null}
        {canOpen === false ? (
          <p className={styles.notice} role="note">
            This browser cannot open the link: deep links only work from Microsoft Edge or Internet
            Explorer on Windows. Copy it into a mail or page your users open there.
          </p>
        ) : null}
        <DiagnosticList diagnostics={inspection.diagnostics} emptyText="No problems found." />
        <details>
          <summary>HTML, markdown and PowerShell</summary>
          <label htmlFor={`${id}-html`}>HTML anchor</label>
          <textarea
            id={`${id}-html`}
            readOnly
            rows={2}
            value={formatEnrollmentAnchor(link, "html", text)}
          />
          <label htmlFor={`${id}-markdown`}>Markdown link</label>
          <textarea
            id={`${id}-markdown`}
            readOnly
            rows={2}
            value={formatEnrollmentAnchor(link, "markdown", text)}
          />
          <label htmlFor={`${id}-powershell`}>PowerShell line</label>
          <textarea
            id={`${id}-powershell`}
            readOnly
            rows={2}
            value={formatEnrollmentAnchor(link, "powershell", text)}
          />
        </details>
      </section>
    </div>
  );
}
