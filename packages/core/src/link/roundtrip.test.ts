import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEnrollmentLink } from "./build.js";
import { inspectEnrollmentLink } from "./inspect.js";
import type { EnrollmentLinkParams } from "./params.js";

const text = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
  .filter((s) => s.trim() === s && s !== "");
const email = fc.emailAddress();
const validParams = fc.record(
  {
    mode: fc.constantFrom("mdm", "awa", "aadj"),
    username: email,
    servername: fc.webUrl({ validSchemes: ["https"] }),
    accesstoken: text,
    deviceidentifier: fc.uuid(),
    tenantidentifier: text,
    ownership: fc.constantFrom("1", "2", "3"),
  },
  { requiredKeys: ["mode"] },
) as fc.Arbitrary<EnrollmentLinkParams>;

describe("build and inspect round-trip", () => {
  for (const encoding of ["readable", "strict"] as const) {
    it(`every valid parameter set survives build → inspect (${encoding})`, () => {
      fc.assert(
        fc.property(validParams, (params) => {
          const link = buildEnrollmentLink(params, { encoding });
          const result = inspectEnrollmentLink(link);
          expect(result.ok).toBe(true);
          expect(result.params).toEqual(params);
          // The canonical link is the readable build of the same parameters.
          expect(result.link).toBe(buildEnrollmentLink(params));
        }),
        { numRuns: 300 },
      );
    });
  }
});
