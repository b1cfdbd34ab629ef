import type { ErrorOrigin } from "./catalog.js";
import type { CodeInterpretation } from "./hresult.js";

/** What each part of Windows that reports codes is called, for people (the CLI, the docs). */
export const ERROR_ORIGIN_LABELS: Readonly<Record<ErrorOrigin, string>> = {
  "mdm-enrollment": "MDM enrollment",
  "mdm-registration": "MDM registration (Windows 8.x)",
  "workplace-join": "Workplace Join (device registration)",
  "device-registration": "Microsoft Entra device registration",
  autopilot: "Windows Autopilot",
  "intune-pc-agent": "Legacy Intune PC agent",
  discovery: "Auto-discovery",
};

/** What the low 16 bits of a decoded HRESULT are, by the kind the facility gives them. */
export const CODE_INTERPRETATION_LABELS: Readonly<Record<CodeInterpretation["kind"], string>> = {
  "http-status": "HTTP status",
  winhttp: "WinHTTP error",
  win32: "Win32 error",
};
