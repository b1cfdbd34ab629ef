import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources/sources.js";
import { ERROR_CATALOG } from "./catalog.js";
import { explainError } from "./explain.js";
import { decodeHResult, formatHResult } from "./hresult.js";
import { SCREEN_MESSAGE_ROWS } from "./screen-messages.js";

const coded = ERROR_CATALOG.filter((e) => e.hresult !== undefined);

describe("ERROR_CATALOG", () => {
  it("has unique ids, sources that exist, and text for every field", () => {
    const ids = ERROR_CATALOG.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of ERROR_CATALOG) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(entry.meaning.length).toBeGreaterThan(10);
      expect(entry.causes.length).toBeGreaterThan(0);
      expect(entry.actions.length).toBeGreaterThan(0);
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(SOURCES).toHaveProperty(source.doc);
      for (const other of entry.conflict?.with ?? []) expect(ids).toContain(other);
    }
  });

  it.each(coded.map((e) => [e.id, e] as const))(
    "finds %s by hex, bare hex, signed and unsigned decimal",
    (_, entry) => {
      const value = entry.hresult!;
      const hex = formatHResult(value);
      for (const input of [
        hex,
        hex.toLowerCase(),
        hex.slice(2),
        String(value | 0),
        String(value),
      ]) {
        if (input === String(value) && value < 0x10000) continue;
        const result = explainError(input);
        expect(result.kind, input).toBe("hresult");
        expect(
          result.matches.map((m) => m.entry.id),
          input,
        ).toContain(entry.id);
      }
    },
  );

  it.each(ERROR_CATALOG.flatMap((e) => e.names.map((n) => [n, e.id] as const)))(
    "finds %s by name, in any case and without its prefix",
    (name, id) => {
      expect(explainError(name).matches.map((m) => m.entry.id)).toContain(id);
      expect(explainError(name.toLowerCase()).matches.map((m) => m.entry.id)).toContain(id);
      const bare = name.replace(/^(MENROLL_[ES]_|MREGISTER_E_|E_)/, "");
      expect(explainError(bare).matches.map((m) => m.entry.id)).toContain(id);
    },
  );

  it.each(
    ERROR_CATALOG.flatMap((e) =>
      (e.faults ?? []).map((f) => [`${f.namespace}:${f.value}`, f.value, e.id] as const),
    ),
  )("finds the SOAP fault %s", (qualified, bare, id) => {
    expect(explainError(qualified).matches.map((m) => m.entry.id)).toContain(id);
    expect(explainError(bare).matches.map((m) => m.entry.id)).toContain(id);
  });

  it.each(ERROR_CATALOG.flatMap((e) => (e.messages ?? []).map((m) => [m.text, e.id] as const)))(
    "finds the Windows message %s",
    (text, id) => {
      expect(explainError(text).matches.map((m) => m.entry.id)).toContain(id);
    },
  );

  it.each(ERROR_CATALOG.filter((e) => e.messages?.length).map((e) => [e.id, e] as const))(
    "finds the Windows message of %s",
    (id, entry) => {
      for (const m of entry.messages ?? [])
        expect(explainError(m.text).matches.map((x) => x.entry.id)).toContain(id);
    },
  );

  it("covers the issue's constants, faults and field causes", () => {
    const names = new Set(ERROR_CATALOG.flatMap((e) => e.names));
    for (const name of [
      "MENROLL_E_DEVICE_CERTIFICATEREQUEST_ERROR",
      "MENROLL_E_NOT_SUPPORTED",
      "MENROLL_E_USER_LICENSE",
      "MENROLL_E_CUSTOMSERVERERROR",
      "MENROLL_E_SERVER429",
      "MREGISTER_E_DISCOVERY_FAILED",
    ]) {
      expect(names).toContain(name);
    }
    const codes = new Set(coded.map((e) => e.hresult));
    for (const code of [
      0x801c0003, 0x801c03ea, 0x80180014, 0x8018000a, 0x8018002b, 0x80180022, 0x80180026,
    ]) {
      expect(codes).toContain(code);
    }
  });
});

const ids = (input: string) => explainError(input).matches.map((m) => m.entry.hresult);

