import DsregcmdImport from "@theme/DsregcmdImport";
import type { Props } from "@theme/EnrollmentChecker";
import {
  DEVICE_FACTS,
  type DeviceFactDefinition,
  type DeviceState,
  type DeviceStateWithProvenance,
  evaluateEnrollment,
  type FactPath,
  type FactSource,
  factLabel,
  formatCitation,
  getFact,
  type MethodResult,
  mergeFactLayers,
  RULE_WORDS_LABEL,
  readFactText,
  setFact,
} from "@winenroll/core";
import { readFragment, writeFragment } from "@winenroll/docusaurus-plugin/client";
import { useEffect, useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

/** What the form holds: the text of each fact a person set, by path (also its name in the fragment). */
type Values = Partial<Record<FactPath, string>>;

const TYPED: FactSource = { kind: "user", detail: "set in the form" };

function toValues(state: DeviceState): Values {
  const out: Values = {};
  for (const { path } of DEVICE_FACTS) {
    const value = getFact(state, path);
    if (value !== undefined) out[path] = String(value);
  }
  return out;
}

/** The state the form describes; a value the rules cannot read is left unknown and reported. */
function toState(values: Values): { state: DeviceState; problem?: string } {
  let state: DeviceState = {};
  const problems: string[] = [];
  for (const { path } of DEVICE_FACTS) {
    const text = values[path];
    if (text === undefined || text === "") continue;
    try {
      state = setFact(state, path, readFactText(path, text));
    } catch (error) {
      problems.push(`${factLabel(path)}: ${(error as Error).message.replace(/^[\w.]+: /, "")}`);
    }
  }
  return problems.length ? { state, problem: problems.join(" ") } : { state };
}

/** What the form sets, over the facts read from pasted dsregcmd output. */
function layered(typed: DeviceState, imported?: DeviceStateWithProvenance) {
  return mergeFactLayers({
    flags: { state: typed, origin: TYPED },
    ...(imported ? { dsregcmd: imported } : {}),
  });
}

/** Where a fact came from, when the form did not set it: "from dsregcmd (Device State, line 5 …)". */
function originNote(origin: FactSource | undefined): string | undefined {
  if (!origin || origin.kind === "user") return undefined;
  return `from ${origin.kind}${origin.detail ? ` (${origin.detail})` : ""}`;
}

/** The choices a fact's control offers, with what a person reads for each. */
function choicesOf(fact: DeviceFactDefinition): readonly (readonly [string, string])[] {
  if (fact.kind === "boolean")
    return [
      ["true", "yes"],
      ["false", "no"],
    ];
  return fact.kind === "choice" ? fact.values.map((v) => [v, v] as const) : [];
}

const VERDICT: Record<MethodResult["verdict"], string> = {
  available: "Available",
  blocked: "Blocked",
  depends: "Depends",
};

function Method({ m }: { m: MethodResult }) {
  const deciding = [
    ...new Set(m.dependsOn.filter((d) => d.effect === "blocked").map((d) => factLabel(d.fact))),
  ];
  return (
    <article className={styles.method} data-method={m.method} data-verdict={m.verdict}>
      <h3>
        {m.name} <span className={styles[m.verdict]}>{VERDICT[m.verdict]}</span>
      </h3>
      {m.blockedBy.map((hit) => (
        <div key={hit.rule} className={styles.hit} data-rule={hit.rule}>
          {hit.message ? (
            <p className={styles.message}>
              {RULE_WORDS_LABEL.message}: <q>{hit.message}</q>
            </p>
          ) : null}
          {hit.situation ? (
            <p className={styles.situation}>
              {RULE_WORDS_LABEL.situation}: <q>{hit.situation}</q>
            </p>
          ) : null}
          <p>{hit.explanation}</p>
          <p>
            <strong>What to do:</strong> {hit.remedy}
          </p>
          <p className={styles.source}>Source: {formatCitation(hit.source)}</p>
        </div>
      ))}
      {m.verdict === "depends" ? (
        <p>
          Depends on: {deciding.join(", ")}. Answer {deciding.length > 1 ? "these" : "this"} above
          to decide.
        </p>
      ) : null}
      {m.caveats.map((c) => (
        <p key={c.rule} className={styles.caveat} role="note">
          <strong>Note:</strong> {c.explanation}
          {c.conflicts?.map((x) => ` Another source: ${x.says} (${formatCitation(x.source)})`)}
        </p>
      ))}
      <p>
        Ways in: {m.ways.map((w) => `${w.from} (${VERDICT[w.verdict].toLowerCase()})`).join(", ")}.{" "}
        {m.leadsTo}
      </p>
    </article>
  );
}

/**
 * A form of the device's facts and the verdict on each of the four ways to connect, with the
 * messages Windows shows and what to do. One control per entry of core's DEVICE_FACTS. What the form
 * sets is layered over facts read from pasted dsregcmd output (core's mergeFactLayers, as the CLI
 * does). The facts live in the page's URL fragment so the page can be shared; nothing leaves the
 * browser.
 */
export default function EnrollmentChecker({ preset = {}, method }: Props) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => toValues(preset));
  const [imported, setImported] = useState<DeviceStateWithProvenance>();
  useEffect(() => {
    const fragment = readFragment(window.location.hash);
    const fromUrl: Values = {};
    for (const { path } of DEVICE_FACTS) {
      const v = fragment.get(path);
      if (v !== null) fromUrl[path] = v;
    }
    if (Object.keys(fromUrl).length) setValues(fromUrl);
  }, []);
  const typed = useMemo(() => toState(values), [values]);
  const merged = useMemo(() => layered(typed.state, imported), [typed.state, imported]);
  /** Shows the new facts and mirrors every known one into the fragment, so the page can be shared. */
  const show = (next: Values, nextImported = imported) => {
    setValues(next);
    setImported(nextImported);
    const known = { ...toValues(layered(toState(next).state, nextImported).state), ...next };
    const fragment = readFragment(window.location.hash);
    for (const { path } of DEVICE_FACTS) {
      const v = known[path];
      if (v === undefined || v === "") fragment.delete(path);
      else fragment.set(path, v);
    }
    writeFragment(fragment);
  };
  const set = (path: FactPath, value: string) => {
    const next = { ...values, [path]: value };
    if (value !== "") return show(next);
    delete next[path];
    // Unknown means unknown: the pasted output no longer speaks for this fact either.
    show(next, imported && { ...imported, state: setFact(imported.state, path, undefined) });
  };
  // Facts read from dsregcmd replace what the form held for the same facts; the rest stays.
  const applyDsregcmdFacts = (
    state: DeviceState,
    provenance: DeviceStateWithProvenance["provenance"],
  ) => {
    const next = { ...values };
    for (const { path } of DEVICE_FACTS) if (getFact(state, path) !== undefined) delete next[path];
    show(next, { state, provenance });
  };
  const result = useMemo(() => evaluateEnrollment(merged.state), [merged.state]);
  const methods = method ? result.methods.filter((m) => m.method === method) : result.methods;
  return (
    <div className={styles.checker}>
      <fieldset className={styles.form}>
        <legend>Device facts (leave a fact unknown if you are not sure)</legend>
        {DEVICE_FACTS.map((fact) => {
          const fid = `${id}-${fact.path}`;
          const current = values[fact.path] ?? String(getFact(merged.state, fact.path) ?? "");
          const note = originNote(merged.provenance[fact.path]);
          return (
            <div key={fact.path} className={styles.field} data-fact={fact.path}>
              <label htmlFor={fid} title={fact.help}>
                {fact.label}
              </label>
              {fact.kind === "version" ? (
                <input
                  id={fid}
                  type="text"
                  placeholder="22H2, Windows 11 24H2, 19045.3803"
                  value={current}
                  onChange={(e) => set(fact.path, e.target.value)}
                />
              ) : (
                <select id={fid} value={current} onChange={(e) => set(fact.path, e.target.value)}>
                  <option value="">unknown</option>
                  {choicesOf(fact).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              )}
              {note ? <small className={styles.origin}>{note}</small> : null}
            </div>
          );
        })}
      </fieldset>
      <details className={styles.import}>
        <summary>Fill the form from dsregcmd /status output</summary>
        <DsregcmdImport onState={applyDsregcmdFacts} />
      </details>
      {typed.problem ? (
        <p className={styles.problem} role="alert">
          {typed.problem}
        </p>
      ) : null}
      <section aria-label="Verdicts">
        {methods.map((m) => (
          <Method key={m.method} m={m} />
        ))}
      </section>
    </div>
  );
}
