import type { Citation } from "../sources/sources.js";

/**
 * The simulated device's management tree: node paths and their values, shaped by the caller. A
 * command on a node gets the status Windows documents for that case; the table below says which.
 */

/**
 * One node as the caller gives it: its value; `null` to remove a default node; or an object that
 * makes the node read-only or forces the status every command on it gets (500, 406, …).
 */
export type DeviceNodeSpec =
  | string
  | null
  | { readonly value?: string; readonly readOnly?: boolean; readonly status?: number };

/** Node path (LocURI) → node, as `--device-tree` reads it from JSON. */
export type DeviceTreeSpec = Readonly<Record<string, DeviceNodeSpec>>;

/** What the device says about itself in `./DevInfo` (MS-MDM §4; the DevInfo CSP). */
export interface DeviceIdentity {
  /** `./DevInfo/DevId`: the device id, also the SyncHdr Source. */
  readonly devId: string;
  readonly man: string;
  readonly mod: string;
  readonly dmV: string;
  readonly lang: string;
}

export const DEFAULT_IDENTITY: DeviceIdentity = {
  devId: "B5B954E81FBCB94EB79BD08BE625F4EE",
  man: "winenroll",
  mod: "Simulated Windows device",
  // What a real Windows 10 client reported (fleet-windows-capture).
  dmV: "1.3",
  lang: "en-US",
};

interface DeviceNode {
  value: string;
  readOnly: boolean;
  status?: number;
}

export type NodeCommand = "Add" | "Delete" | "Exec" | "Get" | "Replace";

export interface NodeOutcome {
  readonly status: number;
  /** Get: the value, or an interior node's child names. */
  readonly data?: string;
  /** Get: `node` for an interior node. */
  readonly format?: string;
}

/** Why each status is given, with its source. */
export const NODE_STATUS_RULES: readonly {
  readonly when: string;
  readonly status: number;
  readonly source: Citation;
}[] = [
  {
    when: "Get of an interior node: its child names in Data",
    status: 200,
    source: { doc: "wid-oma-dm-protocol", section: "OMA DM standards, Get" },
  },
  {
    when: "Get, Replace, Delete or Exec of a node that does not exist",
    status: 404,
    source: { doc: "wid-oma-dm-protocol", section: "SyncML response status codes" },
  },
  {
    when: "Add, Replace or Delete of a read-only node (./DevInfo is Get only)",
    status: 405,
    source: { doc: "wid-devinfo-csp" },
  },
  {
    when: "Add of a node that already exists",
    status: 418,
    source: { doc: "wid-oma-dm-protocol", section: "SyncML response status codes" },
  },
];

/** `./Device/Vendor/MSFT/x` and `./Vendor/MSFT/x` name one node: the device scope is the default. */
function normalize(path: string): string {
  return path.replace(/\/+$/, "").replace(/^\.\/Device\/Vendor\/MSFT(?=\/|$)/i, "./Vendor/MSFT");
}

function defaults(identity: DeviceIdentity): Record<string, DeviceNodeSpec> {
  const readOnly = (value: string) => ({ value, readOnly: true });
  return {
    "./DevInfo/DevId": readOnly(identity.devId),
    "./DevInfo/Man": readOnly(identity.man),
    "./DevInfo/Mod": readOnly(identity.mod),
    "./DevInfo/DmV": readOnly(identity.dmV),
    "./DevInfo/Lang": readOnly(identity.lang),
  };
}

/** A device tree the session's commands read and change. */
export class DeviceTree {
  readonly #nodes: Map<string, DeviceNode>;

  private constructor(nodes: Map<string, DeviceNode>) {
    this.#nodes = nodes;
  }

  /**
   * The tree of a device: `./DevInfo` from its identity, then the caller's nodes on top.
   *
   * @example
   * const tree = DeviceTree.create(DEFAULT_IDENTITY, { "./Vendor/MSFT/DMClient/Provider/Contoso/EntDMID": "42" });
   * tree.apply("Get", "./Vendor/MSFT/DMClient/Provider/Contoso/EntDMID"); // { status: 200, data: "42" }
   */
  static create(identity: DeviceIdentity, spec: DeviceTreeSpec = {}): DeviceTree {
    const nodes = new Map<string, DeviceNode>();
    for (const [path, node] of Object.entries({ ...defaults(identity), ...spec })) {
      const key = normalize(path);
      if (node === null) nodes.delete(key);
      else if (typeof node === "string") nodes.set(key, { value: node, readOnly: false });
      else
        nodes.set(key, {
          value: node.value ?? "",
          readOnly: node.readOnly === true,
          ...(node.status !== undefined ? { status: node.status } : {}),
        });
    }
    return new DeviceTree(nodes);
  }

  /** A copy to try an Atomic on; kept only if every command in it succeeds. */
  clone(): DeviceTree {
    return new DeviceTree(new Map([...this.#nodes].map(([k, v]) => [k, { ...v }])));
  }

  /** Takes over another tree's nodes: an Atomic's copy, once all of it succeeded. */
  replaceWith(other: DeviceTree): void {
    this.#nodes.clear();
    for (const [key, node] of other.#nodes) this.#nodes.set(key, node);
  }

  /** The child names under an interior node, or undefined when no node lies under it. */
  #children(path: string): string[] | undefined {
    const prefix = `${path}/`.toLowerCase();
    const names = new Set<string>();
    for (const key of this.#nodes.keys()) {
      if (key.toLowerCase().startsWith(prefix)) names.add(key.slice(prefix.length).split("/")[0]!);
    }
    return names.size > 0 ? [...names] : undefined;
  }

  #find(path: string): [string, DeviceNode] | undefined {
    const lower = path.toLowerCase();
    for (const entry of this.#nodes) if (entry[0].toLowerCase() === lower) return entry;
    return undefined;
  }

  /** Whether the node or a read-only node above it forbids writing. */
  #readOnly(path: string): boolean {
    const segments = path.split("/");
    for (let i = segments.length; i > 1; i--) {
      if (this.#find(segments.slice(0, i).join("/"))?.[1].readOnly) return true;
    }
    // DevInfo is read-only as a whole (its CSP allows Get only).
    return /^\.\/DevInfo(\/|$)/i.test(path);
  }

  /** Runs one command on one node and says what the device answers. */
  apply(command: NodeCommand, uri: string, value?: string): NodeOutcome {
    const path = normalize(uri);
    const found = this.#find(path);
    if (found?.[1].status !== undefined) return { status: found[1].status };
    const children = found ? undefined : this.#children(path);
    const exists = found !== undefined || children !== undefined;
    switch (command) {
      case "Get":
        if (found) return { status: 200, data: found[1].value };
        if (children) return { status: 200, data: children.join("/"), format: "node" };
        return { status: 404 };
      case "Exec":
        return { status: exists ? 200 : 404 };
      case "Add":
        if (this.#readOnly(path)) return { status: 405 };
        if (exists) return { status: 418 };
        this.#nodes.set(path, { value: value ?? "", readOnly: false });
        return { status: 200 };
      case "Replace":
        if (!exists) return { status: 404 };
        if (this.#readOnly(path)) return { status: 405 };
        if (found) found[1].value = value ?? "";
        return { status: 200 };
      case "Delete": {
        if (!exists) return { status: 404 };
        if (this.#readOnly(path)) return { status: 405 };
        const prefix = `${path}/`.toLowerCase();
        for (const key of [...this.#nodes.keys()]) {
          const lower = key.toLowerCase();
          if (lower === path.toLowerCase() || lower.startsWith(prefix)) this.#nodes.delete(key);
        }
        return { status: 200 };
      }
    }
  }
}
