import { Pkcs10CertificateRequest } from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { parseXml } from "../xml/reader.js";
import { CONTEXT_ITEMS, contextItem } from "./context.js";
import { DEVICE_ID_EXTENSION_OID } from "./csr.js";
import { deviceContext, freshDeviceId } from "./device.js";
import { buildEnrollmentRequest } from "./enroll-request.js";
import { parseEnrollmentResponse } from "./enroll-response.js";
import { ENROLLMENT_URIS } from "./protocol.js";
import { buildEnrollmentFault, buildEnrollmentResponse } from "./writers.js";

const url = "https://mdm.contoso.test/EnrollmentServer/Enrollment.svc";
const credential = { policy: "OnPremise", username: "u", password: "p" } as const;

// Key generation takes seconds on a busy machine.
describe("buildEnrollmentRequest", { timeout: 30_000 }, () => {
  it("makes a fresh 2048-bit key and a SHA-1 request shaped like Windows' when the policy names nothing", async () => {
    const request = await buildEnrollmentRequest({
      url,
      credential,
      deviceId: "B5B954E81FBCB94EB79BD08BE625F4EE",
    });
    const csr = new Pkcs10CertificateRequest(new Uint8Array(request.csr));
    expect(await csr.verify()).toBe(true);
    expect((csr.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(2048);
    expect((csr.signatureAlgorithm as RsaHashedKeyAlgorithm).hash.name).toBe("SHA-1");
    // One CN of exactly 64 characters: 30 of a GUID, "!", the DeviceID, NUL.
    expect(request.subjectCommonName).toHaveLength(64);
    expect(request.subjectCommonName).toMatch(
      /^[0-9A-F-]{30}!B5B954E81FBCB94EB79BD08BE625F4EE\u0000$/,
    );
    const extension = csr.extensions.find((e) => e.type === DEVICE_ID_EXTENSION_OID)!;
    expect(new TextDecoder().decode(extension.value)).toBe(
      "B5B954E81FBCB94EB79BD08BE625F4EE\u0000",
    );
    expect(new Uint8Array(csr.publicKey.rawData)).toEqual(request.publicKey);
  });

  it("honours the policy's key length and hash", async () => {
    const request = await buildEnrollmentRequest({
      url,
      credential,
      requirements: {
        keyLength: 3072,
        hash: "SHA-256",
        keyLengthFrom: "policy",
        hashFrom: "policy",
        source: { doc: "ms-xcep" },
      },
    });
    const csr = new Pkcs10CertificateRequest(new Uint8Array(request.csr));
    expect((csr.publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(3072);
    expect((csr.signatureAlgorithm as RsaHashedKeyAlgorithm).hash.name).toBe("SHA-256");
  }, 60_000);

  it("makes new keys every run", async () => {
    const [a, b] = await Promise.all([
      buildEnrollmentRequest({ url, credential }),
      buildEnrollmentRequest({ url, credential }),
    ]);
    expect(a.publicKey).not.toEqual(b.publicKey);
    expect(a.deviceId).not.toBe(b.deviceId);
  });

  it("writes the RST with its token type, request type, PKCS#10 token and the context items, each settable", async () => {
    const request = await buildEnrollmentRequest({
      url,
      credential,
      context: {
        DeviceName: "LAB-01",
        MAC: ["00-11-22-33-44-55", "66-77-88-99-AA-BB"],
        NotInOobe: null,
        EnrollmentData: "blob",
      },
    });
    const root = parseXml(request.xml);
    const rst = root.children[1]!.children[0]!;
    expect(rst.local).toBe("RequestSecurityToken");
    expect(rst.children.map((c) => c.local)).toEqual([
      "TokenType",
      "RequestType",
      "BinarySecurityToken",
      "AdditionalContext",
    ]);
    expect(rst.children[0]!.text).toBe(ENROLLMENT_URIS.deviceEnrollmentTokenType.uri);
    expect(rst.children[1]!.text).toBe(ENROLLMENT_URIS.issueRequestType.uri);
    expect(rst.children[2]!.attributes.ValueType).toBe(ENROLLMENT_URIS.pkcs10ValueType.uri);
    const items = rst.children[3]!.children.map((c) => [c.attributes.Name, c.children[0]!.text]);
    expect(items).toContainEqual(["DeviceName", "LAB-01"]);
    expect(items.filter(([n]) => n === "MAC")).toHaveLength(2);
    expect(items.map(([n]) => n)).not.toContain("NotInOobe");
    expect(items).toContainEqual(["EnrollmentData", "blob"]);
    expect(items).toContainEqual(["DeviceID", request.deviceId]);
    // The default order is the one a real Windows client used.
    const defaults = CONTEXT_ITEMS.filter((i) => i.sentByDefault).map((i) => i.name);
    const sent = [...new Set(items.map(([n]) => n))].filter((n) => defaults.includes(n!));
    expect(sent).toEqual(defaults.filter((n) => n !== "NotInOobe"));
  });

  it("checks a context value given by hand against its item's pattern", () => {
    const sent = deviceContext(freshDeviceId());
    const patterned = CONTEXT_ITEMS.filter((i) => i.pattern);
    expect(patterned.map((i) => i.name)).toEqual(["HWDevID", "OSVersion", "ApplicationVersion"]);
    for (const item of patterned) expect(String(sent[item.name]), item.name).toMatch(item.pattern!);
    expect(contextItem("HWDevID")?.pattern?.test("1234")).toBe(false);
    expect(contextItem("OSVersion")?.pattern?.test("10.0")).toBe(false);
  });

  it("refuses a DeviceID Windows would not write", async () => {
    await expect(buildEnrollmentRequest({ url, credential, deviceId: "not-hex" })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("parseEnrollmentResponse", () => {
  it("decodes the provisioning document from the token", () => {
    const parsed = parseEnrollmentResponse(
      buildEnrollmentResponse({
        provisioningXml: '<wap-provisioningdoc version="1.1"/>',
        relatesTo: "urn:uuid:9",
      }),
    );
    expect(parsed).toMatchObject({
      kind: "token",
      soapVersion: "1.2",
      relatesTo: "urn:uuid:9",
      tokenType: ENROLLMENT_URIS.deviceEnrollmentTokenType.uri,
      valueType: ENROLLMENT_URIS.provisionDocValueType.uri,
      provisioningXml: '<wap-provisioningdoc version="1.1"/>',
      responseCount: 1,
      requestId: "0",
    });
  });

  it("reads prefixed token attributes, as the federated doc's sample writes them", () => {
    const xml = buildEnrollmentResponse({ provisioningXml: "<x/>" }).replace(
      ' ValueType="',
      ' xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" wsse:ValueType="',
    );
    const parsed = parseEnrollmentResponse(xml);
    expect(parsed.kind === "token" && parsed.valueType).toBe(
      ENROLLMENT_URIS.provisionDocValueType.uri,
    );
  });

  it("maps MS-MDE2 fault subcodes and ErrorTypes, and MS-WSTEP's ErrorCode, to catalog entries", () => {
    const cases: [string, string][] = [
      [
        buildEnrollmentFault({ subcode: "CertificateRequest" }),
        "menroll-e-device-certificaterequest-error",
      ],
      [
        buildEnrollmentFault({ subcode: "InternalServiceFault", namespace: "a" }),
        "menroll-e-device-internalservice-error",
      ],
      [
        buildEnrollmentFault({ subcode: "Authorization", errorType: "DeviceCapReached" }),
        "menroll-e-devicecapreached",
      ],
      [
        buildEnrollmentFault({ subcode: "Unknown" }).replace(
          "</s:Reason>",
          '</s:Reason><s:Detail><CertificateEnrollmentWSDetail xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment"><ErrorCode>-2145910780</ErrorCode><InvalidRequest>true</InvalidRequest></CertificateEnrollmentWSDetail></s:Detail>',
        ),
        "menroll-e-device-certificaterequest-error",
      ],
    ];
    for (const [xml, id] of cases) {
      const parsed = parseEnrollmentResponse(xml);
      expect(parsed.kind === "fault" && parsed.fault.errors[0], xml).toBe(id);
    }
    const capped = parseEnrollmentResponse(cases[2]![0]);
    expect(capped.kind === "fault" && capped.fault.windowsText).toBe(
      "Looks like there are too many devices or users for this account. Contact your system administrator with the error code 0x80180013.",
    );
  });
});
