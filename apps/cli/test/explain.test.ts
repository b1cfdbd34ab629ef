import { ERROR_CATALOG, formatHResult } from "@winenroll/core";
import { describe, expect, it } from "vitest";
import { run } from "./support/cli.js";

describe("explain", () => {
  it("explains a code in hex with meaning, causes, actions and sources", async () => {
    const result = await run(["explain", "0x80180014"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("MENROLL_E_DEVICENOTSUPPORTED");
    expect(result.stdout).toContain(
      'Windows shows: "Your organization does not support this version of Windows."',
    );
    expect(result.stdout).toContain("What to do");
    expect(result.stdout).toContain("facility 24 (DEVICE_ENROLLER_FACILITY_CODE)");
    expect(result.stderr).toBe("");
  });

  it("finds every code behind an on-screen message, with the code typed in place of {0} first (issue 13, item 6)", async () => {
    const message =
      "There was a problem authenticating your account or device. You can try to do this again or contact your system administrator with the error code 0x801c0002.";
    const json = JSON.parse((await run(["explain", message, "--json"])).stdout);
    const codes = json.matches.map((m: { entry: { hresult: number } }) => m.entry.hresult);
    expect(codes[0]).toBe(0x801c0002);
    expect(codes).toEqual(expect.arrayContaining([0x80180002, 0x80180007, 0x801c0014]));
    const human = await run(["explain", "this feature isnt supported"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(
      'Windows shows (string idErrorMDMNotSupported): "This feature isn\'t supported. Contact your system administrator with the error code {0}."',
    );
    expect(human.stdout).toContain("0x80180014");
    expect(human.stdout).toContain("0x80180015");
  });

  it("says a rule's situation is not text on screen (issue 13, item 2)", async () => {
    const result = await run(["explain", "You are logged in as a standard user."]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Situation the source describes (not text on screen)");
    expect(result.stdout).not.toContain("Windows shows");
  });

  it("reads a negative decimal as an argument, not an option", async () => {
    const result = await run(["explain", "-2145910764", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).matches[0].entry.id).toBe("menroll-e-devicenotsupported");
  });

  it("returns both sides of a conflict, saying so", async () => {
    const result = await run(["explain", "MENROLL_E_MDM_NOT_CONFIGURED"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 explanations match");
    expect(result.stdout).toContain("0x8018002B");
    expect(result.stdout).toContain("0x80180031");
    expect(result.stdout).toContain("Sources disagree:");
  });

  it("explains the message Windows shows, typed loosely and unquoted", async () => {
    const result = await run([
      "explain",
      "we",
      "couldn’t",
      "auto-discover",
      "a",
      "management",
      "endpoint",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.kind).toBe("text");
    expect(json.matches.map((m: { entry: { id: string } }) => m.entry.id)).toEqual([
      "discovery-endpoint-not-found",
    ]);
  });

  it("decodes facility 25 HTTP statuses and WinHTTP errors", async () => {
    const http = await run(["explain", "0x80190190"]);
    expect(http.code).toBe(0);
    expect(http.stdout).toContain("HTTP status 400 Bad Request");
    const winhttp = await run(["explain", "0x80192ee2"]);
    expect(winhttp.stdout).toContain("WinHTTP error 12002 ERROR_WINHTTP_TIMEOUT");
  });

  it("exits 1 for an unknown code, with the closest known ones on stderr", async () => {
    const result = await run(["explain", "0x80180099"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("no match");
    expect(result.stderr).toContain("0x80180033 MENROLL_E_SERVER429");
  });

  it("exits 1 for an unknown name, suggesting the spelling", async () => {
    const result = await run(["explain", "MENROLL_E_DEVICECAPREACH"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("MENROLL_E_DEVICECAPREACHED");
  });

  it("prints one JSON object with --json, also when nothing matches", async () => {
    const result = await run(["explain", "nothing like this at all", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ found: false, matches: [] });
  });

  it("exits 2 for empty input", async () => {
    const result = await run(["explain", " "]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nothing to explain");
  });

  it("reads standard input with -", async () => {
    const result = await run(["explain", "-", "--json"], { stdin: "DeviceCapReached\n" });
    expect(JSON.parse(result.stdout).matches[0].entry.id).toBe("menroll-e-devicecapreached");
  });

  it("finds every coded catalog entry through the CLI by hex, decimal and name", async () => {
    for (const entry of ERROR_CATALOG) {
      if (entry.hresult === undefined) continue;
      for (const input of [
        formatHResult(entry.hresult),
        String(entry.hresult | 0),
        ...entry.names,
      ]) {
        const result = await run(["explain", input, "--json"]);
        const ids = JSON.parse(result.stdout).matches.map(
          (m: { entry: { id: string } }) => m.entry.id,
        );
        expect(ids, input).toContain(entry.id);
      }
    }
  });
});
