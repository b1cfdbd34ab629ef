import type { Citation } from "../sources/sources.js";
import {
  FACILITIES,
  type FacilityInfo,
  HTTP_STATUSES,
  type NamedCode,
  WIN32_ERRORS,
  WINHTTP_ERRORS,
} from "./codes.js";

/** What the low 16 bits of an HRESULT stand for, when the facility gives them a meaning. */
export interface CodeInterpretation {
  readonly kind: "http-status" | "winhttp" | "win32";
  readonly code: number;
  /** The constant or reason phrase, when known (`ERROR_WINHTTP_TIMEOUT`, `Bad Request`). */
  readonly name?: string;
  readonly meaning?: string;
  readonly source?: Citation;
}

/** The parts of an HRESULT. */
export interface HResultDecoding {
  /** Unsigned 32-bit value. */
  readonly value: number;
  /** `0x80180014`, upper-case digits, always eight. */
  readonly hex: string;
  /** The same value as a signed 32-bit integer, as PowerShell and event logs print it. */
  readonly signed: number;
  readonly severity: "failure" | "success";
  /** The customer bit: set for codes defined outside Microsoft. */
  readonly customer: boolean;
  readonly facility: number;
  readonly facilityInfo?: FacilityInfo;
  /** The low 16 bits. */
  readonly code: number;
  readonly interpretation?: CodeInterpretation;
}

/**
 * Formats a 32-bit value as `0x` and eight upper-case hex digits.
 *
 * @example
 * formatHResult(-2145910764); // "0x80180014"
 */
export function formatHResult(value: number): string {
  return `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, "0")}`;
}

/**
 * Reads an HRESULT from the ways people write one: `0x80180014`, `80180014` (eight hex digits),
 * `-2145910764` (signed decimal), `2149056532` (unsigned decimal). A small decimal such as `1460`
 * is read as a Win32 error and wrapped as `0x800705B4`. Returns `undefined` for anything else.
 *
 * @example
 * parseHResult("0x80180014"); // 0x80180014
 * parseHResult("-2145910764"); // 0x80180014
 */
export function parseHResult(input: string): number | undefined {
  const text = input.trim().replace(/^\(|\)$/g, "");
  const hex = /^(?:0x|&h)([0-9a-f]{1,8})$/i.exec(text);
  if (hex) return Number.parseInt(hex[1]!, 16) >>> 0;
  if (/^[0-9a-f]{8}$/i.test(text) && /[a-f]/i.test(text)) return Number.parseInt(text, 16) >>> 0;
  if (/^[08][0-9]{7}$/.test(text)) return Number.parseInt(text, 16) >>> 0;
  if (/^-?[0-9]{1,10}$/.test(text)) {
    const n = Number(text);
    if (n < 0 && n >= -0x80000000) return n >>> 0;
    if (n >= 0x10000 && n <= 0xffffffff) return n >>> 0;
    if (n > 0 && n < 0x10000) return (0x80070000 | n) >>> 0;
  }
  return undefined;
}

function lookup(table: readonly NamedCode[], code: number): NamedCode | undefined {
  return table.find((entry) => entry.code === code);
}

function interpret(
  kind: CodeInterpretation["kind"],
  code: number,
  found?: NamedCode,
): CodeInterpretation {
  return found
    ? { kind, code, name: found.name, meaning: found.meaning, source: found.source }
    : { kind, code };
}

/**
 * Splits an HRESULT into severity, facility and code, and says what the code means where the
 * facility gives it a meaning: facility 7 is a Win32 error (WinHTTP errors among them), facility
 * 25 carries HTTP statuses (`0x80190190` is 400) and WinHTTP errors (`0x80192EE2` is 12002).
 *
 * @example
 * const d = decodeHResult(0x80192ee2);
 * d.facility; // 25
 * d.interpretation?.name; // "ERROR_WINHTTP_TIMEOUT"
 */
export function decodeHResult(value: number): HResultDecoding {
  const unsigned = value >>> 0;
  const facility = (unsigned >>> 16) & 0x7ff;
  const code = unsigned & 0xffff;
  const facilityInfo = FACILITIES.find((f) => f.facility === facility);
  let interpretation: CodeInterpretation | undefined;
  if (facility === 7 || facility === 25) {
    if (code >= 12000 && code <= 12199) {
      interpretation = interpret("winhttp", code, lookup(WINHTTP_ERRORS, code));
    } else if (facility === 25 && code >= 100 && code <= 599) {
      interpretation = interpret("http-status", code, lookup(HTTP_STATUSES, code));
    } else if (facility === 7) {
      interpretation = interpret("win32", code, lookup(WIN32_ERRORS, code));
    }
  }
  return {
    value: unsigned,
    hex: formatHResult(unsigned),
    signed: unsigned | 0,
    severity: unsigned >>> 31 === 1 ? "failure" : "success",
    customer: ((unsigned >>> 29) & 1) === 1,
    facility,
    ...(facilityInfo ? { facilityInfo } : {}),
    code,
    ...(interpretation ? { interpretation } : {}),
  };
}
