import { describe, expect, it } from "vitest";
import { buildSignInUrl } from "./sign-in.js";

describe("buildSignInUrl", () => {
  it("adds appru and login_hint to the authentication service URL, keeping its own query", () => {
    const url = new URL(
      buildSignInUrl({
        authenticationServiceUrl: "https://login.contoso.test/mdm?os=10",
        loginHint: "someone@contoso.test",
      }),
    );
    expect(url.searchParams.get("os")).toBe("10");
    expect(url.searchParams.get("appru")).toBe("ms-app://windows.immersivecontrolpanel");
    expect(url.searchParams.get("login_hint")).toBe("someone@contoso.test");
    expect(
      new URL(
        buildSignInUrl({
          authenticationServiceUrl: "https://l.test/",
          loginHint: "a",
          appru: "ms-app://x",
        }),
      ).searchParams.get("appru"),
    ).toBe("ms-app://x");
  });
});
