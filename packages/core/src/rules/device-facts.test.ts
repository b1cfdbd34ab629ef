import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources/sources.js";
import {
  DEVICE_FACTS,
  type DeviceFactDefinition,
  deviceFact,
  type FactPath,
  factLabel,
} from "./device-facts.js";
import { factsRead } from "./evaluate.js";
import { getFact, knownFacts, setFact } from "./fact-access.js";
import { mergeFactLayers } from "./merge.js";
import { DeviceStateError, readDeviceState, readFactText } from "./read-state.js";

const paths = DEVICE_FACTS.map((f) => f.path);

/** A value each fact accepts, from the table. */
function sample(path: FactPath): unknown {
  const fact = deviceFact(path)!;
  return fact.kind === "choice" ? fact.values[0] : fact.kind === "boolean" ? false : "22H2";
}

describe("DEVICE_FACTS", () => {
  it("holds every fact the rules read", () => {
    for (const path of factsRead().keys()) expect(paths).toContain(path);
  });

  it("gives each fact one path, one label and one flag", () => {
    for (const key of ["path", "label", "flag"] as const) {
      const values = DEVICE_FACTS.map((f) => f[key]);
      expect(new Set(values).size, key).toBe(values.length);
    }
    const facts: readonly DeviceFactDefinition[] = DEVICE_FACTS;
    const aliases = facts.flatMap((f) => f.aliases ?? []);
    for (const alias of aliases) expect(DEVICE_FACTS.map((f) => f.flag)).not.toContain(alias.flag);
  });

  it("cites a known document for every fact", () => {
    for (const fact of DEVICE_FACTS) expect(Object.keys(SOURCES)).toContain(fact.source.doc);
  });

  it("labels facts for people, paths never", () => {
    expect(factLabel("tenant.autoEnrollment")).toBe("Tenant MDM auto-enrollment");
    for (const fact of DEVICE_FACTS) expect(fact.label).not.toBe(fact.path);
  });
});

describe("readDeviceState from the table", () => {
  it("accepts every value of every fact and gives it back at its path", () => {
    for (const fact of DEVICE_FACTS) {
      const values =
        fact.kind === "choice"
          ? fact.values
          : fact.kind === "boolean"
            ? [true, false]
            : ["1607", "19045.3803"];
      for (const value of values)
        expect(getFact(readDeviceState(setFact({}, fact.path, value)), fact.path)).toBe(value);
    }
  });

  it("rejects a wrong value of every fact, saying what is accepted", () => {
    for (const fact of DEVICE_FACTS) {
      const wrong = fact.kind === "boolean" ? "yes" : fact.kind === "choice" ? "nonsense" : "soon";
      expect(() => readDeviceState(setFact({}, fact.path, wrong)), fact.path).toThrow(
        new RegExp(`^${fact.path.replace(".", "\\.")}: `),
      );
    }
  });

  it("rejects keys that are not facts, at the top and in the tenant", () => {
    try {
      readDeviceState({ colour: 1, tenant: { size: 3 } });
      expect.unreachable();
    } catch (error) {
      expect((error as DeviceStateError).problems).toEqual([
        expect.stringMatching(/^colour: not a device fact; known facts are edition, release/),
        "tenant.size: not a tenant fact; use userFound, autoEnrollment, signIn.",
      ]);
    }
    expect(() => readDeviceState({ tenant: [] })).toThrow(
      "tenant: use an object with userFound, autoEnrollment, signIn.",
    );
  });

  it("reads a fact typed as text", () => {
    expect(readFactText("tenant.userFound", "no")).toBe(false);
    expect(readFactText("workAccount", "TRUE")).toBe(true);
    expect(readFactText("joined", "hybrid")).toBe("hybrid");
    expect(() => readFactText("joined", "workgroup")).toThrow(DeviceStateError);
    expect(() => readFactText("discoveryFindsEndpoint", "maybe")).toThrow(/use true or false/);
  });
});

describe("getFact, setFact, knownFacts", () => {
  it("address tenant facts by path and drop an emptied tenant", () => {
    const state = setFact({ account: "admin" }, "tenant.autoEnrollment", true);
    expect(state).toEqual({ account: "admin", tenant: { autoEnrollment: true } });
    expect(knownFacts(state)).toEqual(["account", "tenant.autoEnrollment"]);
    expect(setFact(state, "tenant.autoEnrollment", undefined)).toEqual({ account: "admin" });
  });
});

describe("mergeFactLayers", () => {
  const every = (value: (p: FactPath) => unknown) =>
    paths.reduce((s, p) => setFact(s, p, value(p)), {});

  it("puts flags over --state over dsregcmd over defaults, fact by fact", () => {
    const { state, provenance } = mergeFactLayers({
      flags: { state: { account: "admin" } },
      state: {
        state: { account: "standard", edition: "pro" },
        origin: { kind: "other", detail: "--state s.json" },
      },
      dsregcmd: {
        state: { edition: "home", joined: "entra", tenant: { autoEnrollment: true } },
        provenance: { tenant: { kind: "dsregcmd", detail: "MdmUrl" } },
      },
      defaults: { state: { joined: "none", browser: "edge" } },
    });
    expect(state).toEqual({
      account: "admin",
      edition: "pro",
      joined: "entra",
      tenant: { autoEnrollment: true },
      browser: "edge",
    });
    expect(provenance).toEqual({
      account: { kind: "user" },
      edition: { kind: "other", detail: "--state s.json" },
      joined: { kind: "dsregcmd" },
      "tenant.autoEnrollment": { kind: "dsregcmd", detail: "MdmUrl" },
      browser: { kind: "default" },
    });
  });

  it("keeps every fact of a full layer, and a lower layer fills only the gaps", () => {
    const flags = every(sample);
    const merged = mergeFactLayers({ flags: { state: flags }, defaults: { state: every(sample) } });
    expect(merged.state).toEqual(flags);
    expect(Object.keys(merged.provenance).sort()).toEqual([...paths].sort());
    expect(Object.values(merged.provenance).every((p) => p?.kind === "user")).toBe(true);
    expect(mergeFactLayers({}).state).toEqual({});
  });
});
