import { describe, expect, it } from "vitest";
import { SOURCES } from "../sources/sources.js";
import { WINDOWS_RELEASES } from "../windows/releases.js";
import { decisionDiagram, describeCondition } from "./diagram.js";
import { evaluateEnrollment, factsRead, type MethodResult } from "./evaluate.js";
import { ENROLLMENT_METHODS, METHOD_IDS, type MethodId } from "./methods.js";
import { DeviceStateError, readDeviceState } from "./read-state.js";
import { manageConnections, recommendMethod } from "./recommend.js";
import { ENROLLMENT_RULES, type EnrollmentRule } from "./rules.js";
import type { DeviceState } from "./state.js";

/** A clean Pro desktop on a current release, an administrator, nothing connected. */
const CLEAN: DeviceState = {
  edition: "pro",
  release: "Windows 11 24H2",
  formFactor: "desktop",
  account: "admin",
  joined: "none",
  workAccount: false,
  managedBy: "none",
  mdmEnrollmentDisabledByPolicy: false,
  tenant: { userFound: true, autoEnrollment: true, signIn: "managed" },
  discoveryFindsEndpoint: true,
  browser: "edge",
};

function method(state: DeviceState, id: MethodId): MethodResult {
  const m = evaluateEnrollment(state).methods.find((x) => x.method === id);
  if (!m) throw new Error(id);
  return m;
}

/** The state that triggers each rule, added to CLEAN. */
const TRIGGERS: Record<string, DeviceState> = {
  "ad-already-domain-joined": { joined: "ad" },
  "ad-entra-joined": { joined: "entra" },
  "ad-standard-user": { account: "standard" },
  "ad-home-edition": { edition: "home" },
  "ad-mobile": { formFactor: "mobile" },
  "entra-already-joined": { joined: "entra" },
  "entra-domain-joined": { joined: "ad" },
  "entra-work-account-present": { workAccount: true },
  "entra-standard-user": { account: "standard", startsFrom: "settings" },
  "entra-mdm-managed": { managedBy: "mdm" },
  "entra-home-edition": { edition: "home" },
  "byod-already-connected": { workAccount: true },
  "byod-domain-joined": { joined: "ad" },
  "mdm-domain-joined": { joined: "ad" },
  "byod-user-not-found": { tenant: { userFound: false } },
  "byod-already-managed": { managedBy: "configmgr" },
  "byod-standard-user": { account: "standard" },
  "byod-no-discovery": { discoveryFindsEndpoint: false },
  "builtin-admin": { account: "builtin-admin" },
  "mdm-disabled-by-policy": { mdmEnrollmentDisabledByPolicy: true },
  "mdm-home-edition": { edition: "home" },
  "entra-mobile-settings": { formFactor: "mobile", startsFrom: "settings" },
  "deep-link-before-1607": { release: "1511", startsFrom: "deep-link" },
  "deep-link-awa-aadj-before-1709": { release: "1703", startsFrom: "deep-link" },
  "deep-link-parameters-before-1703": { release: "1607", startsFrom: "deep-link" },
  "deep-link-browser": { browser: "other", startsFrom: "deep-link" },
  "settings-link-before-14393-82": { release: "14393.10", startsFrom: "settings" },
  "ad-join-not-in-oobe": { startsFrom: "oobe" },
};

