import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildEnrollmentLink,
  type EnrollmentLinkParams,
  inspectEnrollmentLink,
  LINK_PARAM_NAMES,
} from "../../src/index.js";
import { FUZZ_TIMEOUT, runs } from "./runs.js";

/** The inspection's promises, whatever the input. */
function checkInspection(input: string): void {
  const result = inspectEnrollmentLink(input);
  // Every rejection says why.
  if (!result.ok) expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(0);
  }
  // The canonical link it offers is clean, and canonical again when inspected.
  if (result.link !== undefined) {
    const again = inspectEnrollmentLink(result.link);
    expect(again.ok).toBe(true);
    expect(again.link).toBe(result.link);
  }
}

const someLink = fc
  .record(
    {
      mode: fc.constantFrom("mdm", "awa", "aadj"),
      username: fc.emailAddress(),
      servername: fc.webUrl(),
      accesstoken: fc.string(),
      deviceidentifier: fc.uuid(),
      tenantidentifier: fc.string(),
      ownership: fc.constantFrom("1", "2", "3"),
    },
    { requiredKeys: ["mode"] },
  )
  .map((params) => buildEnrollmentLink(params as EnrollmentLinkParams));

/** Edits people and tools make to links: cut, insert, swap case, duplicate, wrap. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant("upper" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant("token" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      "&",
      "=",
      "?",
      "%",
      "+",
      " ",
      "#",
      "<",
      ">",
      '"',
      "ms-device-enrollment:",
      "mode=",
      ...LINK_PARAM_NAMES.map((n) => `&${n}=`),
    ),
  }),
  fc.record({
    kind: fc.constant("wrap" as const),
    text: fc.constantFrom('"', "'", "<", "Start-Process ", "[x]("),
  }),
);

function mutate(
  link: string,
  edit: fc.Arbitrary<unknown> extends never ? never : Parameters<typeof apply>[1],
): string {
  return apply(link, edit);
}

function apply(
  link: string,
  edit:
    | { kind: "insert" | "token"; at: number; text: string }
    | { kind: "delete" | "upper"; at: number; length: number }
    | { kind: "wrap"; text: string },
): string {
  if (edit.kind === "wrap")
    return `${edit.text}${link}${edit.text === "[x](" ? ")" : edit.text === "<" ? ">" : edit.text.trim()}`;
  const at = edit.at % (link.length + 1);
  switch (edit.kind) {
    case "insert":
    case "token":
      return link.slice(0, at) + edit.text + link.slice(at);
    case "delete":
      return link.slice(0, at) + link.slice(at + edit.length);
    case "upper":
      return (
        link.slice(0, at) +
        link.slice(at, at + edit.length).toUpperCase() +
        link.slice(at + edit.length)
      );
  }
}

describe("inspectEnrollmentLink never throws and always explains", () => {
  it("on arbitrary strings", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), checkInspection), {
      numRuns: runs(500),
    });
  });

  it("on random edits of valid links", { timeout: FUZZ_TIMEOUT }, () => {
    fc.assert(
      fc.property(someLink, fc.array(mutation, { minLength: 1, maxLength: 4 }), (link, edits) => {
        checkInspection(edits.reduce<string>((text, edit) => mutate(text, edit as never), link));
      }),
      { numRuns: runs(500) },
    );
  });
});
