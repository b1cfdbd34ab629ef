// In-process benchmarks over built core (packages/core/dist): building and inspecting a link against
// their floors, evaluating a device state and explaining an error. Prints one JSON object on stdout.
//   node bench/micro.mjs
import { fileURLToPath } from "node:url";
import { compare, timeOne } from "./lib.mjs";

const core = await import(
  fileURLToPath(new URL("../packages/core/dist/index.js", import.meta.url))
);
const { buildEnrollmentLink, inspectEnrollmentLink, evaluateEnrollment, explainError } = core;

/** All seven parameters, with values of the shape real deployments use. */
export const PARAMS = {
  mode: "mdm",
  username: "someone@contoso.com",
  servername: "https://mdm.contoso.com/EnrollmentServer/Discovery.svc",
  accesstoken: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzb21lb25lQGNvbnRvc28uY29tIn0.c2lnbmF0dXJl",
  deviceidentifier: "6f1c2a4e-9b3d-4c8a-a1e2-0f5d7b3c9e11",
  tenantidentifier: "0b3f6a1d-2c4e-4f8a-9d7b-5e1c3a2f8b64",
  ownership: "1",
};
const p = PARAMS;
const floorBuild = () =>
  `ms-device-enrollment:?mode=${encodeURIComponent(p.mode)}&username=${encodeURIComponent(p.username)}&servername=${encodeURIComponent(p.servername)}&accesstoken=${encodeURIComponent(p.accesstoken)}&deviceidentifier=${encodeURIComponent(p.deviceidentifier)}&tenantidentifier=${encodeURIComponent(p.tenantidentifier)}&ownership=${encodeURIComponent(p.ownership)}`;

const link = buildEnrollmentLink(PARAMS);
if (!inspectEnrollmentLink(link).ok) throw new Error("the benchmark link does not inspect clean");
const floorInspect = () => {
  let n = 0;
  for (const [k, v] of new URL(link).searchParams) n += k.length + v.length;
  return n;
};

/** A full state: every fact the rules read, set. */
const FULL = {
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

const result = {
  build: compare(() => buildEnrollmentLink(PARAMS), floorBuild),
  inspect: compare(() => inspectEnrollmentLink(link), floorInspect),
  evaluateFull: timeOne(() => evaluateEnrollment(FULL)),
  evaluateEmpty: timeOne(() => evaluateEnrollment({})),
  explainHex: timeOne(() => explainError("0x8018002b")),
  explainMessage: timeOne(() => explainError("We couldn't auto-discover a management endpoint")),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
