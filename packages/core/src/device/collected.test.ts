import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DeviceStateError } from "../rules/read-state.js";
import { COLLECTED_STATE_FORMAT, readCollectedState, WINDOWS_EDITION_IDS } from "./collected.js";

const dsregcmd = readFileSync(new URL("./fixtures/registered.txt", import.meta.url), "utf8");

describe("readCollectedState", () => {
  it("passes a plain device state through", () => {
    expect(readCollectedState({ edition: "pro" })).toEqual({
      state: { edition: "pro" },
      provenance: {},
    });
  });

  it("reads the script's document and parses its dsregcmd text; the script's facts win", () => {
    const result = readCollectedState({
      format: COLLECTED_STATE_FORMAT,
      state: { edition: "pro", workAccount: false },
      provenance: {
        edition: { kind: "registry", detail: "EditionID = Professional" },
        workAccount: { kind: "other", detail: "typed by the admin" },
      },
      dsregcmd,
      readings: { EditionID: "Professional" },
    });
    expect(result.state).toEqual({
      edition: "pro",
      joined: "none",
      workAccount: false,
      tenant: { autoEnrollment: true },
    });
    expect(result.provenance.joined?.kind).toBe("dsregcmd");
    expect(result.provenance.workAccount).toEqual({ kind: "other", detail: "typed by the admin" });
    expect(result.dsregcmd?.join.type).toBe("registered");
  });

  it("reports every problem together", () => {
    let error: unknown;
    try {
      readCollectedState({
        format: "something/2",
        state: { edition: "ultimate" },
        provenance: { edition: { kind: "guess" } },
        dsregcmd: 42,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeviceStateError);
    const problems = (error as DeviceStateError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^format:/);
    expect(problems[1]).toMatch(/^state\.edition:/);
  });

  it("maps EditionIDs to known editions only", () => {
    const ids = WINDOWS_EDITION_IDS.map((e) => e.editionId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(WINDOWS_EDITION_IDS.find((e) => e.editionId === "ProfessionalEducation")?.edition).toBe(
      "pro-education",
    );
  });
});
