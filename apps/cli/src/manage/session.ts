import { readFile } from "node:fs/promises";
import {
  type DeviceTreeSpec,
  diagnoseManagement,
  type ManagementReport,
  runManagementSession,
} from "@winenroll/core/management";
import { type ConnectTo, createNodeTransport } from "@winenroll/core/node";
import { UsageError } from "../errors.js";

// The management step, shared by `winenroll manage` (alone) and `winenroll enroll --manage` (after
// its certificate step, with the certificate and key it holds in memory).
/** What the `management` step needs: the issued certificate and key, and where the server is. */
export interface ManagementStepOptions {
  /** ADDR: the management URL of the provisioning document. */
  readonly url: string;
  /** PEM of the certificate issued at enrollment, and of its key. */
  readonly certificate: string;
  readonly key: string;
  readonly ca?: string;
  readonly connectTo?: readonly ConnectTo[];
  readonly timeoutMs: number;
  readonly maxRounds?: number;
  readonly tree?: DeviceTreeSpec;
  /** `./DevInfo/DevId` and the SyncHdr Source: the DeviceID sent at enrollment, when known. */
  readonly deviceId?: string;
  /** Called with every message exchanged, secrets not yet masked. */
  readonly onMessage?: (direction: "client" | "server", text: string, round: number) => void;
}

/**
 * The `management` step: Windows' first OMA-DM session against `url`, over TLS with the issued
 * client certificate, judged. `winenroll manage` runs it alone; `enroll --manage` can run it after
 * its `certificate` step with the certificate and key it holds in memory.
 */
export async function runManagementStep(options: ManagementStepOptions): Promise<ManagementReport> {
  const transport = createNodeTransport({
    ...(options.connectTo ? { connectTo: options.connectTo } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    connectTimeoutMs: Math.min(options.timeoutMs, 5_000),
    clientCertificate: options.certificate,
    clientKey: options.key,
  });
  const observation = await runManagementSession({
    serverUrl: options.url,
    transport,
    clientCertificate: true,
    timeoutMs: options.timeoutMs,
    ...(options.maxRounds !== undefined ? { maxRounds: options.maxRounds } : {}),
    ...(options.tree ? { tree: options.tree } : {}),
    ...(options.deviceId ? { identity: { devId: options.deviceId } } : {}),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
  });
  return diagnoseManagement(observation);
}

export function parseMaxRounds(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new UsageError(`--max-rounds ${text} is not a round count`, "accepted: 1 to 100");
  }
  return value;
}

function isNodeSpec(value: unknown): boolean {
  if (value === null || typeof value === "string") return true;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const { value: v, readOnly, status } = value as Record<string, unknown>;
  return (
    (v === undefined || typeof v === "string") &&
    (readOnly === undefined || typeof readOnly === "boolean") &&
    (status === undefined || (Number.isInteger(status) && (status as number) >= 100))
  );
}

/** `--device-tree`: inline JSON (starting with `{`) or a JSON file, node path → value. */
export async function readDeviceTree(text: string): Promise<DeviceTreeSpec> {
  let source = text;
  if (!text.trim().startsWith("{")) {
    try {
      source = await readFile(text, "utf8");
    } catch (error) {
      throw new UsageError(
        `cannot read --device-tree ${text}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        "pass a JSON file, or the JSON itself",
      );
    }
  }
  let tree: unknown;
  try {
    tree = JSON.parse(source);
  } catch (error) {
    throw new UsageError(`--device-tree is not JSON: ${(error as Error).message}`, TREE_HINT);
  }
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) {
    throw new UsageError("--device-tree is not a JSON object", TREE_HINT);
  }
  const bad = Object.entries(tree).find(
    ([path, spec]) => !path.startsWith("./") || !isNodeSpec(spec),
  );
  if (bad) throw new UsageError(`--device-tree: the entry "${bad[0]}" is not a node`, TREE_HINT);
  return tree as DeviceTreeSpec;
}

export const TREE_HINT =
  'accepted: {"./Vendor/MSFT/Node": "value", "./Vendor/MSFT/Gone": null, "./Vendor/MSFT/Locked": {"value": "1", "readOnly": true}, "./Vendor/MSFT/Broken": {"status": 500}}';
