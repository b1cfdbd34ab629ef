import { DEVICE_FACTS, type FactPath } from "./device-facts.js";
import { getFact, setFact } from "./fact-access.js";
import type {
  DeviceState,
  DeviceStateProvenance,
  DeviceStateWithProvenance,
  FactSource,
} from "./state.js";

/** One layer of facts and where they came from. */
export interface FactLayer {
  readonly state: DeviceState;
  /**
   * Where single facts came from, by path (`tenant.userFound`) or by group (`tenant`); a fact with no
   * entry of its own gets the layer's `origin`.
   */
  readonly provenance?: DeviceStateProvenance;
  readonly origin?: FactSource;
}

/**
 * The layers a device state is built from, highest first: what a person typed (CLI flags, the web
 * checker's form), a state file (`--state`, the collect script's document), saved `dsregcmd /status`
 * output, then assumed defaults.
 */
export interface FactLayers {
  readonly flags?: FactLayer;
  readonly state?: FactLayer;
  readonly dsregcmd?: FactLayer;
  readonly defaults?: FactLayer;
}

const ORDER = ["flags", "state", "dsregcmd", "defaults"] as const;

const DEFAULT_ORIGIN: Record<(typeof ORDER)[number], FactSource> = {
  flags: { kind: "user" },
  state: { kind: "other" },
  dsregcmd: { kind: "dsregcmd" },
  defaults: { kind: "default" },
};

function originOf(layer: FactLayer, name: (typeof ORDER)[number], path: FactPath): FactSource {
  const group = path.includes(".")
    ? (path.split(".")[0] as keyof DeviceStateProvenance)
    : undefined;
  return (
    layer.provenance?.[path] ??
    (group ? layer.provenance?.[group] : undefined) ??
    layer.origin ??
    DEFAULT_ORIGIN[name]
  );
}

/**
 * Merges the layers fact by fact: flags over `--state` over `--dsregcmd` over defaults. Each known
 * fact of the result says, by its path, which layer gave it and from where. The CLI's `check` and
 * the web checker both build their state this way.
 *
 * @example
 * const { state, provenance } = mergeFactLayers({
 *   flags: { state: { account: "admin" } },
 *   dsregcmd: { state: { joined: "entra", account: "standard" } },
 * });
 * state; // { account: "admin", joined: "entra" }
 * provenance.account?.kind; // "user"
 */
export function mergeFactLayers(layers: FactLayers): DeviceStateWithProvenance {
  let state: DeviceState = {};
  const provenance: DeviceStateProvenance = {};
  for (const { path } of DEVICE_FACTS) {
    for (const name of ORDER) {
      const layer = layers[name];
      const value = layer ? getFact(layer.state, path) : undefined;
      if (!layer || value === undefined) continue;
      state = setFact(state, path, value);
      provenance[path] = originOf(layer, name, path);
      break;
    }
  }
  return { state, provenance };
}
