import { describe, expect, it } from "vitest";
import { applyConnectTo, parseConnectTo } from "./connect-to.js";

describe("parseConnectTo", () => {
  it("reads curl's four fields, empty ones included, and bracketed IPv6", () => {
    expect(parseConnectTo("EnterpriseEnrollment.Contoso.com:443:127.0.0.1:8443")).toEqual({
      host: "enterpriseenrollment.contoso.com",
      port: 443,
      toHost: "127.0.0.1",
      toPort: 8443,
    });
    expect(parseConnectTo("::127.0.0.1:")).toEqual({ host: "", toHost: "127.0.0.1" });
    expect(parseConnectTo("a.example:443:[::1]:8443")).toEqual({
      host: "a.example",
      port: 443,
      toHost: "::1",
      toPort: 8443,
    });
  });

  it.each(["a:b", "a.example:443:127.0.0.1", "a:99999:b:1", "a:x:b:1", "a:1:b:0"])(
    "refuses %j",
    (value) => {
      expect(() => parseConnectTo(value)).toThrow(RangeError);
    },
  );
});

describe("applyConnectTo", () => {
  const rules = [parseConnectTo("a.example:443:127.0.0.1:8443"), parseConnectTo(":80::8080")];
  it("sends matching host:port elsewhere, first rule wins, empty parts keep the original", () => {
    expect(applyConnectTo(rules, "A.example", 443)).toEqual({
      host: "127.0.0.1",
      port: 8443,
      overridden: true,
    });
    expect(applyConnectTo(rules, "b.example", 80)).toEqual({
      host: "b.example",
      port: 8080,
      overridden: true,
    });
    expect(applyConnectTo(rules, "b.example", 443)).toEqual({
      host: "b.example",
      port: 443,
      overridden: false,
    });
  });
});
