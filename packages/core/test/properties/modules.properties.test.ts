import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discoverResponseSamples, parseDiscoverResponse } from "../../src/discovery/index.js";
import {
  DEVICE_FACTS,
  type DeviceFactDefinition,
  type DeviceState,
  evaluateEnrollment,
  explainError,
  parseWindowsVersion,
  setFact,
  WindowsVersionError,
} from "../../src/index.js";
import { FUZZ_TIMEOUT, runs } from "./runs.js";

const RELEASES = [
  "1507",
  "1607",
  "1703",
  "1709",
  "22H2",
  "Windows 11 23H2",
  "14393.81",
  "14393.82",
  "19045.3803",
  "10.0.26100",
];

/** Any value of one fact, from core's table: a state with any subset of facts known. */
function anyValue(fact: DeviceFactDefinition): fc.Arbitrary<unknown> {
  if (fact.kind === "choice") return fc.constantFrom(...fact.values);
  return fact.kind === "boolean" ? fc.boolean() : fc.constantFrom(...RELEASES);
}

const deviceState: fc.Arbitrary<DeviceState> = fc
  .array(
    fc.oneof(
      ...DEVICE_FACTS.map((fact) => anyValue(fact).map((value) => [fact.path, value] as const)),
    ),
  )
  .map((facts) =>
    facts.reduce<DeviceState>((state, [path, value]) => setFact(state, path, value), {}),
  );

/** `more` knows everything `less` knows, and possibly more. */
function knowMore(less: DeviceState, extra: DeviceState): DeviceState {
  const tenantFacts = { ...(extra.tenant ?? {}), ...(less.tenant ?? {}) };
  const merged: DeviceState = { ...extra, ...less };
  return Object.keys(tenantFacts).length > 0 ? { ...merged, tenant: tenantFacts } : merged;
}

describe("evaluateEnrollment on arbitrary partial states", () => {
  it("gives a verdict for every method", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(deviceState, (state) => {
        const result = evaluateEnrollment(state);
        expect(result.methods.map((m) => m.method).sort()).toEqual([
          "ad-join",
          "entra-join",
          "mdm-only",
          "work-account",
        ]);
        for (const m of result.methods) {
          expect(["available", "blocked", "depends"]).toContain(m.verdict);
          if (m.verdict === "blocked") expect(m.blockedBy.length).toBeGreaterThan(0);
          if (m.verdict === "depends") expect(m.dependsOn.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("never turns blocked into anything else when more facts become known", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(deviceState, deviceState, (less, extra) => {
        const before = evaluateEnrollment(less);
        const after = evaluateEnrollment(knowMore(less, extra));
        for (const m of before.methods) {
          if (m.verdict !== "blocked") continue;
          expect(after.methods.find((a) => a.method === m.method)?.verdict).toBe("blocked");
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("explainError on arbitrary input", () => {
  it("never throws and says whether it found anything", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 200 }),
          fc.integer().map(String),
          fc.nat().map((n) => `0x${n.toString(16)}`),
        ),
        (input) => {
          const result = explainError(input);
          expect(typeof result.found).toBe("boolean");
          if (result.found)
            expect(
              result.matches.length + result.messages.length + (result.decoded ? 1 : 0),
            ).toBeGreaterThan(0);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});

describe("parseWindowsVersion on arbitrary input", () => {
  it("returns a version or throws its own error, never anything else", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...RELEASES)), (input) => {
        try {
          const version = parseWindowsVersion(input);
          expect(version.build).toBeGreaterThanOrEqual(10240);
        } catch (error) {
          expect(error).toBeInstanceOf(WindowsVersionError);
          expect((error as Error).message).toMatch(/\S/);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("parseDiscoverResponse on arbitrary and mutated bytes", () => {
  const samples = discoverResponseSamples().map((s) => s.xml);

  it("never throws on arbitrary text", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const parsed = parseDiscoverResponse(text);
        expect(["result", "fault", "invalid"]).toContain(parsed.kind);
      }),
      { numRuns: runs(500) },
    );
  });

  it("never throws on mutated sample responses", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 8 })), {
          minLength: 1,
          maxLength: 5,
        }),
        (sample, edits) => {
          const mutated = edits.reduce((text, [at, cut, insert]) => {
            const i = at % (text.length + 1);
            return text.slice(0, i) + insert + text.slice(i + cut);
          }, sample);
          const parsed = parseDiscoverResponse(mutated);
          expect(["result", "fault", "invalid"]).toContain(parsed.kind);
          if (parsed.kind === "invalid") expect(parsed.error).toMatch(/\S/);
        },
      ),
      { numRuns: runs(500) },
    );
  });
});
