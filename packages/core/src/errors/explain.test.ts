import { describe, expect, it } from "vitest";
import { explainError } from "./explain.js";

const ids = (input: string) => explainError(input).matches.map((m) => m.entry.id);

describe("explainError", () => {
  it("returns both readings of the cancelled / not-configured conflict", () => {
    expect(ids("MENROLL_E_MDM_NOT_CONFIGURED")).toEqual([
      "menroll-e-mdm-not-configured-header",
      "menroll-e-mdm-not-configured-metadata",
    ]);
    expect(ids("MENROLL_E_USER_CANCELED")).toEqual([
      "menroll-e-user-canceled-header",
      "menroll-e-user-cancelled-metadata",
    ]);
    const result = explainError("0x8018002B");
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toContain("0x80180031");
  });

  it("returns the Workplace Join meaning next to the enrollment one", () => {
    expect(ids("0x8018000a")).toEqual(["menroll-e-device-already-enrolled", "wpj-0x8018000a"]);
    expect(ids("8018000e")).toEqual(["menroll-e-password-needed", "wpj-0x8018000e"]);
  });

  it("finds text typed loosely: any apostrophe, hyphens, part of a sentence, any case", () => {
    for (const text of [
      "We couldn't auto-discover a management endpoint",
      "We couldn’t autodiscover a management endpoint",
      "we couldnt AUTODISCOVER a management endpoint matching the username entered",
      'Error: "We couldn\'t autodiscover a management endpoint matching the username entered. Check your username and try again. If you know the URL to your management endpoint, enter it." (screenshot)',
    ]) {
      expect(ids(text), text).toEqual(["discovery-endpoint-not-found"]);
    }
    expect(ids("your organization does not support this version of windows")).toEqual([
      "menroll-e-devicenotsupported",
    ]);
  });

  it("finds codes inside pasted text", () => {
    const result = explainError("Something went wrong, error code 0x80180014 shown");
    expect(result.kind).toBe("text");
    expect(result.matches[0]).toMatchObject({
      by: "code-in-text",
      entry: { id: "menroll-e-devicenotsupported" },
    });
  });

  it("explains the shared 'not authorized' text as both codes", () => {
    expect(ids("This user is not authorized to enroll")).toEqual([
      "menroll-e-device-authorization-error",
      "dsreg-0x801c0003",
    ]);
  });

  it("decodes HTTP and WinHTTP codes that have no catalog entry", () => {
    const http = explainError("0x80190190");
    expect(http.found).toBe(true);
    expect(http.matches).toHaveLength(0);
    expect(http.decoded?.interpretation).toMatchObject({ kind: "http-status", code: 400 });
    expect(explainError("0x80192ee2").decoded?.interpretation?.name).toBe("ERROR_WINHTTP_TIMEOUT");
    expect(explainError("ERROR_WINHTTP_SECURE_FAILURE").decoded?.hex).toBe("0x80072F8F");
  });

  it("says nothing matched, with the closest codes, names or messages", () => {
    const code = explainError("0x80180099");
    expect(code.found).toBe(false);
    expect(code.suggestions[0]).toMatch(/^0x80180033/);
    const name = explainError("MENROLL_E_DEVICENOTSUPORTED");
    expect(name.found).toBe(false);
    expect(name.suggestions).toContain("MENROLL_E_DEVICENOTSUPPORTED");
    const text = explainError("this version of windows is not supported by the organization");
    expect(text.found).toBe(false);
    expect(text.suggestions).toContain(
      "Your organization does not support this version of Windows.",
    );
    expect(explainError("   ").kind).toBe("empty");
    expect(explainError("the").found).toBe(false);
  });

  it("searches messages passed in, as the rules' messages are", () => {
    const result = explainError("you can't connect a home edition", {
      messages: [
        {
          id: "home-edition",
          kind: "on-screen",
          text: "You can’t connect a Home edition to work.",
        },
      ],
    });
    expect(result.found).toBe(true);
    expect(result.messages.map((m) => m.id)).toEqual(["home-edition"]);
  });
});

describe("explainError and the enrollment rules", () => {
  it("finds the rules' messages, typed loosely", async () => {
    const { ENROLLMENT_RULES } = await import("../rules/rules.js");
    const result = explainError("you dont have the right privileges to perform this operation");
    expect(result.found).toBe(true);
    expect(result.messages.map((m) => m.id)).toContain("byod-standard-user");
    const rule = ENROLLMENT_RULES.find((r) => r.id === "byod-standard-user")!;
    expect(result.messages.find((m) => m.id === rule.id)?.text).toBe(rule.message);
  });

  it("returns both the catalog entry and the rule for the discovery message", () => {
    const result = explainError("We couldn't auto-discover a management endpoint");
    expect(result.matches.map((m) => m.entry.id)).toEqual(["discovery-endpoint-not-found"]);
    expect(result.messages.map((m) => m.id)).toContain("byod-no-discovery");
  });
});
