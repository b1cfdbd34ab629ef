import DsregcmdImport from "@theme/DsregcmdImport";
import type { Props } from "@theme/EnrollmentChecker";
import {
  DEVICE_FACT_VALUES,
  type DeviceState,
  evaluateEnrollment,
  formatCitation,
  type MethodResult,
  RULE_WORDS_LABEL,
  readDeviceState,
} from "@winenroll/core";
import { readFragment, writeFragment } from "@winenroll/docusaurus-plugin/client";
import { useEffect, useId, useMemo, useState } from "react";
import styles from "./styles.module.css";

/** One form control per fact; `key` is the fact's path and its name in the URL fragment. */
interface Field {
  readonly key: string;
  readonly label: string;
  readonly values?: readonly string[];
  readonly boolean?: boolean;
}

const FIELDS: readonly Field[] = [
  { key: "edition", label: "Edition", values: DEVICE_FACT_VALUES.edition },
  { key: "release", label: "Release or build" },
  { key: "formFactor", label: "Form factor", values: DEVICE_FACT_VALUES.formFactor },
  { key: "account", label: "Account", values: DEVICE_FACT_VALUES.account },
  { key: "joined", label: "Joined to", values: DEVICE_FACT_VALUES.joined },
  { key: "workAccount", label: "Work account already added", boolean: true },
  { key: "managedBy", label: "Managed by", values: DEVICE_FACT_VALUES.managedBy },
  {
    key: "mdmEnrollmentDisabledByPolicy",
    label: "Disable MDM enrollment policy on",
    boolean: true,
  },
  { key: "tenant.userFound", label: "User found in the tenant", boolean: true },
  { key: "tenant.autoEnrollment", label: "Tenant MDM auto-enrollment", boolean: true },
  { key: "tenant.signIn", label: "Tenant sign-in", values: DEVICE_FACT_VALUES["tenant.signIn"] },
  { key: "discoveryFindsEndpoint", label: "Discovery finds a server", boolean: true },
  { key: "browser", label: "Browser", values: DEVICE_FACT_VALUES.browser },
  { key: "startsFrom", label: "Starts from", values: DEVICE_FACT_VALUES.startsFrom },
];

type Values = Record<string, string>;

function toValues(state: DeviceState): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(state)) {
    if (k === "tenant" && v && typeof v === "object") {
      for (const [tk, tv] of Object.entries(v))
        if (tv !== undefined) out[`tenant.${tk}`] = String(tv);
    } else if (v !== undefined) out[k] = String(v);
  }
  return out;
}

/** The state the form describes; values the rules cannot read are left unknown and reported. */
function toState(values: Values): { state: DeviceState; problem?: string } {
  const raw: Record<string, unknown> = {};
  const tenant: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const text = values[field.key];
    if (text === undefined || text === "") continue;
    const value = field.boolean ? text === "true" : text;
    if (field.key.startsWith("tenant.")) tenant[field.key.slice(7)] = value;
    else raw[field.key] = value;
  }
  if (Object.keys(tenant).length) raw.tenant = tenant;
  try {
    return { state: readDeviceState(raw) };
  } catch (error) {
    const { release: _, ...rest } = raw;
    try {
      return { state: readDeviceState(rest), problem: (error as Error).message };
    } catch {
      return { state: {}, problem: (error as Error).message };
    }
  }
}

const VERDICT: Record<MethodResult["verdict"], string> = {
  available: "Available",
  blocked: "Blocked",
  depends: "Depends",
};

function Method({ m }: { m: MethodResult }) {
  const deciding = [
    ...new Set(m.dependsOn.filter((d) => d.effect === "blocked").map((d) => d.fact)),
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
 * messages Windows shows and what to do. The facts live in the page's URL fragment so the page can
 * be shared; nothing leaves the browser.
 */
export default function EnrollmentChecker({ preset = {}, method }: Props) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => toValues(preset));
  useEffect(() => {
    const fragment = readFragment(window.location.hash);
    const fromUrl: Values = {};
    for (const field of FIELDS) {
      const v = fragment.get(field.key);
      if (v !== null) fromUrl[field.key] = v;
    }
    if (Object.keys(fromUrl).length) setValues(fromUrl);
  }, []);
  /** Shows the new values and mirrors them into the fragment, so the page can be shared as it is. */
  const show = (next: Values) => {
    setValues(next);
    const fragment = readFragment(window.location.hash);
    for (const field of FIELDS) {
      const v = next[field.key];
      if (v === undefined) fragment.delete(field.key);
      else fragment.set(field.key, v);
    }
    writeFragment(fragment);
  };
  const set = (key: string, value: string) => {
    const next = { ...values, [key]: value };
    if (value === "") delete next[key];
    show(next);
  };
  // Facts read from dsregcmd replace what the form held for the same facts; the rest stays.
  const applyDsregcmdFacts = (found: DeviceState) => show({ ...values, ...toValues(found) });
  const { state, problem } = useMemo(() => toState(values), [values]);
  const result = useMemo(() => evaluateEnrollment(state), [state]);
  const methods = method ? result.methods.filter((m) => m.method === method) : result.methods;
  return (
    <div className={styles.checker}>
      <fieldset className={styles.form}>
        <legend>Device facts (leave a fact unknown if you are not sure)</legend>
        {FIELDS.map((field) => {
          const fid = `${id}-${field.key}`;
          return (
            <div key={field.key} className={styles.field}>
              <label htmlFor={fid}>{field.label}</label>
              {field.values || field.boolean ? (
                <select
                  id={fid}
                  value={values[field.key] ?? ""}
                  onChange={(e) => set(field.key, e.target.value)}
                >
                  <option value="">unknown</option>
                  {(field.boolean ? ["true", "false"] : (field.values ?? [])).map((v) => (
                    <option key={v} value={v}>
                      {field.boolean ? (v === "true" ? "yes" : "no") : v}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={fid}
                  type="text"
                  placeholder="22H2, Windows 11 24H2, 19045.3803"
                  value={values[field.key] ?? ""}
                  onChange={(e) => set(field.key, e.target.value)}
                />
              )}
            </div>
          );
        })}
      </fieldset>
      <details className={styles.import}>
        <summary>Fill the form from dsregcmd /status output</summary>
        <DsregcmdImport onState={applyDsregcmdFacts} />
      </details>
      {problem ? (
        <p className={styles.problem} role="alert">
          {problem}
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
