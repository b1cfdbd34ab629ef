import { parseWindowsVersion } from "../windows/version.js";
import { DEVICE_FACTS, type DeviceFactDefinition, type FactPath } from "./device-facts.js";
import { getFact, setFact } from "./fact-access.js";
import type { DeviceState } from "./state.js";

/** Thrown by {@link readDeviceState} with one line per problem. */
export class DeviceStateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "DeviceStateError";
  }
}

/** What is wrong with one value of a fact, or undefined when the fact accepts it. */
function problemWith(fact: DeviceFactDefinition, value: unknown): string | undefined {
  switch (fact.kind) {
    case "choice":
      return fact.values.includes(value as string)
        ? undefined
        : `${JSON.stringify(value)} is not accepted; use ${fact.values.join(", ")}.`;
    case "boolean":
      return typeof value === "boolean" ? undefined : "use true or false.";
    case "version":
      if (typeof value !== "string") return 'use a string such as "22H2" or "19045.3803".';
      try {
        parseWindowsVersion(value);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
  }
}

/** Top-level keys and, for each group (`tenant`), the keys it holds: all from DEVICE_FACTS. */
const TOP_LEVEL = new Set<string>();
const GROUPS = new Map<string, string[]>();
for (const { path } of DEVICE_FACTS) {
  const [group, key] = path.includes(".") ? path.split(".") : [undefined, path];
  if (group && key) GROUPS.set(group, [...(GROUPS.get(group) ?? []), key]);
  TOP_LEVEL.add(group ?? path);
}

const withoutNulls = (value: object): Record<string, unknown> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));

/** Keys that are not facts, and groups that are not objects. */
function shapeProblems(raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL.has(key)) {
      problems.push(`${key}: not a device fact; known facts are ${[...TOP_LEVEL].join(", ")}.`);
      continue;
    }
    const keys = GROUPS.get(key);
    if (!keys) continue;
    const group = raw[key];
    if (typeof group !== "object" || Array.isArray(group)) {
      problems.push(`${key}: use an object with ${keys.join(", ")}.`);
      delete raw[key];
      continue;
    }
    raw[key] = withoutNulls(group as object);
    for (const inner of Object.keys(raw[key] as object))
      if (!keys.includes(inner))
        problems.push(`${key}.${inner}: not a ${key} fact; use ${keys.join(", ")}.`);
  }
  return problems;
}

/**
 * Checks a device state read from JSON and returns it typed. Unknown keys, wrong values and
 * unreadable releases are reported together in a {@link DeviceStateError}. `null` means unknown.
 * What is accepted comes from `DEVICE_FACTS`.
 *
 * @example
 * readDeviceState(JSON.parse('{"edition":"pro","account":"standard"}')).account; // "standard"
 */
export function readDeviceState(input: unknown): DeviceState {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new DeviceStateError(["the state must be a JSON object"]);
  const raw = withoutNulls(input);
  const problems = shapeProblems(raw);
  let state: DeviceState = {};
  for (const fact of DEVICE_FACTS) {
    const value = getFact(raw as DeviceState, fact.path);
    if (value === undefined) continue;
    const problem = problemWith(fact, value);
    if (problem) problems.push(`${fact.path}: ${problem}`);
    else state = setFact(state, fact.path, value);
  }
  if (problems.length) throw new DeviceStateError(problems);
  return state;
}

/**
 * Reads one fact's value from text, as a form or a command line gives it: `true`/`yes` and
 * `false`/`no` for a yes/no fact, one of the values for a choice, a version for the release.
 * Throws a {@link DeviceStateError} saying what is accepted.
 *
 * @example
 * readFactText("tenant.userFound", "no"); // false
 */
export function readFactText(path: FactPath, text: string): unknown {
  const fact = DEVICE_FACTS.find((f) => f.path === path)!;
  const value =
    fact.kind !== "boolean"
      ? text
      : ({ true: true, yes: true, false: false, no: false } as Record<string, boolean>)[
          text.toLowerCase()
        ];
  const problem = value === undefined ? "use true or false." : problemWith(fact, value);
  if (problem) throw new DeviceStateError([`${path}: ${problem}`]);
  return value;
}
