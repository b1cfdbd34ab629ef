import { describe, expect, it } from "vitest";
import { DiscoveryInputError, discoveryUrl, domainOf } from "./url.js";

describe("discoveryUrl", () => {
  it("builds the constant URL from an e-mail address or a domain", () => {
    expect(discoveryUrl("user1@contoso.com")).toBe(
      "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc",
    );
    expect(discoveryUrl(" Contoso.COM. ")).toBe(
      "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc",
    );
  });

  it("writes international domains in punycode", () => {
    expect(domainOf("jürgen@bücher.example")).toBe("xn--bcher-kva.example");
    expect(discoveryUrl("münchen.de")).toBe(
      "https://EnterpriseEnrollment.xn--mnchen-3ya.de/EnrollmentServer/Discovery.svc",
    );
  });

  it.each([
    "",
    "user@",
    "CONTOSO\\user",
    "localhost",
    "user@localhost",
    "10.0.0.1",
    "a b.com",
    "contoso.com/path",
  ])("refuses %j with a hint", (input) => {
    expect(() => discoveryUrl(input)).toThrow(DiscoveryInputError);
    try {
      discoveryUrl(input);
    } catch (error) {
      expect((error as DiscoveryInputError).hint.length).toBeGreaterThan(10);
    }
  });
});
