import { describe, expect, it } from "vitest";
import { buildEnrollmentLink } from "./build.js";

describe("buildEnrollmentLink", () => {
  it("writes mode first and the rest in table order, whatever the key order", () => {
    const link = buildEnrollmentLink({
      ownership: "3",
      servername: "https://mdm.example.com",
      username: "someone@example.com",
      mode: "mdm",
    });
    expect(link).toBe(
      "ms-device-enrollment:?mode=mdm&username=someone@example.com&servername=https://mdm.example.com&ownership=3",
    );
  });

  it("leaves out empty and absent values", () => {
    expect(buildEnrollmentLink({ mode: "awa", username: "", servername: undefined })).toBe(
      "ms-device-enrollment:?mode=awa",
    );
  });

  it("keeps addresses readable but encodes what would break the query", () => {
    const link = buildEnrollmentLink({
      mode: "mdm",
      tenantidentifier: "a&b=c d+e#f%g",
      username: "jörg@example.com",
    });
    expect(link).toBe(
      "ms-device-enrollment:?mode=mdm&username=j%C3%B6rg@example.com&tenantidentifier=a%26b=c%20d%2Be%23f%25g",
    );
  });

  it("encodes a trailing quote or semicolon, which paste tools strip from the end of a link", () => {
    expect(buildEnrollmentLink({ mode: "mdm", tenantidentifier: "a;b'" })).toBe(
      "ms-device-enrollment:?mode=mdm&tenantidentifier=a%3Bb%27",
    );
  });

  it("strict encoding encodes every reserved character", () => {
    const link = buildEnrollmentLink(
      { mode: "mdm", username: "someone@example.com", servername: "https://mdm.example.com/x" },
      { encoding: "strict" },
    );
    expect(link).toBe(
      "ms-device-enrollment:?mode=mdm&username=someone%40example.com&servername=https%3A%2F%2Fmdm.example.com%2Fx",
    );
  });
});
