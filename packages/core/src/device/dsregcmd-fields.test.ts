import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DsregcmdStatus, parseDsregcmd } from "./dsregcmd.js";
import { DSREGCMD_FIELDS, type DsregcmdFact } from "./dsregcmd-fields.js";
import { normalizeDsregcmdKey } from "./dsregcmd-sections.js";

const FIXTURES = new URL("./fixtures/", import.meta.url);
const pastes = readdirSync(FIXTURES)
  .filter((f) => !f.endsWith(".xml"))
  .map((f) => readFileSync(new URL(f, FIXTURES), "utf8"));
const statuses = pastes.map(parseDsregcmd);

const sectionOf = (printed: string) => printed.replace(/\d+$/, "N");
const entry = (section: string, key: string) =>
  `${sectionOf(section)}|${normalizeDsregcmdKey(key)}`;
const TABLE = new Set(DSREGCMD_FIELDS.map((f) => entry(f.section, f.key)));

/** Every fact in a status (anything with a value and the field it came from), found by walking it. */
function factsIn(value: unknown, out: DsregcmdFact<unknown>[] = []): DsregcmdFact<unknown>[] {
  if (value === null || typeof value !== "object") return out;
  const record = value as Record<string, unknown>;
  if ("from" in record && "value" in record) {
    out.push(record as unknown as DsregcmdFact<unknown>);
    return out;
  }
  for (const [key, child] of Object.entries(record)) {
    // The raw sections and explained error codes are not facts read by name.
    if (key !== "sections" && key !== "errors") factsIn(child, out);
  }
  return out;
}

/** What the status holds at a table target (`mdm.url`; `workAccounts.mdmUrl` in any account). */
function atTarget(status: DsregcmdStatus, target: string): unknown {
  const [head, key] = target.split(".") as [string, string | undefined];
  const top = (status as unknown as Record<string, unknown>)[head];
  if (key === undefined) return top;
  if (Array.isArray(top)) return top.find((item) => item[key] !== undefined)?.[key];
  return (top as Record<string, unknown> | undefined)?.[key];
}

describe("DSREGCMD_FIELDS, both ways", () => {
  it("every fact the parser returns comes from a field in the table", () => {
    const read = statuses.flatMap((s) => factsIn(s));
    expect(read.length).toBeGreaterThan(50);
    for (const fact of read)
      expect(TABLE, fact.from.key).toContain(entry(fact.from.section, fact.from.key));
  });

  it("every table entry is read: a paste holding only that field fills its target", () => {
    for (const spec of DSREGCMD_FIELDS) {
      const value = spec.kind === "yes-no" ? "YES" : "some value";
      const section = spec.section.replace(/ N$/, " 1");
      const status = parseDsregcmd(`| ${section} |\n   ${spec.key} : ${value}\n`);
      expect(atTarget(status, spec.target), `${spec.section} ${spec.key}`).toBeDefined();
    }
  });

  it("every table entry is a key real dsregcmd output prints, spelled as printed", () => {
    const printed = new Set(
      statuses.flatMap((s) =>
        s.sections.flatMap((x) => x.fields.map((f) => `${sectionOf(f.section)}|${f.key}`)),
      ),
    );
    for (const spec of DSREGCMD_FIELDS)
      expect(printed, `${spec.section} ${spec.key}`).toContain(`${spec.section}|${spec.key}`);
  });

  it("every fact it says a field feeds is one the device state has", () => {
    const feeds = new Set(DSREGCMD_FIELDS.flatMap((f) => f.feeds));
    expect(feeds).toEqual(
      new Set(["joined", "workAccount", "tenant.autoEnrollment", "tenant.userFound"]),
    );
  });
});
