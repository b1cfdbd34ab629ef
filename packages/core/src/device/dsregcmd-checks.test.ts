import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCitation } from "../sources/sources.js";
import { parseDsregcmd } from "./dsregcmd.js";
import { DSREGCMD_CHECKS } from "./dsregcmd-checks.js";

/** A complete paste of an Entra joined device, read as its user: nothing to report. */
const CLEAN = readFileSync(new URL("./fixtures/entra-joined.txt", import.meta.url), "utf8");

const DEVICE_STATE = (azure: string, enterprise: string, domain: string) =>
  `| Device State |\n   AzureAdJoined : ${azure}\n   EnterpriseJoined : ${enterprise}\n   DomainJoined : ${domain}\n`;
const USER_STATE = "| User State |\n   WorkplaceJoined : NO\n";

// Each code: a paste that triggers it, written by hand.
const TRIGGERS: Record<string, string> = {
  "dsregcmd-not-found": "C:\\> ipconfig\nWindows IP Configuration\n",
  "dsregcmd-join-fields-missing": "| Device State |\n   Device Name : PC-1\n",
  "dsregcmd-value-unreadable": DEVICE_STATE("MAYBE", "NO", "NO") + USER_STATE,
  "dsregcmd-join-unusual": DEVICE_STATE("YES", "YES", "NO") + USER_STATE,
  "dsregcmd-user-state-missing": DEVICE_STATE("YES", "NO", "NO"),
  "dsregcmd-line-unread": `${DEVICE_STATE("YES", "NO", "NO")}\n   ~~ not a field ~~\n${USER_STATE}`,
};

describe("every dsregcmd check", () => {
  it("has a trigger in this test", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(DSREGCMD_CHECKS.map((c) => c.code).sort());
  });

  it("the clean paste reports nothing", () => {
    expect(parseDsregcmd(CLEAN).diagnostics).toEqual([]);
  });

  for (const check of DSREGCMD_CHECKS) {
    it(`${check.code} fires, with its table severity and source`, () => {
      const found = parseDsregcmd(TRIGGERS[check.code]!).diagnostics.filter(
        (d) => d.code === check.code,
      );
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.severity).toBe(check.severity);
      expect(found[0]!.source).toBe(formatCitation(check.source));
    });

    it(`${check.code} stays silent on a clean paste`, () => {
      expect(parseDsregcmd(CLEAN).diagnostics.map((d) => d.code)).not.toContain(check.code);
    });
  }
});
