import { parseWindowsVersion } from "../windows/version.js";
import type { DeviceState } from "./state.js";

/** The values each enumerated fact accepts; booleans accept true and false. */
export const DEVICE_FACT_VALUES = {
  edition: [
    "home",
    "pro",
    "pro-education",
    "enterprise",
    "education",
    "se",
    "iot-enterprise",
    "mobile",
  ],
  formFactor: ["desktop", "mobile"],
  account: ["admin", "standard", "builtin-admin"],
  joined: ["none", "ad", "entra"],
  managedBy: ["none", "mdm", "configmgr"],
  browser: ["edge", "internet-explorer", "other"],
  startsFrom: ["oobe", "settings", "deep-link", "app"],
  "tenant.signIn": ["managed", "federated"],
} as const;

const BOOLEANS = [
  "workAccount",
  "mdmEnrollmentDisabledByPolicy",
  "allowManualMdmUnenrollment",
  "discoveryFindsEndpoint",
] as const;
const TENANT_BOOLEANS = ["userFound", "autoEnrollment"] as const;

/** Thrown by {@link readDeviceState} with one line per problem. */
export class DeviceStateError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "DeviceStateError";
  }
}

function oneOf(problems: string[], key: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    problems.push(`${key}: ${JSON.stringify(value)} is not accepted; use ${allowed.join(", ")}.`);
  }
}

/**
 * Checks a device state read from JSON and returns it typed. Unknown keys, wrong values and
 * unreadable releases are reported together in a {@link DeviceStateError}. `null` means unknown.
 *
 * @example
 * readDeviceState(JSON.parse('{"edition":"pro","account":"standard"}')).account; // "standard"
 */
export function readDeviceState(input: unknown): DeviceState {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new DeviceStateError(["the state must be a JSON object"]);
  const raw = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as Record<
    string,
    unknown
  >;
  const problems: string[] = [];
  const known = new Set<string>([
    ...Object.keys(DEVICE_FACT_VALUES),
    ...BOOLEANS,
    "release",
    "tenant",
  ]);
  for (const key of Object.keys(raw))
    if (!known.has(key))
      problems.push(
        `${key}: not a device fact; known facts are ${[...known].filter((k) => !k.includes(".")).join(", ")}.`,
      );
  for (const [key, allowed] of Object.entries(DEVICE_FACT_VALUES))
    if (!key.includes(".")) oneOf(problems, key, raw[key], allowed);
  for (const key of BOOLEANS)
    if (raw[key] !== undefined && typeof raw[key] !== "boolean")
      problems.push(`${key}: use true or false.`);
  if (raw.release !== undefined) {
    if (typeof raw.release !== "string")
      problems.push('release: use a string such as "22H2" or "19045.3803".');
    else {
      try {
        parseWindowsVersion(raw.release);
      } catch (error) {
        problems.push(`release: ${(error as Error).message}`);
      }
    }
  }
  if (raw.tenant !== undefined) {
    if (typeof raw.tenant !== "object" || Array.isArray(raw.tenant))
      problems.push("tenant: use an object with userFound, autoEnrollment, signIn.");
    else {
      const tenant = Object.fromEntries(
        Object.entries(raw.tenant as object).filter(([, v]) => v !== null),
      ) as Record<string, unknown>;
      for (const key of Object.keys(tenant))
        if (![...TENANT_BOOLEANS, "signIn"].includes(key))
          problems.push(`tenant.${key}: not a tenant fact; use userFound, autoEnrollment, signIn.`);
      for (const key of TENANT_BOOLEANS)
        if (tenant[key] !== undefined && typeof tenant[key] !== "boolean")
          problems.push(`tenant.${key}: use true or false.`);
      oneOf(problems, "tenant.signIn", tenant.signIn, DEVICE_FACT_VALUES["tenant.signIn"]);
      raw.tenant = tenant;
    }
  }
  if (problems.length) throw new DeviceStateError(problems);
  return raw as DeviceState;
}