describe("evaluateEnrollment", () => {
  it("gives a clean Pro desktop all four methods", () => {
    const result = evaluateEnrollment(CLEAN);
    expect(result.methods.map((m) => [m.method, m.verdict])).toEqual(
      METHOD_IDS.map((id) => [id, "available"]),
    );
  });

  it("answers depends, naming the fact, when a deciding fact is unknown", () => {
    const { account: _, ...withoutAccount } = CLEAN;
    const mdm = method(withoutAccount, "mdm-only");
    expect(mdm.verdict).toBe("depends");
    const on = mdm.dependsOn.filter((d) => d.fact === "account");
    expect(on.map((d) => d.rule)).toEqual(["byod-standard-user", "builtin-admin"]);
    expect(on[0]?.decidingValues).toEqual(["standard"]);
  });

  it("has a trigger for every rule", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(ENROLLMENT_RULES.map((r) => r.id).sort());
  });

  for (const rule of ENROLLMENT_RULES) {
    it(`${rule.id}: fires on its trigger and not without it`, () => {
      const trigger = TRIGGERS[rule.id] as DeviceState;
      const triggered = { ...CLEAN, ...trigger, tenant: { ...CLEAN.tenant, ...trigger.tenant } };
      const untriggered = trigger.startsFrom ? { ...CLEAN, startsFrom: trigger.startsFrom } : CLEAN;
      for (const id of rule.methods) {
        const m = method(triggered, id);
        const list = rule.effect === "block" ? m.blockedBy : m.caveats;
        const found = list.find((h) => h.rule === rule.id);
        expect(found, `${id}`).toBeDefined();
        if (rule.effect === "block") expect(m.verdict).toBe("blocked");
        expect(found?.message).toBe(rule.message);
        expect(found?.situation).toBe(rule.situation);
        // A way refused outright has no state in which it is silent on that way.
        if ("always" in rule.when) continue;
        const clean = method(untriggered, id);
        expect([...clean.blockedBy, ...clean.caveats].map((h) => h.rule)).not.toContain(rule.id);
        expect(clean.verdict).toBe("available");
      }
    });
  }

  it("quotes Windows' own messages", () => {
    expect(method({ account: "standard" }, "mdm-only").blockedBy[0]?.message).toBe(
      "You don’t have the right privileges to perform this operation. Please talk to your admin.",
    );
  });

  it("judges ways in separately when the start is unknown", () => {
    const m = method({ ...CLEAN, release: "14393.10" }, "mdm-only");
    expect(m.verdict).toBe("available");
    expect(m.ways.find((w) => w.from === "deep-link")?.verdict).toBe("available");
    expect(m.ways.find((w) => w.from === "settings")?.blockedBy.map((h) => h.rule)).toEqual([
      "settings-link-before-14393-82",
    ]);
  });

  it("refuses Active Directory join from setup, sending the person to Settings (issue 13, item 1)", () => {
    const ad = method({ ...CLEAN, startsFrom: "oobe" }, "ad-join");
    expect(ad.verdict).toBe("blocked");
    expect(ad.blockedBy.map((h) => h.rule)).toEqual(["ad-join-not-in-oobe"]);
    expect(ad.blockedBy[0]?.remedy).toMatch(/local account.*Settings/);
    const ways = method(CLEAN, "ad-join").ways;
    expect(ways.find((w) => w.from === "oobe")?.verdict).toBe("blocked");
    expect(ways.find((w) => w.from === "settings")?.verdict).toBe("available");
  });

  it("lets 1511 enroll from its own Settings entry; the 14393.82 gate is for 1607 (issue 13, item 3)", () => {
    expect(method({ ...CLEAN, release: "1511", startsFrom: "settings" }, "mdm-only").verdict).toBe(
      "available",
    );
    expect(
      method({ ...CLEAN, release: "14393.81", startsFrom: "settings" }, "mdm-only").verdict,
    ).toBe("blocked");
  });

  it("never leaves MDM enrollment with no way in on a known release", () => {
    for (const release of [...WINDOWS_RELEASES.map((r) => String(r.build)), "14393.10"]) {
      const ways = method({ ...CLEAN, release }, "mdm-only").ways;
      expect(
        ways.some((w) => w.verdict !== "blocked"),
        release,
      ).toBe(true);
    }
  });

  it("never sends a remedy to a way that is itself blocked where the rule fires", () => {
    const releases = [...WINDOWS_RELEASES.map((r) => String(r.build)), "14393.10", "14393.81"];
    for (const rule of ENROLLMENT_RULES.filter((r) => r.alternative)) {
      const trigger = TRIGGERS[rule.id] as DeviceState;
      for (const release of releases) {
        const state = {
          ...CLEAN,
          ...trigger,
          release,
          tenant: { ...CLEAN.tenant, ...trigger.tenant },
        };
        for (const id of rule.methods) {
          const m = method(state, id);
          const fired = m.ways.some((w) => w.blockedBy.some((h) => h.rule === rule.id));
          if (!fired) continue;
          const alternative = m.ways.find((w) => w.from === rule.alternative);
          expect(alternative, `${rule.id} ${id} ${release}`).toBeDefined();
          expect(alternative?.verdict, `${rule.id} ${id} ${release}`).not.toBe("blocked");
        }
      }
    }
  });

  it("keeps situations apart from the text Windows shows (issue 13, item 2)", () => {
    const seedTables = ENROLLMENT_RULES.filter((r) =>
      /Help with connecting to an? (Active Directory|Azure AD) domain/.test(r.source.section ?? ""),
    );
    expect(seedTables.length).toBe(10);
    for (const rule of seedTables) {
      expect(rule.message, rule.id).toBeUndefined();
      expect(rule.situation, rule.id).toMatch(/\S/);
    }
    const standard = method({ ...CLEAN, account: "standard" }, "ad-join").blockedBy[0];
    expect(standard?.message).toBeUndefined();
    expect(standard?.situation).toBe("You are logged in as a standard user.");
  });

  it("uses the servicing revision for the Settings link", () => {
    expect(
      method({ ...CLEAN, release: "14393.82", startsFrom: "settings" }, "mdm-only").verdict,
    ).toBe("available");
    expect(
      method({ ...CLEAN, release: "14393.81", startsFrom: "settings" }, "mdm-only").verdict,
    ).toBe("blocked");
  });

  it("blocks a method that cannot start where the person starts", () => {
    expect(method({ ...CLEAN, startsFrom: "oobe" }, "mdm-only").blockedBy[0]?.rule).toBe(
      "no-way-from-start",
    );
  });

  it("says what Entra join leads to, by tenant auto-enrollment", () => {
    expect(method(CLEAN, "entra-join").leadsTo).toMatch(/also enrolled in MDM/);
    expect(method({ ...CLEAN, tenant: { autoEnrollment: false } }, "entra-join").leadsTo).toMatch(
      /second pass/,
    );
  });

  it("says what adding a work account leads to, by tenant auto-enrollment", () => {
    expect(method(CLEAN, "work-account").leadsTo).toMatch(/also enrolled in MDM/);
    expect(method({ ...CLEAN, tenant: { autoEnrollment: false } }, "work-account").leadsTo).toMatch(
      /second pass/,
    );
  });

  it("offers each method's ways in, as the seed lists them", () => {
    expect(ENROLLMENT_METHODS.map((m) => [m.id, m.ways.map((w) => w.from)])).toEqual([
      ["ad-join", ["oobe", "settings"]],
      ["entra-join", ["oobe", "settings", "deep-link"]],
      ["work-account", ["settings", "app", "deep-link"]],
      ["mdm-only", ["settings", "deep-link"]],
    ]);
  });

  it("rejects an unreadable release", () => {
    expect(() => evaluateEnrollment({ release: "soon" })).toThrow(/accepted|use a version name/);
  });

  it("cites only known documents", () => {
    for (const rule of ENROLLMENT_RULES) {
      for (const c of [
        rule.source,
        ...(rule.alsoSources ?? []),
        ...(rule.conflicts ?? []).map((x) => x.source),
      ]) {
        expect(Object.keys(SOURCES)).toContain(c.doc);
      }
    }
  });

  it("lists the facts the rules read", () => {
    expect(factsRead().get("tenant.userFound")).toEqual(["byod-user-not-found"]);
  });
});

