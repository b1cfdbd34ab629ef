import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { LINK_PARAM_NAMES, type LinkParamName, PARAM_NAME_MISTAKES } from "../link/params.js";
import { batchDiagnostic } from "./checks.js";

/**
 * Column headings that give a link parameter, besides the parameter's own name. A heading is
 * compared after lowercasing and dropping everything but letters and digits, so `E-mail`,
 * `User Principal Name` and `tenant_id` all match. Earlier entries of a parameter win when a file
 * has several columns for it (a UPN is what Windows signs in with, so it beats an e-mail address).
 */
export const COLUMN_ALIASES: readonly {
  readonly heading: string;
  readonly param: LinkParamName;
}[] = [
  { heading: "upn", param: "username" },
  { heading: "userprincipalname", param: "username" },
  { heading: "email", param: "username" },
  { heading: "emailaddress", param: "username" },
  { heading: "mail", param: "username" },
  { heading: "workemail", param: "username" },
  ...Object.entries(PARAM_NAME_MISTAKES)
    .filter(([heading]) => !["upn", "email", "user", "url"].includes(heading))
    .map(([heading, param]) => ({ heading, param })),
];

/**
 * A heading with case, spaces and punctuation taken out, so spreadsheets' spellings of one column meet.
 *
 * @example
 * ```ts
 * normaliseHeading("E-mail Address"); // "emailaddress"
 * ```
 */
export function normaliseHeading(heading: string): string {
  return heading.toLowerCase().replace(/[^a-z0-9]/g, "");
}

const EXACT = new Map<string, LinkParamName>(LINK_PARAM_NAMES.map((name) => [name, name]));
const ALIASES = new Map<string, LinkParamName>(COLUMN_ALIASES.map((a) => [a.heading, a.param]));

/**
 * The link parameter a column heading gives, if any: the parameter's own name or a known alias.
 *
 * @example
 * ```ts
 * paramForHeading("UserName"); // "username"
 * paramForHeading("Work Email"); // "username"
 * paramForHeading("Department"); // undefined
 * ```
 */
export function paramForHeading(heading: string): LinkParamName | undefined {
  const key = normaliseHeading(heading);
  return EXACT.get(key) ?? ALIASES.get(key);
}

function rank(heading: string, param: LinkParamName): number {
  const key = normaliseHeading(heading);
  if (key === param) return -1;
  return COLUMN_ALIASES.findIndex((a) => a.heading === key);
}

export interface ColumnPlan {
  /** Each input column, in order: the parameter it gives, or none (passed through). */
  readonly columns: readonly {
    readonly heading: string;
    readonly param?: LinkParamName;
  }[];
  /** Headings passed through to the output unchanged, in input order. */
  readonly passThrough: readonly string[];
  /** Findings about the header itself (ignored or empty columns). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Decides what each column of an input file means. A parameter given by several columns is read
 * from the best one (the parameter's own name, then the order of {@link COLUMN_ALIASES}); the
 * others are passed through and reported, never silently dropped.
 *
 * @example
 * planColumns(["E-mail", "Department", "servername"]).columns;
 * // [{ heading: "E-mail", param: "username" }, { heading: "Department" }, { heading: "servername", param: "servername" }]
 */
export function planColumns(headings: readonly string[]): ColumnPlan {
  const diagnostics: Diagnostic[] = [];
  const best = new Map<LinkParamName, number>();
  headings.forEach((heading, index) => {
    const param = paramForHeading(heading);
    if (param === undefined) return;
    const current = best.get(param);
    if (current === undefined || rank(heading, param) < rank(headings[current]!, param)) {
      best.set(param, index);
    }
  });
  const columns = headings.map((heading, index) => {
    const param = paramForHeading(heading);
    if (param !== undefined && best.get(param) === index) return { heading, param };
    if (param !== undefined) {
      const chosen = headings[best.get(param)!]!;
      diagnostics.push(
        batchDiagnostic(
          "batch-column-ignored",
          `Column "${heading}" would also give ${param}; the values of "${chosen}" are used and "${heading}" is passed through.`,
          `rename or remove one of the two columns to say which ${param} you mean`,
          param,
        ),
      );
    }
    return { heading };
  });
  const seen = new Set<string>();
  headings.forEach((heading) => {
    if (heading.trim() === "") {
      diagnostics.push(
        batchDiagnostic(
          "batch-column-unnamed",
          "A column has no heading; its values are passed through under an empty name.",
          "give every column a heading in the first line",
        ),
      );
    } else if (seen.has(heading)) {
      diagnostics.push(
        batchDiagnostic(
          "batch-column-repeated",
          `The heading "${heading}" appears more than once; templates see only its last value.`,
          "give each column its own heading",
        ),
      );
    }
    seen.add(heading);
  });
  return {
    columns,
    passThrough: columns.filter((c) => c.param === undefined).map((c) => c.heading),
    diagnostics,
  };
}
