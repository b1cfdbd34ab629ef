// A real Windows 10 request and the provisioning document a server answered it with (see fixtures/README.md).
import { readFileSync } from "node:fs";
import { Pkcs10CertificateRequest } from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { DEVICE_ID_EXTENSION_OID } from "./csr.js";
import { diagnoseEnrollment } from "./diagnose.js";
import { fromBase64, utf8OrUndefined } from "./encoding.js";
import { buildEnrollmentRequest } from "./enroll-request.js";
import { keyRequirementsOf } from "./policy-request.js";
import { parsePolicyResponse } from "./policy-response.js";
import { parseProvisioningDocument } from "./provisioning.js";

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8").trim();
const windowsCsr = new Pkcs10CertificateRequest(
  new Uint8Array(fromBase64(fixture("windows-10-csr.b64"))!),
);
const documentXml = utf8OrUndefined(fromBase64(fixture("windows-10-provisioning-doc.b64"))!)!;
const commonName = (csr: Pkcs10CertificateRequest) => csr.subjectName.getField("CN")[0]!;

describe("a real Windows 10 enrollment", { timeout: 30_000 }, () => {
  it("our request has the shape of Windows': one 64-character CN and the DeviceID extension", async () => {
    const ours = await buildEnrollmentRequest({
      url: "https://mdm.contoso.test/EnrollmentServer/Enrollment.svc",
      credential: { policy: "OnPremise", username: "u", password: "p" },
      deviceId: "B5B954E81FBCB94EB79BD08BE625F4EE",
    });
    const csr = new Pkcs10CertificateRequest(new Uint8Array(ours.csr));
    expect(commonName(windowsCsr)).toHaveLength(64);
    expect(commonName(csr)).toHaveLength(commonName(windowsCsr).length);
    expect(commonName(csr).slice(30)).toBe(commonName(windowsCsr).slice(30));
    const extension = (c: Pkcs10CertificateRequest) =>
      new Uint8Array(c.extensions.find((e) => e.type === DEVICE_ID_EXTENSION_OID)!.value);
    expect(extension(csr)).toEqual(extension(windowsCsr));
    expect((windowsCsr.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(
      ours.keyLength,
    );
  });

  it("reads the document the server sent and finds its certificates sound, save for their age", async () => {
    const parsed = parseProvisioningDocument(documentXml);
    expect(parsed.kind === "document" && parsed.document.application?.providerId).toBe("DEMO MDM");
    const observation = {
      enrollment: { body: documentXml },
      request: { publicKey: new Uint8Array(windowsCsr.publicKey.rawData) },
    };
    // On the day of the capture (the certificate was valid January 2023 to January 2024) Windows enrolled.
    const then = await diagnoseEnrollment({
      ...observation,
      checkedAt: Date.parse("2023-06-01T00:00:00Z"),
    });
    expect(then.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(then.diagnostics.map((d) => d.code).sort()).toEqual([
      "search-criteria-missing",
      "w7-parm-unknown",
    ]);
    expect(then.certificate?.thumbprint).toBe("8F2EBD13F3612D7C48C30E24CC73A88492613849");
    expect(then.certificate?.extendedKeyUsages).toEqual(["1.3.6.1.5.5.7.3.2"]);
    const now = await diagnoseEnrollment({
      ...observation,
      checkedAt: Date.parse("2026-01-01T00:00:00Z"),
    });
    expect(now.diagnostics.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([
      "certificate-not-valid-now",
    ]);
  });

  it("reads the minimal policy response Windows 10 accepted (its log shows a space lost before xsi:nil; restored here)", async () => {
    const xml = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.w3.org/2005/08/addressing">
  <s:Header>
    <a:Action s:mustUnderstand="1">http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy/IPolicy/GetPoliciesResponse</a:Action>
    <a:RelatesTo>urn:uuid:72048B64-0F19-448F-8C2E-B4C661860AA0</a:RelatesTo>
  </s:Header>
  <s:Body xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
    <GetPoliciesResponse xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy">
      <response><policies><policy><attributes>
        <policySchema>3</policySchema>
        <privateKeyAttributes><minimalKeyLength>2048</minimalKeyLength><algorithmOIDReference xsi:nil="true"/></privateKeyAttributes>
        <hashAlgorithmOIDReference xsi:nil="true"></hashAlgorithmOIDReference>
      </attributes></policy></policies></response>
      <oIDs><oID><value>1.3.6.1.4.1.311.20.2</value><group>1</group><oIDReferenceID>5</oIDReferenceID><defaultName>Certificate Template Name</defaultName></oID></oIDs>
    </GetPoliciesResponse>
  </s:Body>
</s:Envelope>`;
    const parsed = parsePolicyResponse(xml);
    expect(keyRequirementsOf(parsed)).toMatchObject({
      keyLength: 2048,
      keyLengthFrom: "policy",
      hash: "SHA-1",
      hashFrom: "default",
    });
    const diagnosis = await diagnoseEnrollment({ policy: { body: xml } });
    expect(diagnosis.steps[0]).toMatchObject({ id: "policies", verdict: "pass" });
    expect(parsed.kind === "policies" && parsed.notes.map((n) => n.code)).toEqual([
      "policy-id-missing",
    ]);
  });
});
