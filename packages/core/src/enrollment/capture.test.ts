// A real Windows 10 request and the provisioning document a server answered it with (see fixtures/README.md).
import { readFileSync } from "node:fs";
import { Pkcs10CertificateRequest } from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { DEVICE_ID_EXTENSION_OID } from "./csr.js";
import { diagnoseEnrollment } from "./diagnose.js";
import { fromBase64, utf8OrUndefined } from "./encoding.js";
import { buildEnrollmentRequest } from "./enroll-request.js";
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
});