describe("Windows' on-screen messages from Microsoft's error-code table (issue 13, item 6)", () => {
  it("carries every row of the table: 22 MENROLL codes, the terms-of-use refusal, 13 DSREG codes", () => {
    expect(SCREEN_MESSAGE_ROWS.length).toBe(36);
    for (const row of SCREEN_MESSAGE_ROWS) {
      const entry = ERROR_CATALOG.find((e) =>
        typeof row.code === "number" ? e.hresult === row.code : e.names.includes(row.code),
      );
      expect(entry, String(row.code)).toBeDefined();
      const message = entry?.messages?.find((m) => m.text === row.text);
      expect(message?.stringId, String(row.code)).toBe(row.stringId);
      expect(message?.source.doc).toBe("wid-mdm-enrollment-error-codes");
    }
  });

  it("returns every code that shares a message, typed in part and with any apostrophe", () => {
    expect(ids("There was a problem authenticating your account or device")).toEqual([
      0x80180002, 0x80180007, 0x8018000e, 0x8018000f, 0x801c0002, 0x801c0011, 0x801c0013,
      0x801c0014,
    ]);
    expect(ids("This feature isn’t supported.")).toEqual([0x80180014, 0x80180015]);
    expect(ids("this feature isnt supported")).toEqual([0x80180014, 0x80180015]);
  });

  it("matches a code typed in place of {0}, and puts that code first", () => {
    const typed =
      "There was a certificate error. You can try to do this again or contact your system administrator with the error code 0x80180012.";
    expect(ids(typed)).toEqual([0x80180012, 0x80180004, 0x8018000d]);
    expect(ids(typed.replace("0x80180012", "80180012"))).toContain(0x80180012);
  });

  it("finds the reboot message, the terms-of-use refusal and a string id", () => {
    expect(ids("A reboot is required to complete device registration.")).toEqual([0x801c000f]);
    const terms = explainError("your organization requires that you agree to the terms of use");
    expect(terms.matches.map((m) => m.entry.id)).toEqual(["rejected-terms-of-use"]);
    expect(explainError("rejectedTermsOfUse").matches.map((m) => m.entry.id)).toEqual([
      "rejected-terms-of-use",
    ]);
    expect(ids("idErrorDeviceLimit")).toEqual([0x80180013, 0x801c000e]);
  });
});

describe("device registration codes (issue 13, item 7)", () => {
  it("names 0x801C0001-0x801C0014 as the table does", () => {
    for (const row of SCREEN_MESSAGE_ROWS.filter((r) =>
      String(r.constant).startsWith("DSREG_E_"),
    )) {
      expect(explainError(row.constant!).matches.map((m) => m.entry.hresult)).toEqual([row.code]);
    }
  });

  it("knows 0x801C001D from the hybrid-join troubleshooting table", () => {
    const result = explainError("0x801C001D");
    expect(result.matches[0]?.entry.names).toEqual(["DSREG_AUTOJOIN_ADCONFIG_READ_FAILED"]);
    expect(result.matches[0]?.entry.sources[0]?.doc).toBe("entra-hybrid-join-troubleshoot");
  });

  it("says no source names facility 28", () => {
    expect(decodeHResult(0x801c001d).facilityInfo?.name).toMatch(/no .*name found/);
  });
});

describe("smaller slips (issue 13, item 8)", () => {
  it("knows the alias MENROLL_E_DEVICEAPREACHED", () => {
    expect(ids("MENROLL_E_DEVICEAPREACHED")).toEqual([0x80180013]);
  });

  it("names winerror.h in the 0x2A/0x2B against 0x30/0x31 conflict", () => {
    const entry = ERROR_CATALOG.find((e) => e.hresult === 0x80180031)!;
    expect(entry.conflict?.note).toMatch(/winerror\.h/);
    expect(entry.sources.map((c) => c.doc)).toContain("winerror-h");
  });

  it("points 0x80190009 to 0x80180009", () => {
    const entry = ERROR_CATALOG.find((e) => e.hresult === 0x80190009)!;
    expect(entry.actions.join(" ")).toContain("0x80180009");
  });
});
