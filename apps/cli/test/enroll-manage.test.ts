// Issue 16: `enroll --manage` goes on, after the certificate step, to Windows' first OMA-DM session at
// the document's ADDR, presenting the certificate the enrollment server has just issued. The two
// loopback servers share one PKI here: the management endpoint trusts the enrollment server's device
// CA and serves TLS for `mdm.<scenario>.example` with a certificate `--ca` already trusts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./support/cli.js";
import { ENROLL_STEPS, enrollJson, serverArgs } from "./support/enroll-run.js";
import { type EnrollmentServer, startEnrollmentServer } from "./support/enrollment-server.js";
import {
  type ManagementServer,
  SERVER_COMMANDS,
  startManagementServer,
} from "./support/management-server.js";

let enrollment: EnrollmentServer;
let management: ManagementServer;

beforeAll(async () => {
  enrollment = await startEnrollmentServer();
  management = await startManagementServer({
    tls: enrollment.tls,
    clientCaPem: enrollment.deviceCaPem,
  });
}, 60_000);

afterAll(async () => {
  await Promise.all([enrollment?.close(), management?.close()]);
});

/** Sends the management host of a scenario to the management endpoint. */
const toManagement = (scenario: string, port = management.port) => [
  "--connect-to",
  `mdm.${scenario}.example:443:127.0.0.1:${port}`,
];

describe("enroll --manage", () => {
  it("enrolls, then runs the first management session with the issued certificate", async () => {
    const { code, json } = await enrollJson(enrollment, "onpremise", [
      ...toManagement("onpremise"),
      "--manage",
    ]);
    expect(json.steps.map((s) => s.id)).toEqual([...ENROLL_STEPS, "management"]);
    expect(json.steps.filter((s) => s.verdict === "fail")).toEqual([]);
    expect(code).toBe(0);
    expect(json.management?.rounds).toBe(2);
    expect(json.management?.commands).toHaveLength(SERVER_COMMANDS.length);
  });

  it("fails the management step when the endpoint refuses the issued certificate", async () => {
    const { code, json } = await enrollJson(enrollment, "onpremise", [
      ...toManagement("onpremise", management.refusingPort),
      "--manage",
    ]);
    const last = json.steps.at(-1);
    expect(last?.id).toBe("management");
    expect(last?.verdict).toBe("fail");
    expect(last?.diagnostics.map((d) => d.code)).toContain("client-certificate-refused");
    expect(code).toBe(1);
  });

  it("skips the management step when enrollment failed", async () => {
    const { code, json } = await enrollJson(enrollment, "noroot", [
      ...toManagement("noroot"),
      "--manage",
    ]);
    expect(json.steps.find((s) => s.id === "certificate")?.verdict).toBe("fail");
    expect(json.steps.at(-1)).toMatchObject({ id: "management", verdict: "skipped" });
    expect(code).toBe(1);
  });

  it("refuses a broken --device-tree before anything is sent (exit 2)", async () => {
    const sent = enrollment.requests.length;
    const { code, stderr } = await run(
      [
        "enroll",
        "someone@onpremise.example",
        ...serverArgs(enrollment, "onpremise"),
        "--manage",
        "--device-tree",
        "{not json",
        "--json",
      ],
      { stdin: "" },
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/--device-tree is not JSON/);
    expect(enrollment.requests.length).toBe(sent);
  });

  it("has no management step without --manage", async () => {
    const { json } = await enrollJson(enrollment, "onpremise", toManagement("onpremise"));
    expect(json.steps.map((s) => s.id)).toEqual([...ENROLL_STEPS]);
  });
});
