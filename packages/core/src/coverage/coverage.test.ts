import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LINK_PARAMETER_FACTS } from "../link/params.js";
import { ENROLLMENT_METHODS } from "../rules/methods.js";
import { ENROLLMENT_RULES } from "../rules/rules.js";
import { SOURCES } from "../sources/sources.js";
import {
  resolveCounterpart,
  SEED_STATEMENTS,
  sourceConflicts,
  sourceContributions,
  testOf,
} from "./index.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const fileText = new Map<string, string>();
const read = (file: string) => {
  let text = fileText.get(file);
  if (text === undefined) {
    text = readFileSync(`${ROOT}${file}`, "utf8");
    fileText.set(file, text);
  }
  return text;
};

const counterparts = SEED_STATEMENTS.flatMap((s) => s.encodedBy);

describe("the seed's statements and their counterparts", () => {
  it("has unique ids, each citing the seed article", () => {
    const ids = SEED_STATEMENTS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of SEED_STATEMENTS) expect(s.source.doc).toBe("mdm-enrollment-2017");
  });

  it.each(SEED_STATEMENTS.map((s) => [s.id, s] as const))(
    "%s is encoded by something core holds",
    (_, statement) => {
      expect(statement.encodedBy.length).toBeGreaterThan(0);
      for (const c of statement.encodedBy)
        expect(resolveCounterpart(c), `${c.kind} ${c.id}`).toBeDefined();
    },
  );

  it("names, for every counterpart, a test that exists", () => {
    for (const c of counterparts) {
      const test = testOf(c);
      // Tests written once per entry carry the id in their title; the rest of it is in the file.
      const fixed = test.title.replace(c.id, "");
      expect(read(test.file), `${test.file}: ${test.title}`).toContain(fixed);
    }
  });

  it("covers every rule and way in that cites the seed", () => {
    const rules = new Set(counterparts.filter((c) => c.kind === "rule").map((c) => c.id));
    for (const r of ENROLLMENT_RULES.filter((r) => r.source.doc === "mdm-enrollment-2017"))
      expect(rules, r.id).toContain(r.id);
    const ways = new Set(counterparts.filter((c) => c.kind === "way").map((c) => c.id));
    for (const m of ENROLLMENT_METHODS)
      for (const w of m.ways.filter((w) => w.source.doc === "mdm-enrollment-2017"))
        expect(ways, `${m.id}/${w.from}`).toContain(`${m.id}/${w.from}`);
  });

  it("quotes each message of the personally-owned table through a rule, exactly", () => {
    const messages = new Set(ENROLLMENT_RULES.flatMap((r) => (r.message ? [r.message] : [])));
    for (const text of [
      "Your device is already connected to your organization’s cloud.",
      "We could not find your identity in your organization’s cloud.",
      "Your device is already being managed by an organization.",
      "You don’t have the right privileges to perform this operation. Please talk to your admin.",
      "We couldn’t auto-discover a management endpoint matching the username entered. Please check your username and try again. If you know the URL to your management endpoint, please enter it.",
    ])
      expect(messages).toContain(text);
  });

  it("holds the seed's parameter table: names, value kinds and release labels", () => {
    expect(LINK_PARAMETER_FACTS.map((p) => [p.name, p.valueKind, p.addedIn[0]?.version])).toEqual([
      ["mode", "mode", "1607"],
      ["username", "email-or-upn", "1703"],
      ["servername", "server-url", "1703"],
      ["accesstoken", "string", "1703"],
      ["deviceidentifier", "guid", "1703"],
      ["tenantidentifier", "guid-or-string", "1703"],
      ["ownership", "ownership", "1703"],
    ]);
  });
});

describe("the other sources", () => {
  it("says what each document contributed, or cites it somewhere in core's code", () => {
    const contributions = sourceContributions();
    expect([...contributions.keys()].sort()).toEqual(Object.keys(SOURCES).sort());
    expect(contributions.get("wid-mdm-enrollment-error-codes")?.length).toBeGreaterThan(30);
    expect(contributions.get("wid-pr-306")).toEqual([
      { table: "link checks", id: "param-name-case" },
    ]);
  });

  it("lists every conflict the data keeps", () => {
    const ids = sourceConflicts().map((c) => c.id);
    for (const id of ["mdm-home-edition", "mdm-domain-joined", "username", "home/mdm"])
      expect(ids).toContain(id);
    expect(ids.some((id) => id.startsWith("menroll-e-user-cancel"))).toBe(true);
  });
});
