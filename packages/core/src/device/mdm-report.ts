/**
 * @winenroll/core/mdm-report: reads the `MDMEnterpriseDiagnosticsReport` document Windows exports
 * (MDMDiagReport.xml, written by MdmDiagnosticsTool.exe or Settings > Accounts > Access work or
 * school > Export your management log files): system information, the enrollments, and every error
 * code in it, explained. Its own entry, with its XML reader, so the browser entry does not carry it.
 */

import { type ErrorExplanation, explainError } from "../errors/explain.js";
import { formatHResult } from "../errors/hresult.js";
import type { Citation } from "../sources/sources.js";
import { parseXml, type XmlElement, XmlError } from "../xml/reader.js";

/** One enrollment found in the report, merged from every place the report mentions its id. */
export interface MdmReportEnrollment {
  /** The enrollment's GUID, as written. */
  readonly id: string;
  /** EnrollmentState as written; its numeric values are not decoded (no source documents them). */
  readonly state?: string;
  /** EnrollmentType as written, not decoded for the same reason. */
  readonly type?: string;
  /** ProviderID (`MS DM Server` for Intune) or MDMServerName where only that is given. */
  readonly provider?: string;
  readonly upn?: string;
  /** DiscoveryServiceFullURL, where present. */
  readonly discoveryUrl?: string;
  /** Every other simple value found for this enrollment, by element name. */
  readonly details: Readonly<Record<string, string>>;
  /** Element paths the enrollment was read from. */
  readonly from: readonly string[];
}

/** An error code found in the report, where, and what it means. */
export interface MdmReportCode {
  /** `0x` and eight lower-case hex digits. */
  readonly code: string;
  /** The element path it was found at (`MDMEnterpriseDiagnosticsReport/…/LastError`). */
  readonly path: string;
  /** The text it was found in, shortened. */
  readonly text: string;
  readonly explanation: ErrorExplanation;
}

export interface MdmReport {
  /** The report's Version element, where present. */
  readonly version?: string;
  /** Simple values of the system and device information sections, by element name. */
  readonly system: Readonly<Record<string, string>>;
  readonly enrollments: readonly MdmReportEnrollment[];
  /** Error codes, one per code and place. */
  readonly errors: readonly MdmReportCode[];
  /** Top-level sections present, by name, in document order. */
  readonly sections: readonly string[];
  readonly source: Citation;
}

/** Thrown by {@link parseMdmDiagReport} for a document that is not a management report. */
export class MdmReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MdmReportError";
  }
}

const ROOT = "MDMEnterpriseDiagnosticsReport";
const SYSTEM_SECTION = /system|deviceinfo|osinfo|device_info/i;
const ENROLLMENT_FIELDS: Record<string, keyof MdmReportEnrollment> = {
  enrollmentstate: "state",
  enrollmenttype: "type",
  providerid: "provider",
  upn: "upn",
  discoveryservicefullurl: "discoveryUrl",
};
const ERROR_ELEMENT = /error|hresult|result|status/i;

function simple(element: XmlElement): string | undefined {
  return element.children.length === 0 ? element.text.trim() : undefined;
}

/** Every descendant leaf with a value, as [name, value, path]. */
function leaves(element: XmlElement, path: string, out: [string, string, string][] = []) {
  for (const child of element.children) {
    const here = `${path}/${child.local}`;
    const value = simple(child);
    if (value !== undefined) {
      if (value !== "") out.push([child.local, value, here]);
    } else leaves(child, here, out);
  }
  return out;
}

/**
 * Parses an MDMDiagReport.xml document. Unknown sections are tolerated (and listed); a document
 * that is not XML or whose root is not `MDMEnterpriseDiagnosticsReport` throws an
 * {@link MdmReportError} saying what it is instead.
 *
 * @example
 * const report = parseMdmDiagReport(xmlText);
 * report.enrollments.map((e) => [e.provider, e.upn]); // [["MS DM Server", "alex@fabrikam.example"]]
 * report.errors.map((e) => e.code); // ["0x80180014"]
 */
