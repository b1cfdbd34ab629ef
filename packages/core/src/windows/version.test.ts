import { describe, expect, it } from "vitest";
import { findEdition, isDisputed, WINDOWS_EDITIONS } from "./editions.js";
import {
  compareWindowsVersions,
  isAtLeast,
  parseWindowsVersion,
  WindowsVersionError,
} from "./version.js";

describe("parseWindowsVersion", () => {
  it.each([
    ["1709", 16299, 0],
    ["22H2", 19045, 0],
    ["23H2", 22631, 0],
    ["Windows 11 23H2", 22631, 0],
    ["windows 11, version 24h2", 26100, 0],
    ["10.0.16299", 16299, 0],
    ["16299", 16299, 0],
    ["14393.82", 14393, 82],
    ["10.0.19045.3803", 19045, 3803],
  ])("reads %s", (input, build, revision) => {
    const v = parseWindowsVersion(input);
    expect(v.build).toBe(build);
    expect(v.revision).toBe(revision);
  });

  it("names the release a build belongs to", () => {
    expect(parseWindowsVersion("14393.82").label).toBe("Windows 10, version 1607 (build 14393.82)");
    expect(parseWindowsVersion("22631").release?.product).toBe("Windows 11");
  });

  it.each(["banana", "1234", "26H2", "Windows 10 23H2", "Windows 12 22H2", "9600", "10.0"])(
    "rejects %s naming the accepted forms",
    (input) => {
      expect(() => parseWindowsVersion(input)).toThrow(WindowsVersionError);
      expect(() => parseWindowsVersion(input)).toThrow(/1709, 22H2.*Windows 11 23H2.*14393\.82/);
    },
  );

  it("compares down to the servicing revision", () => {
    expect(
      compareWindowsVersions(parseWindowsVersion("14393.10"), parseWindowsVersion("14393.82")),
    ).toBeLessThan(0);
    expect(isAtLeast("14393.82", "14393.82")).toBe(true);
    expect(isAtLeast("1607", "14393.82")).toBe(false);
    expect(isAtLeast("1703", "14393.82")).toBe(true);
  });
});

describe("editions", () => {
  it("lists every edition the issue names", () => {
    expect(WINDOWS_EDITIONS.map((e) => e.id)).toEqual([
      "home",
      "pro",
      "pro-education",
      "enterprise",
      "education",
      "se",
      "iot-enterprise",
      "mobile",
    ]);
  });
  it("keeps the Home MDM conflict as data", () => {
    const home = findEdition("home");
    expect(home && isDisputed(home.mdm)).toBe(true);
    expect(home?.mdm.map((c) => c.source.doc)).toContain("intune-user-not-authorized");
    expect(isDisputed(findEdition("pro")?.mdm ?? [])).toBe(false);
  });
});
