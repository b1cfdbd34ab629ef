import { DEVICE_FACTS, type FactPath } from "./device-facts.js";
import type { DeviceState } from "./state.js";

/** `tenant.autoEnrollment` → ["tenant", "autoEnrollment"]; `edition` → [undefined, "edition"]. */
function split(path: FactPath): readonly [string | undefined, string] {
  const dot = path.indexOf(".");
  return dot < 0 ? [undefined, path] : [path.slice(0, dot), path.slice(dot + 1)];
}

/**
 * The value of one fact in a state, addressed by its path; undefined when the fact is unknown.
 *
 * @example
 * getFact({ tenant: { autoEnrollment: true } }, "tenant.autoEnrollment"); // true
 */
export function getFact(state: DeviceState, path: FactPath): unknown {
  const [group, key] = split(path);
  const holder = group ? (state as Record<string, unknown>)[group] : state;
  return holder && typeof holder === "object"
    ? (holder as Record<string, unknown>)[key]
    : undefined;
}

/**
 * A copy of the state with one fact set, or removed when `value` is undefined. The value is not
 * checked: pass the result through `readDeviceState` when it comes from outside.
 *
 * @example
 * setFact({}, "tenant.userFound", false); // { tenant: { userFound: false } }
 */
export function setFact(state: DeviceState, path: FactPath, value: unknown): DeviceState {
  const [group, key] = split(path);
  const out = { ...state } as Record<string, unknown>;
  const holder: Record<string, unknown> = group ? { ...(out[group] as object) } : out;
  if (value === undefined) delete holder[key];
  else holder[key] = value;
  if (group) {
    if (Object.keys(holder).length) out[group] = holder;
    else delete out[group];
  }
  return out as DeviceState;
}

/**
 * The paths of the facts a state knows, in the order of `DEVICE_FACTS`.
 *
 * @example
 * knownFacts({ account: "admin", tenant: { signIn: "managed" } }); // ["account", "tenant.signIn"]
 */
export function knownFacts(state: DeviceState): FactPath[] {
  return DEVICE_FACTS.map((f) => f.path).filter((p) => getFact(state, p) !== undefined);
}