describe("recommendMethod", () => {
  it("prefers Entra join for a corporate device", () => {
    const r = recommendMethod(CLEAN, { ownership: "corporate", want: "both" });
    expect(r.method).toBe("entra-join");
    expect(r.why).toMatch(/auto-enrollment/);
  });
  it("falls back when the preferred method is blocked", () => {
    const r = recommendMethod(
      { ...CLEAN, edition: "home" },
      { ownership: "corporate", want: "management" },
    );
    expect(r.method).toBe("mdm-only");
    expect(r.why).toMatch(/entra-join is blocked/);
  });
  it("names no method when all are blocked", () => {
    const r = recommendMethod(
      { ...CLEAN, workAccount: true },
      { ownership: "personal", want: "identity" },
    );
    expect(r.method).toBeUndefined();
  });
});

describe("manageConnections", () => {
  it("refuses Disconnect when AllowManualMDMUnenrollment is 0", () => {
    expect(
      manageConnections({ managedBy: "mdm", allowManualMdmUnenrollment: false }).disconnect.allowed,
    ).toBe(false);
  });
  it("ignores the policy on Entra-joined auto-enrolled devices", () => {
    const c = manageConnections({
      managedBy: "mdm",
      allowManualMdmUnenrollment: false,
      joined: "entra",
      tenant: { autoEnrollment: true },
    });
    expect(c.disconnect.allowed).toBe(true);
  });
  it("keeps phones in Entra ID", () => {
    expect(manageConnections({ formFactor: "mobile", joined: "entra" }).disconnect.allowed).toBe(
      false,
    );
  });
  it("shows Info only for MDM connections", () => {
    expect(manageConnections({ managedBy: "mdm" }).infoShown).toBe(true);
    expect(manageConnections({ managedBy: "none" }).infoShown).toBe(false);
    expect(manageConnections({}).infoShown).toBeUndefined();
  });
});

