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

  it("labels a build above the newest known release as later than it (issue 13, item 8)", () => {
    const v = parseWindowsVersion("26300.1000");
    expect(v.release).toBeUndefined();
    expect(v.laterThan?.version).toBe("25H2");
    expect(v.label).toBe("build 26300.1000, later than Windows 11, version 25H2");
    expect(parseWindowsVersion("26200.6584").label).toBe(
      "Windows 11, version 25H2 (build 26200.6584)",
    );
  });

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
  it("cites for each edition's claim a source that names that edition (issue 13, item 8)", () => {
    // What each cited section names, read from the sources; "no source found" is an empty list.
    const names: Record<string, readonly string[]> = {
      "mdm-enrollment-2017/Connecting your device to an Active Directory domain": [
        "pro",
        "enterprise",
        "education",
      ],
      "mdm-enrollment-2017/Help with connecting to an Active Directory domain": [
        "home",
        "pro",
        "enterprise",
        "education",
      ],
      "mdm-enrollment-2017/Help with connecting to an Azure AD domain": [
        "home",
        "pro",
        "enterprise",
        "education",
      ],
      "policy-csp-experience/AllowManualMDMUnenrollment, applicability": [
        "pro",
        "enterprise",
        "education",
        "se",
        "iot-enterprise",
      ],
    };
    for (const edition of WINDOWS_EDITIONS) {
      for (const claim of [...edition.adJoin, ...edition.entraJoin, ...edition.mdm]) {
        const key = `${claim.source.doc}/${claim.source.section}`;
        if (key in names) expect(names[key], `${edition.id} ${key}`).toContain(edition.id);
      }
    }
    for (const id of ["se", "pro-education", "iot-enterprise"]) {
      const edition = findEdition(id)!;
      expect(edition.adJoin, id).toEqual([]);
      expect(edition.entraJoin, id).toEqual([]);
    }
  });

  it("keeps the Home MDM conflict as data", () => {
    const home = findEdition("home");
    expect(home && isDisputed(home.mdm)).toBe(true);
    expect(home?.mdm.map((c) => c.source.doc)).toContain("intune-user-not-authorized");
    expect(isDisputed(findEdition("pro")?.mdm ?? [])).toBe(false);
  });
});
