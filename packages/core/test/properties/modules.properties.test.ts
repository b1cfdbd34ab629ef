import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discoverResponseSamples, parseDiscoverResponse } from "../../src/discovery/index.js";
import {
  buildEnrollmentLink,
  compareWindowsVersions,
  DEVICE_FACTS,
  type DeviceFactDefinition,
  type DeviceState,
  type EnrollmentLinkParams,
  evaluateEnrollment,
  explainError,
  inspectEnrollmentLink,
  parseWindowsVersion,
  setFact,
  WindowsVersionError,
} from "../../src/index.js";
import { FUZZ_TIMEOUT, runs } from "./runs.js";

// Two kinds of property below. "No-throw fuzz" properties feed arbitrary input and check only that
// the function answers in its documented shape instead of throwing: they find crashes, and pass for
// any answer of the right shape. The others state a law the answer must obey (monotonic, idempotent,
// the same value read two ways), and fail when the logic is wrong.

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
  it("no-throw fuzz: gives a verdict for every method, with reasons", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
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
  it("no-throw fuzz: never throws and says whether it found anything", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
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

describe("explainError's decoding", () => {
  it("reads a failure HRESULT the same in hex and as a signed decimal, field by field", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x80000000, max: 0xffffffff }), (value) => {
        const hex = explainError(`0x${value.toString(16)}`).decoded;
        const signed = explainError(String(value | 0)).decoded;
        expect(signed).toEqual(hex);
        expect(hex).toMatchObject({
          value,
          signed: value | 0,
          severity: "failure",
          facility: (value >>> 16) & 0x7ff,
          code: value & 0xffff,
        });
      }),
      { numRuns: runs(500) },
    );
  });
});

describe("parseWindowsVersion's reading", () => {
  const build = fc.integer({ min: 10240, max: 30000 });
  const revision = fc.integer({ min: 0, max: 9999 });

  it("reads the same build and revision from `b.r` and `10.0.b.r`", {
    timeout: FUZZ_TIMEOUT,
  }, () => {
    fc.assert(
      fc.property(build, revision, (b, r) => {
        const short = parseWindowsVersion(`${b}.${r}`);
        const full = parseWindowsVersion(`10.0.${b}.${r}`);
        expect([short.build, short.revision, short.hasRevision]).toEqual([b, r, true]);
        expect(full).toEqual(short);
      }),
      { numRuns: runs(300) },
    );
  });

  it("orders versions as (build, revision) pairs order", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(build, revision, build, revision, (b1, r1, b2, r2) => {
        const order = Math.sign(
          compareWindowsVersions(
            parseWindowsVersion(`${b1}.${r1}`),
            parseWindowsVersion(`${b2}.${r2}`),
          ),
        );
        expect(order).toBe(Math.sign(b1 - b2 || r1 - r2));
      }),
      { numRuns: runs(300) },
    );
  });
});

describe("inspectEnrollmentLink's canonical link", () => {
  const params = fc.record(
    {
      mode: fc.constantFrom("mdm", "awa", "aadj"),
      username: fc.emailAddress(),
      servername: fc.webUrl({ validSchemes: ["https"] }),
      deviceidentifier: fc.uuid(),
      tenantidentifier: fc.stringMatching(/^[a-z0-9.-]{1,20}$/),
      ownership: fc.constantFrom("1", "2", "3"),
    },
    { requiredKeys: ["mode"] },
  );
  /** Slips the canonical link forgives: a name in capitals, mode moved last, a value in <>. */
  const slip = fc.constantFrom("upper-name", "mode-last", "angle-brackets", "none");

  function slipped(link: string, how: string): string {
    const at = link.indexOf("?") + 1;
    const pairs = link.slice(at).split("&");
    if (how === "upper-name" && pairs.length > 1)
      pairs[1] = pairs[1]!.replace(/^[a-z]+/, (name) => name.toUpperCase());
    if (how === "mode-last") pairs.push(pairs.shift()!);
    if (how === "angle-brackets" && pairs.length > 1) pairs[1] = `${pairs[1]!.replace("=", "=<")}>`;
    return `${link.slice(0, at)}${pairs.join("&")}`;
  }

  it("undoes the slip, and inspects to itself", { timeout: FUZZ_TIMEOUT }, () => {
    let canonical = 0;
    fc.assert(
      fc.property(params, slip, (p, how) => {
        const built = buildEnrollmentLink(p as EnrollmentLinkParams);
        const first = inspectEnrollmentLink(slipped(built, how));
        if (first.link === undefined) return;
        canonical += 1;
        expect(first.link).toBe(built);
        const again = inspectEnrollmentLink(first.link);
        expect(again.link).toBe(first.link);
        expect(again.params).toEqual(p);
        expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      }),
      { numRuns: runs(300) },
    );
    // Not vacuous: most inputs had a canonical link to check.
    expect(canonical).toBeGreaterThan(runs(300) / 2);
  });
});

describe("parseWindowsVersion on arbitrary input", () => {
  it("no-throw fuzz: returns a version or throws its own error, never anything else", {
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

  it("no-throw fuzz: never throws on arbitrary text", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const parsed = parseDiscoverResponse(text);
        expect(["result", "fault", "invalid"]).toContain(parsed.kind);
      }),
      { numRuns: runs(500) },
    );
  });

  it("no-throw fuzz: never throws on mutated sample responses", { timeout: FUZZ_TIMEOUT }, () => {
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