describe("readDeviceState", () => {
  it("accepts a valid state and drops nulls", () => {
    expect(
      readDeviceState({ edition: "pro", account: null, tenant: { autoEnrollment: true } }),
    ).toEqual({ edition: "pro", tenant: { autoEnrollment: true } });
  });
  it("reports every problem with what is accepted", () => {
    expect(() =>
      readDeviceState({ edition: "ultimate", workAccount: "yes", release: "soon", colour: 1 }),
    ).toThrow(DeviceStateError);
    try {
      readDeviceState({ edition: "ultimate", workAccount: "yes" });
    } catch (error) {
      expect((error as DeviceStateError).problems).toEqual([
        'edition: "ultimate" is not accepted; use home, pro, pro-education, enterprise, education, se, iot-enterprise, mobile.',
        "workAccount: use true or false.",
      ]);
    }
  });
});

describe("decisionDiagram", () => {
  it("has a decision for every rule that blocks a method outright", () => {
    const text = decisionDiagram();
    expect(text.startsWith("flowchart TD")).toBe(true);
    expect(text).toContain('"account is standard?"');
    expect(text).toContain("Blocked: You don’t have the right privileges");
    expect(text).not.toContain("below 14393.82");
  });
  it("changes when a rule changes", () => {
    const extra = {
      ...ENROLLMENT_RULES[0],
      id: "x",
      when: { fact: "browser", in: ["other"] },
      methods: ["ad-join"],
    } as EnrollmentRule;
    expect(decisionDiagram([...ENROLLMENT_RULES, extra])).toContain('"browser is other?"');
    expect(
      describeCondition({
        any: [
          { fact: "workAccount", in: [true] },
          { fact: "joined", in: ["entra"] },
        ],
      }),
    ).toBe("work account added by this user is yes or joined to is entra");
  });
});

describe("form factor from the edition", () => {
  it("treats a known desktop edition as a desktop", () => {
    expect(method({ edition: "pro" }, "ad-join").dependsOn.map((d) => d.fact)).not.toContain(
      "formFactor",
    );
    expect(method({ edition: "mobile" }, "ad-join").blockedBy.map((h) => h.rule)).toContain(
      "ad-mobile",
    );
  });
});

// Issue 13 item 4: the device's registration (hybrid join) and the user's added work account
// (WorkplaceJoined) are different facts, and the sources disagree about domain PCs.
describe("hybrid join is not a work account", () => {
  const hybrid: DeviceState = { ...CLEAN, joined: "hybrid", workAccount: false };
  const rules = (m: MethodResult) => [...m.blockedBy, ...m.caveats].map((h) => h.rule);

  it("a hybrid joined device is in a domain for the join rules", () => {
    expect(method(hybrid, "ad-join").blockedBy.map((h) => h.rule)).toEqual([
      "ad-already-domain-joined",
    ]);
    expect(method(hybrid, "entra-join").blockedBy.map((h) => h.rule)).toEqual([
      "entra-domain-joined",
    ]);
  });

  it("a hybrid join alone is not an added work account", () => {
    for (const id of ["entra-join", "work-account", "mdm-only"] as const) {
      expect(rules(method(hybrid, id))).not.toContain("byod-already-connected");
      expect(rules(method(hybrid, id))).not.toContain("entra-work-account-present");
    }
  });

  it("the user's work account blocks whatever the device is joined to", () => {
    for (const joined of ["none", "ad", "hybrid"] as const)
      expect(
        method({ ...CLEAN, joined, workAccount: true }, "work-account").blockedBy.map(
          (h) => h.rule,
        ),
      ).toContain("byod-already-connected");
  });

  it("keeps both readings where the seed and later sources disagree about domain PCs", () => {
    for (const [id, rule] of [
      ["work-account", "byod-domain-joined"],
      ["mdm-only", "mdm-domain-joined"],
    ] as const) {
      const m = method(hybrid, id);
      expect(m.verdict).toBe("available");
      const caveat = m.caveats.find((c) => c.rule === rule);
      expect(caveat?.source).toMatchObject({ doc: "mdm-enrollment-2017" });
      expect(caveat?.conflicts?.length).toBeGreaterThan(0);
    }
  });
});
