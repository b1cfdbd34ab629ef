import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateEnrollment } from "../rules/evaluate.js";
import { readDeviceState } from "../rules/read-state.js";
import { parseDsregcmd } from "./dsregcmd.js";
import { DSREGCMD_FIELDS } from "./dsregcmd-fields.js";
import { dsregcmdToDeviceState, FACTS_DSREGCMD_CANNOT_GIVE } from "./to-state.js";

const read = (name: string) =>
  dsregcmdToDeviceState(
    parseDsregcmd(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")),
  );

describe("dsregcmdToDeviceState", () => {
  it.each([
    ["entra-joined.txt", { joined: "entra", workAccount: false }],
    // Issue 13 item 4: the device's hybrid join is not the user's work account (WorkplaceJoined NO).
    ["hybrid-joined.txt", { joined: "hybrid", workAccount: false }],
    ["domain-joined-precheck.txt", { joined: "ad", workAccount: false }],
    ["drs-joined.txt", { joined: "ad", workAccount: false }],
    ["registered.txt", { joined: "none", workAccount: true }],
    ["none.txt", { joined: "none", workAccount: false }],
    // A domain PC whose user added a work account: WorkplaceJoined YES.
    ["console-wrapped.txt", { joined: "ad", workAccount: true }],
  ])("%s gives %o", (file, expected) => {
    expect(read(file).state).toMatchObject(expected);
  });

  it.each([
    "entra-joined.txt",
    "hybrid-joined.txt",
    "domain-joined-precheck.txt",
    "drs-joined.txt",
    "registered.txt",
    "none.txt",
    "entra-joined-system.txt",
    "ticket-paste.md",
    "line-numbered.txt",
    "console-wrapped.txt",
  ])("%s never sets a fact dsregcmd cannot give", (file) => {
    const { state, provenance } = read(file);
    for (const fact of FACTS_DSREGCMD_CANNOT_GIVE) {
      expect(state[fact]).toBeUndefined();
      expect(provenance[fact]).toBeUndefined();
    }
    // The result is a valid state the rules read.
    expect(readDeviceState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(evaluateEnrollment(state).methods.length).toBe(4);
  });

  it("a tenant MDM URL is auto-enrollment, not an existing enrollment", () => {
    const { state, provenance } = read("entra-joined.txt");
    expect(state.tenant).toEqual({ autoEnrollment: true, userFound: true });
    expect(state.managedBy).toBeUndefined();
    expect(provenance.tenant?.detail).toMatch(/Tenant Details, line \d+: MdmUrl : https:/);
  });

  it("an empty MdmUrl leaves auto-enrollment unknown", () => {
    expect(read("entra-joined-system.txt").state.tenant).toBeUndefined();
  });

  it("without User State, a work account stays unknown", () => {
    const { state } = read("entra-joined-system.txt");
    expect(state.joined).toBe("entra");
    expect(state.workAccount).toBeUndefined();
  });

  it("each fact says the section and line it came from", () => {
    const { provenance } = read("none.txt");
    expect(provenance.joined).toMatchObject({ kind: "dsregcmd" });
    expect(provenance.joined?.detail).toMatch(/^Device State, line 5: AzureAdJoined : NO;/);
    expect(provenance.workAccount?.detail).toMatch(/User State, line \d+: WorkplaceJoined : NO/);
  });
});

describe("the dsregcmd fields that feed device facts", () => {
  it("feed only facts dsregcmd can give, and every one of them", () => {
    const facts = DSREGCMD_FIELDS.flatMap((f) => f.feeds);
    for (const fact of FACTS_DSREGCMD_CANNOT_GIVE) expect(facts).not.toContain(fact);
    expect(new Set(facts)).toEqual(
      new Set(["joined", "workAccount", "tenant.autoEnrollment", "tenant.userFound"]),
    );
  });
});
