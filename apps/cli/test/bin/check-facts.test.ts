import { DEVICE_FACTS, factsRead, getFact } from "@winenroll/core";
import { describe, expect, it } from "vitest";
import { run, spawnCli } from "../support/cli.js";

/** The flags of issue 14's acceptance: every fact known, nothing in the way of MDM-only. */
const EVERY_FACT = [
  ["--edition", "pro"],
  ["--release", "22H2"],
  ["--form-factor", "desktop"],
  ["--account", "admin"],
  ["--joined", "none"],
  ["--no-work-account"],
  ["--managed", "none"],
  ["--no-mdm-enrollment-disabled"],
  ["--allow-manual-unenrollment"],
  ["--user-found"],
  ["--auto-enrollment"],
  ["--sign-in", "managed"],
  ["--discovery-finds-endpoint"],
  ["--browser", "edge"],
  ["--from", "settings"],
].flat();

/** A value each fact accepts, and the command-line words that set it. */
function flagFor(fact: (typeof DEVICE_FACTS)[number]): { words: string[]; value: unknown } {
  const name = fact.flag.split(" ")[0]!;
  if (fact.kind === "boolean") return { words: [name], value: true };
  const value = fact.kind === "choice" ? fact.values[fact.values.length - 1]! : "1709";
  return { words: [name, value], value };
}

describe("check: every device fact from flags", () => {
  it("says mdm-only is available, exit 0, with flags alone and every fact known", async () => {
    const r = await run(["check", ...EVERY_FACT, "--method", "mdm-only", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.methods[0].verdict).toBe("available");
    for (const fact of DEVICE_FACTS)
      expect(getFact(out.state, fact.path), fact.path).not.toBeUndefined();
  });

  it("the built binary gives the same answer", () => {
    const r = spawnCli(["check", ...EVERY_FACT, "--method", "mdm-only"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Enroll only in device management (mdm-only): available");
  });

  // Walks core's table: a fact without its flag fails here.
  for (const fact of DEVICE_FACTS) {
    it(`${fact.label}: ${fact.flag} sets ${fact.path}`, async () => {
      const { words, value } = flagFor(fact);
      const r = await run(["check", ...words, "--json"]);
      expect(r.stderr).toBe("");
      expect(getFact(JSON.parse(r.stdout).state, fact.path)).toBe(value);
      if (fact.kind === "boolean") {
        const no = await run(["check", `--no-${words[0]!.slice(2)}`, "--json"]);
        expect(getFact(JSON.parse(no.stdout).state, fact.path)).toBe(false);
      }
    });
  }

  it("has a flag for every fact the rules read", async () => {
    const help = (await run(["check", "--help"])).stdout;
    for (const path of factsRead().keys()) {
      const fact = DEVICE_FACTS.find((f) => f.path === path);
      expect(fact, path).toBeDefined();
      expect(help).toContain(fact!.flag.split(" ")[0]);
    }
  });

  it("keeps --mobile and --build as aliases", async () => {
    const mobile = JSON.parse((await run(["check", "--mobile", "--json"])).stdout);
    expect(mobile.state).toEqual({ formFactor: "mobile" });
    const build = JSON.parse((await run(["check", "--build", "14393.82", "--json"])).stdout);
    expect(build.state).toEqual({ release: "14393.82" });
  });

  it("names facts by their label and flag, never by path, in text output", async () => {
    const r = await run(["check", "--edition", "pro", "--method", "mdm-only"]);
    expect(r.stdout).toContain("Depends on Managed by (--managed): mdm or configmgr blocks it");
    expect(r.stdout).not.toMatch(
      /\b(tenant\.\w+|formFactor|workAccount|managedBy|discoveryFindsEndpoint)\b/,
    );
  });
});
