import { describe, expect, it } from "vitest";
import { paramForHeading, planColumns } from "./columns.js";

describe("paramForHeading", () => {
  it("matches headings loosely and takes email and upn as username", () => {
    expect(paramForHeading("UserName")).toBe("username");
    expect(paramForHeading("E-mail")).toBe("username");
    expect(paramForHeading("User Principal Name")).toBe("username");
    expect(paramForHeading("tenant_id")).toBe("tenantidentifier");
    expect(paramForHeading(" Server URL ")).toBe("servername");
    expect(paramForHeading("Department")).toBeUndefined();
    expect(paramForHeading("url")).toBeUndefined();
  });
});

describe("planColumns", () => {
  it("passes other columns through", () => {
    const plan = planColumns(["email", "Display Name", "mode"]);
    expect(plan.columns.map((c) => c.param)).toEqual(["username", undefined, "mode"]);
    expect(plan.passThrough).toEqual(["Display Name"]);
    expect(plan.diagnostics).toEqual([]);
  });

  it("prefers the parameter's own name, then a UPN over an e-mail, and says so", () => {
    const plan = planColumns(["Email", "UPN", "username"]);
    expect(plan.columns.map((c) => c.param)).toEqual([undefined, undefined, "username"]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual([
      "batch-column-ignored",
      "batch-column-ignored",
    ]);
    const two = planColumns(["Email", "UPN"]);
    expect(two.columns.map((c) => c.param)).toEqual([undefined, "username"]);
    expect(two.passThrough).toEqual(["Email"]);
  });

  it("reports unnamed and repeated headings", () => {
    const plan = planColumns(["email", "", "note", "note"]);
    expect(plan.diagnostics.map((d) => d.code)).toEqual([
      "batch-column-unnamed",
      "batch-column-repeated",
    ]);
  });
});
