import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEnrollmentLink } from "../link/build.js";
import { inspectEnrollmentLink } from "../link/inspect.js";
import type { EnrollmentLinkParams } from "../link/params.js";
import { InspectionCache } from "./inspection-cache.js";

const now = new Date("2026-11-28T12:00:00Z");

const params = fc.record(
  {
    mode: fc.constantFrom("mdm", "awa", "aadj", "MDM", "x"),
    username: fc.oneof(
      fc
        .tuple(
          fc.stringMatching(/^[A-Za-z0-9._+-]{1,12}$/),
          fc.constantFrom("contoso.com", "x", "a..b", "-"),
        )
        .map(([local, host]) => `${local}@${host}`),
      fc.constantFrom("CONTOSO\\eve", "ana @contoso.com", ""),
    ),
    servername: fc.constantFrom(
      "https://mdm.contoso.com/EnrollmentServer/Discovery.svc",
      "mdm.contoso.com",
      "http://mdm.contoso.com",
    ),
    ownership: fc.constantFrom("1", "2", "3", "4", "x"),
    accesstoken: fc.constantFrom("eyJhbGciOiJIUzI1NiJ9.e30.c2ln", "short"),
  },
  { requiredKeys: ["mode"] },
);

describe("InspectionCache", () => {
  it("gives a cached verdict equal to a fresh inspection of the same link", () => {
    for (const encoding of ["readable", "strict"] as const) {
      const cache = new InspectionCache({ now, encoding });
      let hits = 0;
      fc.assert(
        fc.property(params, (p) => {
          const values = p as Record<string, string>;
          const link = buildEnrollmentLink(p as EnrollmentLinkParams, { encoding });
          const first = cache.inspect(values, link);
          const again = cache.inspect(values, link);
          const fresh = inspectEnrollmentLink(link, { now });
          if (first === again) hits += 1;
          for (const verdict of [first, again]) {
            expect(verdict.ok).toBe(fresh.ok);
            expect(verdict.diagnostics).toEqual(fresh.diagnostics);
          }
        }),
        { numRuns: 300 },
      );
      // Not a vacuous check: the cache did answer from memory.
      expect(hits).toBeGreaterThan(0);
    }
  });

  it("shares one verdict between users of the same shape, in each user's own words", () => {
    const cache = new InspectionCache({ now, encoding: "readable" });
    const link = (username: string) =>
      buildEnrollmentLink({ mode: "mdm", username } as EnrollmentLinkParams);
    // A domain with an empty label: the linter's message quotes the username.
    const answers = ["ana@a..b", "bob@a..b", "Cy9@a..b"].map((username) =>
      cache.inspect({ mode: "mdm", username }, link(username)),
    );
    expect(answers[2]!.diagnostics[0]?.message).toContain('"Cy9@a..b"');
    for (const [i, username] of ["ana@a..b", "bob@a..b", "Cy9@a..b"].entries())
      expect(answers[i]!.diagnostics).toEqual(
        inspectEnrollmentLink(link(username), { now }).diagnostics,
      );
  });

  it("shares one verdict between the run's own tokens of one length", () => {
    const cache = new InspectionCache({ now, encoding: "readable" });
    const verdicts = ["A".repeat(40), "B".repeat(40)].map((token) => {
      const values = { mode: "mdm", username: "ana@contoso.com", accesstoken: token };
      const link = buildEnrollmentLink(values as EnrollmentLinkParams);
      const verdict = cache.inspect(values, link, token);
      expect(verdict.diagnostics).toEqual(inspectEnrollmentLink(link, { now }).diagnostics);
      return verdict;
    });
    expect(verdicts[1]).toBe(verdicts[0]);
  });
});
