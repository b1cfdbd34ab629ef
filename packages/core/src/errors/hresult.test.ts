import { describe, expect, it } from "vitest";
import { decodeHResult, formatHResult, parseHResult } from "./hresult.js";

describe("parseHResult", () => {
  it.each([
    ["0x80180014", 0x80180014],
    ["0X80180014", 0x80180014],
    ["80180014", 0x80180014],
    ["8018000a", 0x8018000a],
    ["-2145910764", 0x80180014],
    ["2149056532", 0x80180014],
    ["(0x801c0003)", 0x801c0003],
    ["1460", 0x800705b4],
    ["0x2ee2", 0x2ee2],
  ])("reads %s", (input, expected) => {
    expect(parseHResult(input)).toBe(expected);
  });

  it.each(["", "hello", "0x123456789", "MENROLL_E_CONNECTIVITY", "1.5"])("refuses %j", (input) => {
    expect(parseHResult(input)).toBeUndefined();
  });
});

describe("decodeHResult", () => {
  it("splits severity, facility and code", () => {
    const d = decodeHResult(0x80180014);
    expect(d).toMatchObject({
      hex: "0x80180014",
      severity: "failure",
      facility: 24,
      code: 0x14,
      customer: false,
    });
    expect(d.signed).toBe(-2145910764);
    expect(d.facilityInfo?.name).toBe("DEVICE_ENROLLER_FACILITY_CODE");
  });

  it("reads facility 25 as an HTTP status", () => {
    const d = decodeHResult(0x80190190);
    expect(d.facility).toBe(25);
    expect(d.interpretation).toMatchObject({ kind: "http-status", code: 400, name: "Bad Request" });
    expect(decodeHResult(0x80190194).interpretation).toMatchObject({
      code: 404,
      name: "Not Found",
    });
  });

  it.each([
    [0x80192ee2, 12002, "ERROR_WINHTTP_TIMEOUT"],
    [0x80192ee7, 12007, "ERROR_WINHTTP_NAME_NOT_RESOLVED"],
    [0x80192efd, 12029, "ERROR_WINHTTP_CANNOT_CONNECT"],
    [0x80192efe, 12030, "ERROR_WINHTTP_CONNECTION_ERROR"],
    [0x80192f8f, 12175, "ERROR_WINHTTP_SECURE_FAILURE"],
    [0x80072ee2, 12002, "ERROR_WINHTTP_TIMEOUT"],
  ])("reads %s as WinHTTP error %i", (value, code, name) => {
    expect(decodeHResult(value).interpretation).toMatchObject({ kind: "winhttp", code, name });
  });

  it("reads facility 7 as a Win32 error", () => {
    expect(decodeHResult(0x800705b4).interpretation).toMatchObject({
      kind: "win32",
      code: 1460,
      name: "ERROR_TIMEOUT",
    });
    expect(decodeHResult(0x80070005).interpretation?.name).toBe("ERROR_ACCESS_DENIED");
    expect(decodeHResult(0x8007ffff).interpretation).toEqual({ kind: "win32", code: 0xffff });
  });

  it("marks success codes", () => {
    expect(decodeHResult(0x00180011).severity).toBe("success");
    expect(formatHResult(0x11)).toBe("0x00000011");
  });
});
