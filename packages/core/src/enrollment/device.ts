/**
 * The simulated device's own values for the AdditionalContext items: random identifiers in the
 * formats a real client used, the rest as a real Windows client sent them.
 */
import { toHex } from "./encoding.js";

function randomHex(bytes: number): string {
  return toHex(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

/** 32 upper-case hex digits, the DeviceID format a real client sent. */
export function freshDeviceId(): string {
  return randomHex(16);
}

function randomMac(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(6));
  // Locally administered, unicast: never a real vendor's address.
  bytes[0] = ((bytes[0] ?? 0) & 0xfc) | 0x02;
  return toHex(bytes).match(/../g)!.join("-");
}

/** The values the simulated device sends unless the caller says otherwise, in Windows' order. */
export function deviceContext(deviceId: string): Record<string, string | readonly string[]> {
  const name = randomHex(4).slice(0, 7);
  return {
    UXInitiated: "true",
    HWDevID: randomHex(32),
    Locale: "en-US",
    TargetedUserLoggedIn: "true",
    OSEdition: "48",
    DeviceName: `DESKTOP-${name}`,
    MAC: [randomMac()],
    DeviceID: deviceId,
    EnrollmentType: "Full",
    DeviceType: "CIMClient_Windows",
    OSVersion: "10.0.26100.1",
    ApplicationVersion: "10.0.26100.1",
    NotInOobe: "false",
    RequestVersion: "5.0",
  };
}
