import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources/sources.js";
import { ERROR_CATALOG } from "./catalog.js";
import { explainError } from "./explain.js";
import { formatHResult } from "./hresult.js";

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
