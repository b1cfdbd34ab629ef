import { beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "../discovery/transport.js";
import { ERROR_CATALOG } from "../errors/catalog.js";
import { ENROLLMENT_CHECKS } from "./checks.js";
import { diagnoseEnrollment } from "./diagnose.js";
import { prepareContext } from "./observed.js";
import {
  ENROLLMENT_URL,
  exchange,
  type GoodRun,
  goodRun,
  issue,
  MANAGEMENT_URL,
  makeCa,
  POLICY_URL,
} from "./test-support/pki.js";
import type { EnrollmentObservation, ProvisioningDocumentOptions } from "./types.js";
import {
  buildEnrollmentFault,
  buildEnrollmentResponse,
  buildPolicyResponse,
  buildProvisioningDocument,
} from "./writers.js";

let base: GoodRun;
beforeAll(async () => {
  base = await goodRun();
}, 60_000);

const policyOf = (run: GoodRun) => run.observation.policy!.exchange!;
const enrollmentOf = (run: GoodRun) => run.observation.enrollment!.exchange!;

function withPolicyBody(run: GoodRun, body: string): EnrollmentObservation {
  const e = policyOf(run);
  return {
    ...run.observation,
    policy: { url: POLICY_URL, exchange: { ...e, response: { ...e.response!, body } } },
  };
}
function withEnrollmentBody(run: GoodRun, body: string): EnrollmentObservation {
  const e = enrollmentOf(run);
  return {
    ...run.observation,
    enrollment: { exchange: { ...e, response: { ...e.response!, body } } },
  };
}
const withDocument = (run: GoodRun, xml: string) =>
  withEnrollmentBody(
    run,
    buildEnrollmentResponse({ provisioningXml: xml, relatesTo: run.request.messageId }),
  );
const editDocument = (run: GoodRun, edit: (xml: string) => string) =>
  withDocument(run, edit(run.provisioningXml));
async function withDocumentOptions(
  run: GoodRun,
  options: Partial<ProvisioningDocumentOptions>,
  client = run.client,
) {
  const xml = await buildProvisioningDocument({
    rootCertificate: run.ca.certificate.toString("pem"),
    clientCertificate: client.toString("pem"),
    providerId: "Contoso",
    addr: MANAGEMENT_URL,
    ...options,
  });
  return withDocument(run, xml);
}
function withPolicyResponse(
  run: GoodRun,
  edit: (xml: string) => string = (x) => x,
  options = {},
): EnrollmentObservation {
  return withPolicyBody(
    run,
    edit(
      buildPolicyResponse({
        relatesTo:
          run.observation.policy?.exchange?.request.body?.match(/<a:MessageID>([^<]*)/)?.[1],
        ...options,
      }),
    ),
  );
}
function withPolicyExchange(
  run: GoodRun,
  overrides: Parameters<typeof exchange>[3],
  url = POLICY_URL,
): EnrollmentObservation {
  const e = policyOf(run);
  return {
    ...run.observation,
    policy: { url, exchange: exchange(url, e.request.body!, e.response!.body, overrides) },
  };
}

/** The policy request sent, and no answer: the transport failed (with what TLS saw, if any). */
function withPolicyFailure(
  run: GoodRun,
  failure: NonNullable<HttpExchange["failure"]>,
  tls?: HttpExchange["tls"],
): EnrollmentObservation {
  const request = policyOf(run).request;
  return {
    ...run.observation,
    policy: { exchange: { request, failure, ...(tls ? { tls } : {}) } },
  };
}

function withEnrollmentExchange(
  run: GoodRun,
  overrides: Parameters<typeof exchange>[3],
): EnrollmentObservation {
  const e = enrollmentOf(run);
  return {
    ...run.observation,
    enrollment: {
      url: ENROLLMENT_URL,
      exchange: exchange(ENROLLMENT_URL, e.request.body!, e.response!.body, overrides),
    },
  };
}

/** For each check: an observation that fires it (the good run stays silent for all). */
const FIRES: Record<
  string,
  (run: GoodRun) => EnrollmentObservation | Promise<EnrollmentObservation>
> = {
  "plain-http": (run) =>
    withPolicyExchange(run, {}, "http://mdm.contoso.test/EnrollmentServer/Policy.svc"),
  "server-certificate-untrusted": (run) => withPolicyExchange(run, { trusted: false }),
  "transport-failed": (run) =>
    withPolicyFailure(run, {
      kind: "connect",
      message: "connect ECONNREFUSED 127.0.0.1:443",
      code: "ECONNREFUSED",
    }),
  "response-too-large": (run) => withEnrollmentExchange(run, { cutAt: 1000 }),
  "chunked-response": (run) => withPolicyExchange(run, { chunked: true }),
  "wrong-content-type": (run) => withPolicyExchange(run, { contentType: "text/html" }),
  "http-status": (run) => withPolicyExchange(run, { status: 503 }),
  "policy-service-absent": (run) => ({ ...run.observation, policy: undefined }),
  "policy-unreadable": (run) => withPolicyBody(run, "<html><body>Sign in</body></html>"),
  "policy-fault": (run) => withPolicyBody(run, buildEnrollmentFault({ subcode: "MessageFormat" })),
  "policy-empty": (run) =>
    withPolicyResponse(run, (x) => x.replace(/<policies>[\s\S]*<\/policies>/, "<policies/>")),
  "policy-key-length-invalid": (run) => withPolicyResponse(run, undefined, { minimalKeyLength: 0 }),
  "policy-hash-unknown": (run) =>
    withPolicyResponse(run, undefined, { hashOid: "1.2.840.113549.2.5" }),
  "policy-oid-reference-dangling": (run) =>
    withPolicyResponse(run, (x) => x.replace("<policyOIDReference>0<", "<policyOIDReference>99<")),
  "policy-schema-not-3": (run) =>
    withPolicyResponse(run, (x) => x.replace("<policySchema>3<", "<policySchema>2<")),
  "relates-to-mismatch": (run) =>
    withPolicyBody(
      run,
      buildPolicyResponse({ relatesTo: "urn:uuid:00000000-0000-0000-0000-000000000000" }),
    ),
  "enrollment-missing": (run) => withEnrollmentBody(run, ""),
  "enrollment-unreadable": (run) =>
    withEnrollmentBody(
      run,
      '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><Nothing/></s:Body></s:Envelope>',
    ),
  "enrollment-fault": (run) =>
    withEnrollmentBody(
      run,
      buildEnrollmentFault({ subcode: "Authentication", reason: "bad password" }),
    ),
  "enrollment-token-type": (run) =>
    withDocument(run, run.provisioningXml) &&
    withEnrollmentBody(
      run,
      buildEnrollmentResponse({ provisioningXml: run.provisioningXml }).replace(
        "DeviceEnrollmentToken<",
        "SomethingElse<",
      ),
    ),
  "enrollment-value-type": (run) =>
    withEnrollmentBody(
      run,
      buildEnrollmentResponse({ provisioningXml: run.provisioningXml }).replace(
        "5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc",
        "ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc",
      ),
    ),
  "enrollment-token-not-base64": (run) =>
    withEnrollmentBody(
      run,
      buildEnrollmentResponse({ provisioningXml: "x" }).replace(
        /base64binary">[^<]*</,
        'base64binary">not base64!<',
      ),
    ),
  "enrollment-several-responses": (run) =>
    withEnrollmentBody(
      run,
      buildEnrollmentResponse({ provisioningXml: run.provisioningXml }).replace(
        /(<RequestSecurityTokenResponse>[\s\S]*<\/RequestSecurityTokenResponse>)/,
        "$1$1",
      ),
    ),
  "enrollment-soap11": (run) =>
    withEnrollmentBody(
      run,
      buildEnrollmentResponse({ provisioningXml: run.provisioningXml, soapVersion: "1.1" }),
    ),
  "document-not-well-formed": (run) =>
    withDocumentOptions(run, {}).then(() =>
      editDocument(run, (x) =>
        x.replace(/(SSLCLIENTCERTSEARCHCRITERIA" value="[^"]*)&amp;/, "$1&"),
      ),
    ),
  "client-certificate-missing": (run) =>
    editDocument(run, (x) =>
      x.replace('<characteristic type="My">', '<characteristic type="Mine">'),
    ),
  "private-key-container-missing": (run) =>
    editDocument(run, (x) => x.replace('<characteristic type="PrivateKeyContainer"/>', "")),
  "certificate-undecodable": (run) =>
    editDocument(run, (x) =>
      x.replace(
        /(<characteristic type="User"><characteristic type="[0-9A-F]+"><parm name="EncodedCertificate" value=")[^"]*/,
        "$1AAAA",
      ),
    ),
  "thumbprint-mismatch": (run) =>
    editDocument(run, (x) =>
      x.replace(
        /(<characteristic type="System"><characteristic type=")[0-9A-F]{40}/,
        `$1${"0".repeat(40)}`,
      ),
    ),
  "w7-missing": (run) => editDocument(run, (x) => x.replace('value="w7"', 'value="w8"')),
  "addr-missing": (run) =>
    editDocument(run, (x) => x.replace(/<parm name="ADDR" value="[^"]*"\/>/, "")),
  "addr-not-https": (run) =>
    withDocumentOptions(run, { addr: "http://mdm.contoso.test/ManagementServer/MDM.svc" }),
  "provider-id-mismatch": (run) => withDocumentOptions(run, { dmClientProviderId: "Fabrikam" }),
  "dmclient-provider-missing": (run) =>
    editDocument(run, (x) =>
      x.replace(
        /<characteristic type="DMClient">[\s\S]*?<\/characteristic>\s*<\/characteristic>\s*<\/characteristic>\s*<\/characteristic>/,
        "",
      ),
    ),
  "search-criteria-double-escaped": (run) =>
    withDocumentOptions(run, {
      sslClientCertSearchCriteria: `Subject=CN%3d${run.request.deviceId}&amp;Stores=My%5CUser`,
    }),
  "search-criteria-missing": (run) =>
    withDocumentOptions(run, { sslClientCertSearchCriteria: null }),
  "renew-period-spelling": (run) =>
    editDocument(run, (x) => x.replace('"RenewPeriod"', '"RenewalPeriod"')),
  "w7-parm-unknown": (run) =>
    editDocument(run, (x) =>
      x.replace(
        '<parm name="APPID" value="w7"/>',
        '<parm name="APPID" value="w7"/><parm name="SSPHyperlink" value="https://contoso.test"/>',
      ),
    ),
  "certificate-not-client-auth": async (run) =>
    withDocumentOptions(
      run,
      {},
      await issue(run.ca, run.request.csr, run.request.deviceId, { ekus: ["1.3.6.1.5.5.7.3.1"] }),
    ),
  "certificate-key-mismatch": async (run) => {
    const other = (await crypto.subtle.generateKey(
      {
        name: "RSASSA-PKCS1-v1_5",
        hash: "SHA-256",
        modulusLength: 2048,
        publicExponent: new Uint8Array([1, 0, 1]),
      },
      true,
      ["sign", "verify"],
    )) as CryptoKeyPair;
    return withDocumentOptions(
      run,
      {},
      await issue(run.ca, run.request.csr, run.request.deviceId, { publicKey: other.publicKey }),
    );
  },
  "certificate-untrusted-chain": async (run) =>
    withDocumentOptions(run, {
      rootCertificate: (await makeCa("CN=another root")).certificate.toString("pem"),
    }),
  "certificate-not-valid-now": async (run) =>
    withDocumentOptions(
      run,
      {},
      await issue(run.ca, run.request.csr, run.request.deviceId, {
        notBefore: new Date(Date.now() - 10 * 86_400_000),
        notAfter: new Date(Date.now() - 86_400_000),
      }),
    ),
  "search-criteria-no-match": (run) =>
    withDocumentOptions(run, {
      sslClientCertSearchCriteria: "Subject=CN%3dsomeone-else&Stores=My%5CUser",
    }),
};

const good = (run: GoodRun) => run.observation;

/**
 * For each check: a clean observation that keeps it silent. Where a check has a near miss (a
 * case just inside what it allows), that is the observation; otherwise the good run.
 */
const SILENT: Record<
  string,
  (run: GoodRun) => EnrollmentObservation | Promise<EnrollmentObservation>
> = {
  "plain-http": good,
  "server-certificate-untrusted": good,
  // A TLS failure is server-certificate-untrusted's to report, not a transport failure.
  "transport-failed": (run) =>
    withPolicyFailure(
      run,
      { kind: "tls", message: "self-signed certificate", code: "DEPTH_ZERO_SELF_SIGNED_CERT" },
      { trusted: false, nameMatches: true, trustError: "self-signed certificate" },
    ),
  "response-too-large": (run) =>
    withEnrollmentExchange(run, { cutAt: enrollmentOf(run).response!.body.length }),
  "chunked-response": good,
  "wrong-content-type": (run) =>
    withPolicyExchange(run, { contentType: "Application/SOAP+XML; charset=UTF-8" }),
  // 500 is how SOAP carries a fault.
  "http-status": (run) => ({
    ...run.observation,
    policy: {
      url: POLICY_URL,
      exchange: exchange(
        POLICY_URL,
        policyOf(run).request.body!,
        buildEnrollmentFault({ subcode: "MessageFormat" }),
        { status: 500 },
      ),
    },
  }),
  "policy-service-absent": (run) => ({ enrollment: { body: run.provisioningXml } }),
  "policy-unreadable": good,
  "policy-fault": good,
  "policy-empty": good,
  "policy-key-length-invalid": (run) =>
    withPolicyResponse(run, undefined, { minimalKeyLength: 4096 }),
  "policy-hash-unknown": (run) =>
    withPolicyResponse(run, undefined, { hashOid: "2.16.840.1.101.3.4.2.1" }),
  "policy-oid-reference-dangling": good,
  // Fleet's capture: a Windows 10 client accepted a response without policySchema.
  "policy-schema-not-3": (run) =>
    withPolicyResponse(run, (x) => x.replace("<policySchema>3</policySchema>", "")),
  "relates-to-mismatch": (run) => withPolicyBody(run, buildPolicyResponse({})),
  "enrollment-missing": good,
  "enrollment-unreadable": good,
  "enrollment-fault": good,
  "enrollment-token-type": good,
  "enrollment-value-type": good,
  "enrollment-token-not-base64": good,
  "enrollment-several-responses": good,
  "enrollment-soap11": good,
  "document-not-well-formed": good,
  "client-certificate-missing": (run) => withDocumentOptions(run, { clientStore: "My/System" }),
  "private-key-container-missing": good,
  "certificate-undecodable": good,
  "thumbprint-mismatch": (run) =>
    editDocument(run, (x) =>
      x.replace(
        /(<characteristic type="User"><characteristic type=")([0-9A-F]{40})/,
        (_, before: string, thumbprint: string) => `${before}${thumbprint.toLowerCase()}`,
      ),
    ),
  "w7-missing": good,
  "addr-missing": good,
  "addr-not-https": (run) =>
    withDocumentOptions(run, { addr: "HTTPS://mdm.contoso.test/ManagementServer/MDM.svc" }),
  "provider-id-mismatch": good,
  "dmclient-provider-missing": good,
  "search-criteria-double-escaped": good,
  "search-criteria-missing": good,
  "renew-period-spelling": good,
  "w7-parm-unknown": good,
  "certificate-not-client-auth": async (run) =>
    withDocumentOptions(
      run,
      {},
      await issue(run.ca, run.request.csr, run.request.deviceId, { ekus: [] }),
    ),
  "certificate-key-mismatch": good,
  "certificate-untrusted-chain": good,
  "certificate-not-valid-now": good,
  "search-criteria-no-match": (run) =>
    withDocumentOptions(run, {
      sslClientCertSearchCriteria: `Subject=cn%3d${run.request.deviceId}&Stores=MY%5Cuser`,
    }),
};

// Key generation takes seconds on a busy machine.
describe("diagnoseEnrollment", { timeout: 30_000 }, () => {
  it("passes a good enrollment: every step passes, no check fires", async () => {
    const diagnosis = await diagnoseEnrollment(base.observation);
    expect(diagnosis.diagnostics).toEqual([]);
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.steps.map((s) => [s.id, s.verdict])).toEqual([
      ["policies", "pass"],
      ["enrollment", "pass"],
      ["provisioning", "pass"],
      ["certificate", "pass"],
    ]);
    expect(diagnosis.certificate?.subject).toBe(`CN=${base.request.deviceId}`);
    expect(diagnosis.managementUrl).toBe(MANAGEMENT_URL);
    expect(diagnosis.keyRequirements).toMatchObject({ keyLength: 2048, hash: "SHA-1" });
  });

  it("has a firing case for every check in the table, and no case for a check that does not exist", () => {
    expect(Object.keys(FIRES).sort()).toEqual(ENROLLMENT_CHECKS.map((c) => c.code).sort());
  });

  it("has a silent case for every check in the table, and no case for a check that does not exist", () => {
    expect(Object.keys(SILENT).sort()).toEqual(ENROLLMENT_CHECKS.map((c) => c.code).sort());
  });

  for (const [code, make] of Object.entries(SILENT)) {
    // The check itself, not the diagnosis: a step skipped after an earlier failure would hide it.
    it(`keeps ${code} silent on a clean observation`, async () => {
      const check = ENROLLMENT_CHECKS.find((c) => c.code === code)!;
      expect(check.check(await prepareContext(await make(base)))).toEqual([]);
    });
  }

  it("names only catalog entries that exist", () => {
    const ids = new Set(ERROR_CATALOG.map((e) => e.id));
    for (const check of ENROLLMENT_CHECKS)
      if (check.windowsError) expect(ids, check.code).toContain(check.windowsError);
  });

  for (const [code, make] of Object.entries(FIRES)) {
    it(`fires ${code}`, async () => {
      const diagnosis = await diagnoseEnrollment(await make(base));
      const codes = diagnosis.diagnostics.map((d) => d.code);
      expect(codes).toContain(code);
      const check = ENROLLMENT_CHECKS.find((c) => c.code === code)!;
      const found = diagnosis.diagnostics.find((d) => d.code === code)!;
      expect(found.severity).toBe(check.severity);
      expect(found.source).toBeTruthy();
      if (check.severity === "error") expect(diagnosis.ok).toBe(false);
    });
  }

  it("maps an enrollment fault to its catalog entry and the text Windows shows", async () => {
    const diagnosis = await diagnoseEnrollment(await FIRES["enrollment-fault"]!(base));
    expect(diagnosis.errors).toEqual(["menroll-e-device-authentication-error"]);
    const fault = diagnosis.diagnostics.find((d) => d.code === "enrollment-fault")!;
    expect(fault.message).toContain("There was a problem authenticating your account or device.");
    expect(fault.message).toContain("0x80180002");
    expect(diagnosis.steps.map((s) => s.verdict)).toEqual(["pass", "fail", "skipped", "skipped"]);
  });

  it("fails a cut-off enrollment answer on the wire and does not read what was cut", async () => {
    const diagnosis = await diagnoseEnrollment(await FIRES["response-too-large"]!(base));
    expect(diagnosis.diagnostics.map((d) => [d.step, d.code])).toEqual([
      ["enrollment", "response-too-large"],
    ]);
    expect(diagnosis.steps.map((s) => s.verdict)).toEqual(["pass", "fail", "skipped", "skipped"]);
    expect(diagnosis.errors).toEqual([]);
  });

  it("says which way of presenting the client certificate the server accepted, unless it refused it", async () => {
    const accepted = await diagnoseEnrollment({
      ...base.observation,
      certificateAuthentication: "signed-header",
    });
    expect(accepted.steps.map((s) => s.summary.includes("signed WS-Security header"))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    const refused = await diagnoseEnrollment({
      ...(await FIRES["policy-fault"]!(base)),
      certificateAuthentication: "tls",
    });
    expect(refused.steps.some((s) => s.summary.includes("accepted"))).toBe(false);
  });

  it("judges a pasted provisioning document alone (the docs inspector)", async () => {
    const diagnosis = await diagnoseEnrollment({ enrollment: { body: base.provisioningXml } });
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.steps.map((s) => s.verdict)).toEqual(["skipped", "skipped", "pass", "pass"]);
    expect(diagnosis.certificates.map((c) => c.store)).toEqual(["Root/System", "My/User"]);
  });
});
