import type { SourceDocument } from "./document.js";

/**
 * The documents the OMA-DM management session's facts come from (`src/management/`), kept apart
 * from the rest so the session's sources read as one list. `SOURCES` includes them.
 */
export const MANAGEMENT_SOURCES = {
  "ms-mdm": {
    title: "[MS-MDM]: Mobile Device Management Protocol",
    publisher: "Microsoft Open Specifications",
    url: "https://learn.microsoft.com/openspecs/windows_protocols/ms-mdm/",
    revision: "v15.0, 2024-04-23",
  },
  "wid-oma-dm-protocol": {
    title: "OMA DM protocol support",
    publisher: "Microsoft (windows-itpro-docs, oma-dm-protocol-support.md)",
    url: "https://learn.microsoft.com/windows/client-management/oma-dm-protocol-support",
    revision: "ms.date 2024-07-08, commit c0e6cca9",
  },
  "wid-mdm-server-requirements": {
    title: "Server requirements for using OMA DM to manage Windows devices",
    publisher: "Microsoft (windows-itpro-docs, server-requirements-windows-mdm.md)",
    url: "https://learn.microsoft.com/windows/client-management/server-requirements-windows-mdm",
    revision: "ms.date 2024-07-08, commit 0888ed62",
  },
  "wid-oma-dm-structure": {
    title: "Structure of OMA DM provisioning files",
    publisher: "Microsoft (windows-itpro-docs, structure-of-oma-dm-provisioning-files.md)",
    url: "https://learn.microsoft.com/windows/client-management/structure-of-oma-dm-provisioning-files",
    revision: "ms.date 2024-07-08, commit 0888ed62",
  },
  "wid-devinfo-csp": {
    title: "DevInfo CSP",
    publisher: "Microsoft (windows-itpro-docs, mdm/devinfo-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/devinfo-csp",
  },
  "wid-dmacc-csp": {
    title: "DMAcc CSP",
    publisher: "Microsoft (windows-itpro-docs, mdm/dmacc-csp.md)",
    url: "https://learn.microsoft.com/windows/client-management/mdm/dmacc-csp",
  },
  "fleet-windows-capture": {
    title:
      "A real Windows 10 21H1 client's traffic from discovery to its second OMA-DM session, as logged by Fleet",
    publisher:
      "fleetdm/fleet, tools/mdm/windows/poc-mdm-server/misc/mdm_ngrok_comm_dump.txt (commit 8e197bdf); an observation, not authority",
  },
} as const satisfies Record<string, SourceDocument>;
