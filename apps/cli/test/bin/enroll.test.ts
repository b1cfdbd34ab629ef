import { createHash, createPrivateKey, createPublicKey, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, spawnCliAsync } from "../support/cli.js";
import { ENROLL_STEPS, enrollJson, failedStep, serverArgs } from "../support/enroll-run.js";
import {
  type EnrollmentServer,
  PASSWORD,
  startEnrollmentServer,
  TOKEN,
} from "../support/enrollment-server.js";

/**
 * Issue 15 end to end: `winenroll enroll` against the reference enrollment server on loopback,
 * one scenario per domain, with --connect-to and --ca.
 */

let server: EnrollmentServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "winenroll-enroll-"));
  server = await startEnrollmentServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function requestsOf(scenario: string) {
  return server.requests.filter((r) => r.scenario === scenario);
}

/** The PEM blocks of a file, each as a certificate. */
function certificatesIn(path: string): X509Certificate[] {
  const text = readFileSync(path, "utf8");
  return (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map(
    (pem) => new X509Certificate(pem),
  );
}

/** Checks what --out wrote: the certificate is for the key, and a root the document installs signed it. */
function checkOut(out: string, thumbprint: string | undefined): X509Certificate {
  const certificate = certificatesIn(join(out, "device-certificate.pem"))[0]!;
  const roots = certificatesIn(join(out, "roots.pem"));
  expect(roots.length).toBeGreaterThan(0);
  expect(roots.some((root) => certificate.verify(root.publicKey))).toBe(true);
  expect(roots.map((r) => r.fingerprint256)).toContain(
    new X509Certificate(server.deviceCaPem).fingerprint256,
  );
  const key = createPrivateKey(readFileSync(join(out, "device-key.pem"), "utf8"));
  expect(
    createPublicKey(key)
      .export({ type: "spki", format: "der" })
      .equals(certificate.publicKey.export({ type: "spki", format: "der" })),
  ).toBe(true);
  expect(statSync(join(out, "device-key.pem")).mode & 0o777).toBe(0o600);
  expect(createHash("sha1").update(certificate.raw).digest("hex").toUpperCase()).toBe(thumbprint);
  expect(readFileSync(join(out, "provisioning.xml"), "utf8")).toContain("<wap-provisioningdoc");
  return certificate;
}

describe("enroll: each auth policy enrolls", () => {
  it.each([
    ["onpremise", [], "password"],
    ["federated", ["--token", TOKEN], "token"],
    ["certificate-tls", [], "tls-client-certificate"],
    ["certificate-header", [], "signed-header"],
  ] as const)(
    "%s: every step passes and the certificate chains to the installed root",
    async (scenario, flags, auth) => {
      const out = join(dir, scenario);
      const certificateFlags = scenario.startsWith("certificate")
        ? ["--client-cert", server.clientCertFile, "--client-key", server.clientKeyFile]
        : [];
      const { code, json, stderr } = await enrollJson(server, scenario, [
        ...flags,
        ...certificateFlags,
        "--out",
        out,
      ]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(json.ok).toBe(true);
      expect(json.steps.map((s) => s.id)).toEqual(ENROLL_STEPS);
      expect(json.steps.every((s) => s.verdict === "pass" || s.verdict === "warn")).toBe(true);
      expect(json.errors).toEqual([]);
      expect(json.certificate?.thumbprint).toMatch(/^[0-9A-F]{40}$/);
      expect(json.certificate?.issuer).toContain("winenroll test MDM device CA");
      expect(json.managementUrl).toBe(`https://mdm.${scenario}.example/ManagementServer/MDM.svc`);
      checkOut(out, json.certificate?.thumbprint);
      // The server accepted the credential it asked for on both SOAP requests (a Certificate
      // server that only takes the signed header first refuses the TLS certificate).
      const accepted = requestsOf(scenario).filter((r) => r.auth !== undefined);
      expect(accepted.map((r) => [r.path, r.auth])).toEqual([
        ["/enrollmentserver/policy.svc", auth],
        ["/enrollmentserver/enrollment.svc", auth],
      ]);
    },
  );

  it("says which way of presenting the client certificate the server accepted", async () => {
    const flags = ["--client-cert", server.clientCertFile, "--client-key", server.clientKeyFile];
    const tls = await enrollJson(server, "certificate-tls", flags);
    const header = await enrollJson(server, "certificate-header", flags);
    expect(tls.json.steps.find((s) => s.id === "policies")?.summary).toContain(
      "TLS client certificate",
    );
    expect(header.json.steps.find((s) => s.id === "policies")?.summary).toContain(
      "signed WS-Security header",
    );
    // The header-only server was first offered the TLS certificate, and refused it.
    expect(
      requestsOf("certificate-header")
        .filter((r) => r.path === "/enrollmentserver/policy.svc")
        .map((r) => r.auth ?? "refused"),
    ).toContain("refused");
  });

  it("honours the policy's key length and hash (the server refuses anything less)", async () => {
    const out = join(dir, "policy3072");
    const { code, json } = await enrollJson(server, "policy3072", ["--out", out]);
    expect(code).toBe(0);
    const certificate = checkOut(out, json.certificate?.thumbprint);
    expect(certificate.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
  });

  it("enrolls with the certificates in two CertificateStore blocks, as the federated doc's sample has them", async () => {
    const { code, json } = await enrollJson(server, "splitstores");
    expect(json.steps.find((s) => s.id === "provisioning")?.diagnostics).toEqual([]);
    expect(json.steps.find((s) => s.id === "certificate")?.verdict).toBe("pass");
    expect(json.certificate?.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(code).toBe(0);
  });

  it("reads an answer compressed with gzip, which Windows says it accepts", async () => {
    const { code, json } = await enrollJson(server, "gzip");
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
  });

  it("takes the token from --token-file without its line break, and the user from --username", async () => {
    const file = join(dir, "token.txt");
    writeFileSync(file, `${TOKEN}\n`);
    const { code } = await run([
      "enroll",
      "federated.example",
      "--username",
      "someone@federated.example",
      "--token-file",
      file,
      ...serverArgs(server, "federated"),
      "--json",
    ]);
    expect(code).toBe(0);
    const discover = requestsOf("federated")
      .filter((r) => r.method === "POST")
      .at(-3)!;
    expect(discover.body).toContain("<EmailAddress>someone@federated.example</EmailAddress>");
  });

  it("follows the services to the host the DiscoverResponse named, and to no other", async () => {
    const { code } = await enrollJson(server, "otherhost");
    expect(code).toBe(0);
    expect(requestsOf("otherhost").map((r) => `${r.host}${r.path}`)).toEqual([
      "enterpriseenrollment.otherhost.example/enrollmentserver/discovery.svc",
      "enterpriseenrollment.otherhost.example/enrollmentserver/discovery.svc",
      "enroll.otherhost.example/enrollmentserver/policy.svc",
      "enroll.otherhost.example/enrollmentserver/enrollment.svc",
    ]);
  });
});

describe("enroll: the simulated device", () => {
  it("sends the device the options shape, and a device enrollment lands in My/System", async () => {
    const hw = "AB".repeat(32);
    const out = join(dir, "device");
    const { code } = await enrollJson(server, "onpremise", [
      "--device-name",
      "LAB-PC-01",
      "--hw-dev-id",
      hw.toLowerCase(),
      "--enrollment-type",
      "device",
      "--os-version",
      "10.0.26100.2314",
      "--request-version",
      "4.0",
      "--out",
      out,
    ]);
    expect(code).toBe(0);
    const rst = requestsOf("onpremise")
      .filter((r) => r.path === "/enrollmentserver/enrollment.svc")
      .at(-1)!.body;
    const item = (name: string) =>
      new RegExp(`Name="${name}"[^>]*>\\s*<ac:Value>([^<]*)</ac:Value>`).exec(rst)?.[1];
    expect(item("DeviceName")).toBe("LAB-PC-01");
    expect(item("HWDevID")).toBe(hw);
    expect(item("EnrollmentType")).toBe("Device");
    expect(item("OSVersion")).toBe("10.0.26100.2314");
    expect(item("RequestVersion")).toBe("4.0");
    const discover = requestsOf("onpremise")
      .filter((r) => r.method === "POST" && r.path === "/enrollmentserver/discovery.svc")
      .at(-1)!.body;
    expect(discover).toContain("<RequestVersion>4.0</RequestVersion>");
    expect(readFileSync(join(out, "provisioning.xml"), "utf8")).toMatch(
      /<characteristic type="My"><characteristic type="System">/,
    );
  });
});

describe("enroll: authentication", () => {
  it("stops a Federated enrollment without a token at the sign-in URL Windows would open", async () => {
    const before = requestsOf("federated").length;
    const { code, json } = await enrollJson(server, "federated", [], "");
    expect(code).toBe(1);
    expect(json.steps.map((s) => [s.id, s.verdict])).toEqual([
      ["dns", "pass"],
      ["get", "pass"],
      ["post", "pass"],
      ["response", "pass"],
      ["authentication", "fail"],
      ["policies", "skipped"],
      ["enrollment", "skipped"],
      ["provisioning", "skipped"],
      ["certificate", "skipped"],
    ]);
    expect(json.steps[4]!.summary).toBe(
      "sign in at https://login.federated.example/LoginRedirect.aspx?appru=ms-app%3A%2F%2Fwindows.immersivecontrolpanel&login_hint=someone%40federated.example",
    );
    // Discovery only: nothing went to the policy service, or to the sign-in page.
    expect(
      requestsOf("federated")
        .slice(before)
        .map((r) => r.path),
    ).toEqual(["/enrollmentserver/discovery.svc", "/enrollmentserver/discovery.svc"]);
  });

  it("prints the sign-in URL in the readable report too", async () => {
    const { code, stdout } = await run([
      "enroll",
      "someone@federated.example",
      ...serverArgs(server, "federated"),
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(
      "✖ Windows would not enroll: Authentication: sign in at https://login.federated.example/LoginRedirect.aspx?appru=",
    );
  });

  it("stops OnPremise without a password at authentication, as Windows' password-needed", async () => {
    const { code, json } = await enrollJson(server, "onpremise", [], "");
    expect(code).toBe(1);
    expect(failedStep(json)).toBe("authentication");
    expect(json.errors).toEqual(["menroll-e-password-needed"]);
  });

  it("offers Certificate only with a client certificate, so a Certificate server fails discovery", async () => {
    const { code, json } = await enrollJson(server, "certificate", [], "");
    expect(code).toBe(1);
    expect(failedStep(json)).toBe("response");
    expect(json.steps.find((s) => s.id === "response")?.diagnostics.map((d) => d.code)).toContain(
      "auth-policy-not-offered",
    );
  });

  it.each([
    ["a wrong password", "onpremise", [], "wrong password\n"],
    ["a wrong token", "federated", ["--token", "not-the-token"], ""],
    [
      "a certificate from an unknown CA",
      "certificate",
      ["--client-cert", "STRANGER_CERT", "--client-key", "STRANGER_KEY"],
      "",
    ],
  ] as const)(
    "fails %s at the policy step as Windows' authentication error",
    async (_, scenario, flags, stdin) => {
      const args = flags.map((f) =>
        f === "STRANGER_CERT"
          ? server.strangerCertFile
          : f === "STRANGER_KEY"
            ? server.strangerKeyFile
            : f,
      );
      const { code, json } = await enrollJson(server, scenario, args, stdin);
      expect(code).toBe(1);
      expect(failedStep(json)).toBe("policies");
      expect(json.errors).toContain("menroll-e-device-authentication-error");
      expect(json.steps.slice(5).every((s) => s.verdict === "skipped")).toBe(true);
    },
  );
});

describe("enroll: secrets", () => {
  it("never prints the password or the token, in JSON, in human output or with --debug", async () => {
    const common = (scenario: string, json: boolean) => [
      "enroll",
      `someone@${scenario}.example`,
      ...serverArgs(server, scenario),
      "--debug",
      ...(json ? ["--json"] : []),
    ];
    const runs = await Promise.all([
      spawnCliAsync([...common("onpremise", true), "--password", PASSWORD]),
      spawnCliAsync([...common("onpremise", false), "--password-stdin"], {
        stdin: "wrong-secret-password\n",
      }),
      spawnCliAsync([...common("federated", false), "--token", TOKEN]),
      spawnCliAsync([...common("federated", true), "--token", "wrong-secret-token"]),
      spawnCliAsync([...common("chunked", false), "--password", PASSWORD]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 1, 0, 1, 1]);
    const all = runs.map((r) => `${r.stdout}\n${r.stderr}`).join("\n");
    for (const secret of [
      PASSWORD,
      TOKEN,
      "wrong-secret-password",
      "wrong-secret-token",
      Buffer.from(TOKEN).toString("base64"),
    ])
      expect(all).not.toContain(secret);
  });
});

describe("enroll: the built binary", () => {
  it("enrolls, prints a readable report and writes --out with the key at mode 0600", async () => {
    const out = join(dir, "spawned", "new");
    const { code, stdout, stderr } = await spawnCliAsync(
      [
        "enroll",
        "someone@onpremise.example",
        ...serverArgs(server, "onpremise"),
        "--password-stdin",
        "--out",
        out,
      ],
      { stdin: `${PASSWORD}\n` },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("✔ Windows would enroll: certificate ");
    expect(stdout).toMatch(/Certificate\s+/);
    expect(stderr).toContain(join(out, "device-key.pem"));
    expect(statSync(join(out, "device-key.pem")).mode & 0o777).toBe(0o600);
    expect(stdout + stderr).not.toContain("PRIVATE KEY");
  });
});

describe("enroll: usage errors exit 2", () => {
  it.each([
    [["--password", "x", "--password-stdin"], "cannot be used together"],
    [["--token", "x", "--token-file", "t.txt"], "cannot be used together"],
    [["--client-cert", "c.pem"], "go together"],
    [["--hw-dev-id", "1234"], "is not 64 hexadecimal digits"],
    [["--os-version", "10.0"], "is not four dotted integers"],
    [["--enrollment-type", "lite"], "lite"],
    [["--request-version", "9.0"], "9.0"],
    [["--timeout", "soon"], "not a duration"],
    [
      ["--client-cert", "/nonexistent.pem", "--client-key", "/nonexistent.key"],
      "cannot read --client-cert",
    ],
    [["--client-cert", "CLIENT_CERT", "--client-key", "STRANGER_KEY"], "is not the key of"],
    [["--client-cert", "CLIENT_CERT", "--client-key", "CLIENT_CERT"], "holds no PEM private key"],
  ])("%j", async (given, text) => {
    const flags = given.map((f) =>
      f === "CLIENT_CERT"
        ? server.clientCertFile
        : f === "STRANGER_KEY"
          ? server.strangerKeyFile
          : f,
    );
    const { code, stderr } = await run(["enroll", "someone@onpremise.example", ...flags]);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
  });
});
