import { ERROR_CATALOG } from "../errors/catalog.js";
import { FACILITIES, HTTP_STATUSES, WIN32_ERRORS, WINHTTP_ERRORS } from "../errors/codes.js";
import { LINK_CHECKS } from "../link/lint.js";
import { LINK_PARAMETERS } from "../link/params-reference.js";
import { ENROLLMENT_METHODS } from "../rules/methods.js";
import { ENROLLMENT_RULES } from "../rules/rules.js";
import { type Citation, SOURCES, type SourceId } from "../sources/sources.js";
import { isDisputed, WINDOWS_EDITIONS } from "../windows/editions.js";
import { WINDOWS_RELEASES } from "../windows/releases.js";
import type { Counterpart } from "./seed.js";

/** Where a counterpart lives, as a reader finds it: its table and what it holds. */
export interface ResolvedCounterpart extends Counterpart {
  /** The table it is an entry of, as the docs name it. */
  readonly table: string;
  /** What the entry says, in one line (a rule's on-screen message or situation is quoted). */
  readonly summary: string;
}

type ClaimKey = "adJoin" | "entraJoin" | "mdm";

/**
 * Finds a counterpart in its table; `undefined` when the table has no such entry.
 *
 * @example
 * resolveCounterpart({ kind: "rule", id: "ad-mobile" })?.table; // "enrollment rules"
 */
export function resolveCounterpart(c: Counterpart): ResolvedCounterpart | undefined {
  const found = (table: string, summary: string | undefined) =>
    summary === undefined ? undefined : { ...c, table, summary };
  switch (c.kind) {
    case "rule": {
      const rule = ENROLLMENT_RULES.find((r) => r.id === c.id);
      const words = rule?.message
        ? `Windows shows "${rule.message}"`
        : rule?.situation
          ? `situation "${rule.situation}"`
          : rule?.explanation;
      return found("enrollment rules", words);
    }
    case "way": {
      const [method, from] = c.id.split("/");
      const way = ENROLLMENT_METHODS.find((m) => m.id === method)?.ways.find(
        (w) => w.from === from,
      );
      return found("ways in", way?.steps.join(" "));
    }
    case "parameter":
      return found(
        "deep link parameters",
        LINK_PARAMETERS.find((p) => p.name === c.id)?.description,
      );
    case "lint": {
      const check = LINK_CHECKS.find((r) => r.code === c.id);
      return found("link checks", check ? `${check.severity}: ${check.code}` : undefined);
    }
    case "catalog": {
      const entry = ERROR_CATALOG.find((e) => e.id === c.id);
      return found("error catalog", entry?.messages?.[0]?.text);
    }
    case "edition": {
      const [id, key] = c.id.split("/") as [string, ClaimKey];
      const claims = WINDOWS_EDITIONS.find((e) => e.id === id)?.[key];
      const summary = claims?.length
        ? claims.map((x) => (x.supported ? "yes" : "no")).join(", ")
        : undefined;
      return found("editions", summary);
    }
    case "behaviour":
      return found("behaviour", c.id);
  }
}

/** One thing a source contributed: which table, which entry. */
export interface Contribution {
  readonly table: string;
  readonly id: string;
}

const cites = (citations: readonly (Citation | undefined)[], doc: SourceId) =>
  citations.some((c) => c?.doc === doc);

/**
 * What each document contributed to core's tables: rules, ways in, parameters, link checks,
 * catalog entries, named codes and facilities, releases and editions. A document cited only by
 * code outside these tables (discovery, device reading, tokens, batches) contributes nothing here.
 *
 * @example
 * sourceContributions().get("wid-pr-306"); // [{ table: "link checks", id: "param-name-case" }]
 */
export function sourceContributions(): Map<SourceId, Contribution[]> {
  const out = new Map<SourceId, Contribution[]>();
  for (const doc of Object.keys(SOURCES) as SourceId[]) {
    const list: Contribution[] = [];
    const add = (table: string, id: string) => list.push({ table, id });
    for (const r of ENROLLMENT_RULES) {
      const all = [r.source, ...(r.alsoSources ?? []), ...(r.conflicts ?? []).map((x) => x.source)];
      if (cites(all, doc)) add("enrollment rules", r.id);
    }
    for (const m of ENROLLMENT_METHODS)
      for (const w of m.ways) if (cites([w.source], doc)) add("ways in", `${m.id}/${w.from}`);
    for (const p of LINK_PARAMETERS) {
      const all = [...p.sources, ...p.addedIn.map((a) => a.source)];
      if (all.some((c) => c.doc === doc)) add("deep link parameters", p.name);
    }
    for (const check of LINK_CHECKS) if (check.source.doc === doc) add("link checks", check.code);
    for (const e of ERROR_CATALOG) {
      const all = [...e.sources, ...(e.messages ?? []).map((m) => m.source)];
      if (cites(all, doc)) add("error catalog", e.id);
    }
    for (const [table, codes] of [
      ["WinHTTP errors", WINHTTP_ERRORS],
      ["Win32 errors", WIN32_ERRORS],
      ["HTTP statuses", HTTP_STATUSES],
    ] as const) {
      if (codes.some((x) => x.source.doc === doc)) add(table, `${codes.length} codes`);
    }
    for (const f of FACILITIES) if (f.source.doc === doc) add("facilities", String(f.facility));
    for (const r of WINDOWS_RELEASES)
      if (r.source.doc === doc) add("releases", `${r.product} ${r.version}`);
    for (const e of WINDOWS_EDITIONS) {
      const claims = [...e.adJoin, ...e.entraJoin, ...e.mdm].map((x) => x.source);
      if (cites(claims, doc)) add("editions", e.id);
    }
    out.set(doc, list);
  }
  return out;
}

/** A place where sources disagree, as the data keeps it. */
export interface SourceConflict {
  readonly table: string;
  readonly id: string;
  readonly says: string;
  readonly sources: readonly Citation[];
}

/**
 * Every conflict the data holds: rules' disagreeing sources, catalog entries whose sources
 * disagree, parameters with more than one release claim, disputed edition claims.
 *
 * @example
 * sourceConflicts().some((c) => c.id === "mdm-home-edition"); // true
 */
export function sourceConflicts(): SourceConflict[] {
  const out: SourceConflict[] = [];
  for (const r of ENROLLMENT_RULES)
    for (const c of r.conflicts ?? [])
      out.push({
        table: "enrollment rules",
        id: r.id,
        says: c.says,
        sources: [r.source, c.source],
      });
  const seen = new Set<string>();
  for (const e of ERROR_CATALOG) {
    if (!e.conflict || seen.has(e.conflict.note)) continue;
    seen.add(e.conflict.note);
    out.push({ table: "error catalog", id: e.id, says: e.conflict.note, sources: e.sources });
  }
  for (const p of LINK_PARAMETERS) {
    if (p.addedIn.length < 2) continue;
    const versions = p.addedIn.map((a) => a.version).join(" or ");
    out.push({
      table: "deep link parameters",
      id: p.name,
      says: `Added in ${versions}: the sources name different releases.`,
      sources: p.addedIn.map((a) => a.source),
    });
  }
  for (const e of WINDOWS_EDITIONS) {
    for (const key of ["adJoin", "entraJoin", "mdm"] as const) {
      if (!isDisputed(e[key])) continue;
      out.push({
        table: "editions",
        id: `${e.id}/${key}`,
        says: e[key]
          .map((c) => `${c.supported ? "yes" : "no"}${c.note ? ` (${c.note})` : ""}`)
          .join("; "),
        sources: e[key].map((c) => c.source),
      });
    }
  }
  return out;
}