export function parseMdmDiagReport(xml: string): MdmReport {
  let root: XmlElement;
  try {
    root = parseXml(xml, { maxDepth: 128, maxElements: 1_000_000 });
  } catch (error) {
    if (error instanceof XmlError)
      throw new MdmReportError(
        `not an MDM diagnostic report: the XML is unreadable (${error.message})`,
      );
    throw error;
  }
  if (root.local !== ROOT)
    throw new MdmReportError(
      `not an MDM diagnostic report: the document is <${root.local}>, not <${ROOT}>`,
    );

  const system: Record<string, string> = {};
  for (const section of root.children.filter((c) => SYSTEM_SECTION.test(c.local)))
    for (const [name, value] of leaves(section, section.local)) system[name] ??= value;

  const enrollments = new Map<string, { fields: Record<string, string>; from: string[] }>();
  const visit = (element: XmlElement, path: string): void => {
    const idChild = element.children.find((c) => c.local.toLowerCase() === "enrollmentid");
    const id = idChild ? simple(idChild) : undefined;
    if (id && /enrollment/i.test(element.local)) {
      const key = id.toLowerCase().replace(/[{}]/g, "");
      const entry = enrollments.get(key) ?? { fields: { id }, from: [] };
      entry.from.push(path);
      for (const [name, value] of leaves(element, path)) {
        const field = ENROLLMENT_FIELDS[name.toLowerCase()];
        if (field) entry.fields[field] ??= value;
        else if (name.toLowerCase() === "mdmservername") entry.fields.mdmServerName ??= value;
        else if (name.toLowerCase() !== "enrollmentid") entry.fields[`detail:${name}`] ??= value;
      }
      enrollments.set(key, entry);
    }
    for (const child of element.children) visit(child, `${path}/${child.local}`);
  };
  visit(root, root.local);

  const errors: MdmReportCode[] = [];
  const seen = new Set<string>();
  const add = (value: number, path: string, text: string) => {
    const code = formatHResult(value >>> 0).toLowerCase();
    if (seen.has(`${code}@${path}`)) return;
    seen.add(`${code}@${path}`);
    errors.push({ code, path, text: text.slice(0, 200), explanation: explainError(code) });
  };
  const scan = (element: XmlElement, path: string): void => {
    const texts = [element.text, ...Object.values(element.attributes)];
    for (const text of texts) {
      for (const m of text.matchAll(/\b0x([0-9a-f]{8})\b/gi))
        add(Number.parseInt(m[1]!, 16), path, text.trim());
      // Error-named elements may hold the code in decimal (-2145910764) or bare hex (80180014).
      const trimmed = text.trim();
      if (element.children.length === 0 && ERROR_ELEMENT.test(element.local)) {
        if (/^-\d{6,10}$/.test(trimmed)) add(Number(trimmed), path, trimmed);
        else if (/^8[0-9a-f]{7}$/i.test(trimmed)) add(Number.parseInt(trimmed, 16), path, trimmed);
      }
    }
    for (const child of element.children) scan(child, `${path}/${child.local}`);
  };
  scan(root, root.local);

  const version = root.children.find((c) => c.local === "Version");
  return {
    ...(version && simple(version) ? { version: simple(version)! } : {}),
    system,
    enrollments: [...enrollments.values()].map(({ fields, from }) => toEnrollment(fields, from)),
    errors,
    sections: root.children.map((c) => c.local),
    source: { doc: "mdm-diag-report-observed" },
  };
}

function toEnrollment(fields: Record<string, string>, from: string[]): MdmReportEnrollment {
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (k.startsWith("detail:")) details[k.slice(7)] = v;
  const provider = fields.provider ?? fields.mdmServerName;
  return {
    id: fields.id!,
    ...(fields.state ? { state: fields.state } : {}),
    ...(fields.type ? { type: fields.type } : {}),
    ...(provider ? { provider } : {}),
    ...(fields.upn ? { upn: fields.upn } : {}),
    ...(fields.discoveryUrl ? { discoveryUrl: fields.discoveryUrl } : {}),
    details,
    from,
  };
}
