import { PemConverter, X509Certificate } from "@peculiar/x509";
import { describe, expect, it } from "vitest";
import { parseXml } from "../xml/reader.js";
import { canonicalize } from "./c14n.js";
import { fromBase64, toBase64 } from "./encoding.js";
import { buildPolicyRequest, keyRequirementsOf } from "./policy-request.js";
import { parsePolicyResponse } from "./policy-response.js";
import { ENROLLMENT_URIS, USERNAME_TOKEN_ID } from "./protocol.js";
import { makeCa } from "./test-support/pki.js";
import { buildEnrollmentFault, buildPolicyResponse } from "./writers.js";

const url = "https://mdm.contoso.test/EnrollmentServer/Policy.svc";

// Key generation takes seconds on a busy machine.
describe("buildPolicyRequest", { timeout: 30_000 }, () => {
  it("writes the GetPolicies envelope with Windows' headers in order and the all-nil body", async () => {
    const request = await buildPolicyRequest({
      url,
      credential: { policy: "Certificate" },
      messageId: "urn:uuid:1",
    });
    const xml = request.xml;
    const order = ["<a:Action", "<a:MessageID>urn:uuid:1<", "<a:ReplyTo>", "<a:To", "<s:Body"].map(
      (t) => xml.indexOf(t),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(xml).toContain(ENROLLMENT_URIS.getPoliciesAction.uri);
    expect(xml).toContain(`<a:To s:mustUnderstand="1">${url}</a:To>`);
    expect(xml).toMatch(
      /<lastUpdate xsi:nil="true"\/>[\s\S]*<preferredLanguage xsi:nil="true"\/>[\s\S]*<requestFilter xsi:nil="true"\/>/,
    );
    // Certificate over TLS: no token in the header at all.
    expect(xml).not.toContain("wsse:Security");
    expect(request.headers["Content-Type"]).toBe("application/soap+xml; charset=utf-8");
    parseXml(xml);
  });

  it("puts a PasswordText UsernameToken with MS-MDE2's literal u:Id for OnPremise, escaped", async () => {
    const { xml } = await buildPolicyRequest({
      url,
      credential: { policy: "OnPremise", username: "someone@contoso.test", password: "a<b&c" },
    });
    expect(xml).toContain(`<wsse:UsernameToken u:Id="${USERNAME_TOKEN_ID}">`);
    expect(xml).toContain(
      `wsse:Type="${ENROLLMENT_URIS.passwordText.uri}">a&lt;b&amp;c</wsse:Password>`,
    );
    const password = parseXml(xml).children[0]!.children.find((c) => c.local === "Security")!
      .children[0]!.children[1]!;
    expect(password.text).toBe("a<b&c");
  });

  it("sends the federated token base64-encoded as a DeviceEnrollmentUserToken", async () => {
    const { xml } = await buildPolicyRequest({
      url,
      credential: { policy: "Federated", token: "opaque-token-ä" },
    });
    const token = /ValueType="([^"]+)" EncodingType="[^"]+">([^<]+)</.exec(xml)!;
    expect(token[1]).toBe(ENROLLMENT_URIS.userTokenValueType.uri);
    expect(new TextDecoder().decode(fromBase64(token[2]!))).toBe("opaque-token-ä");
  });

  it("signs the Certificate header as MS-MDE2 describes: digest over the envelope, RSA-SHA256 over SignedInfo", async () => {
    const ca = await makeCa("CN=device");
    const { xml } = await buildPolicyRequest({
      url,
      credential: {
        policy: "Certificate",
        signedHeader: {
          certificate: ca.certificate.toString("pem"),
          privateKey: ca.keys.privateKey,
        },
      },
      now: Date.parse("2026-01-01T00:00:00Z"),
    });
    expect(xml).toContain(
      "<u:Created>2026-01-01T00:00:00Z</u:Created><u:Expires>2026-01-01T00:05:00Z</u:Expires>",
    );
    const signature = /<ds:Signature [^>]*>[\s\S]*<\/ds:Signature>/.exec(xml)![0];
    const signedInfo = /<ds:SignedInfo[\s\S]*<\/ds:SignedInfo>/.exec(signature)![0];
    const signatureValue = /<ds:SignatureValue>([^<]+)</.exec(signature)![1]!;
    const digestValue = /<ds:DigestValue>([^<]+)</.exec(signature)![1]!;
    // The digest is over the envelope without the signature (enveloped-signature transform), canonical.
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(canonicalize(parseXml(xml.replace(signature, "")))),
    );
    expect(toBase64(new Uint8Array(digest))).toBe(digestValue);
    const token = /X509v3" EncodingType="[^"]+" u:Id="[^"]+">([^<]+)</.exec(xml)![1]!;
    const certificate = new X509Certificate(new Uint8Array(fromBase64(token)!));
    const key = await certificate.publicKey.export({ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, [
      "verify",
    ]);
    const valid = await crypto.subtle.verify(
      "RSASSA-PKCS1-v1_5",
      key,
      new Uint8Array(fromBase64(signatureValue)!),
      new TextEncoder().encode(signedInfo),
    );
    expect(valid).toBe(true);
    expect(PemConverter.encode(certificate.rawData, "CERTIFICATE").replace(/\r/g, "")).toContain(
      token.slice(0, 40),
    );
  });
});

describe("parsePolicyResponse and keyRequirementsOf", () => {
  it("reads the template, the key length and the hash resolved through oIDs", () => {
    const parsed = parsePolicyResponse(
      buildPolicyResponse({
        templateName: "WinEnroll",
        minimalKeyLength: 3072,
        hashOid: "2.16.840.1.101.3.4.2.1",
        relatesTo: "urn:uuid:1",
      }),
    );
    expect(parsed.kind).toBe("policies");
    if (parsed.kind !== "policies") return;
    expect(parsed.relatesTo).toBe("urn:uuid:1");
    expect(parsed.policies[0]).toMatchObject({
      templateName: "WinEnroll",
      minimalKeyLength: 3072,
      policySchema: 3,
      hash: "SHA-256",
      hashAlgorithm: { value: "2.16.840.1.101.3.4.2.1" },
      danglingReferences: [],
    });
    expect(keyRequirementsOf(parsed)).toMatchObject({
      keyLength: 3072,
      hash: "SHA-256",
      keyLengthFrom: "policy",
      hashFrom: "policy",
    });
  });

  it("falls back to SHA-1 when the hash reference is nil, and to 2048 bits and SHA-1 without a policy", () => {
    const parsed = parsePolicyResponse(buildPolicyResponse({ minimalKeyLength: 4096 }));
    expect(keyRequirementsOf(parsed)).toMatchObject({
      keyLength: 4096,
      hash: "SHA-1",
      hashFrom: "default",
    });
    expect(keyRequirementsOf(undefined)).toMatchObject({
      keyLength: 2048,
      hash: "SHA-1",
      keyLengthFrom: "default",
    });
  });

  it("reads a fault with its catalog entry, and says why something else is unreadable", () => {
    const fault = parsePolicyResponse(buildEnrollmentFault({ subcode: "Authorization" }));
    expect(fault.kind === "fault" && fault.fault.errors).toEqual([
      "menroll-e-device-authorization-error",
    ]);
    expect(fault.kind === "fault" && fault.fault.windowsText).toContain(
      "This user isn't authorized to enroll.",
    );
    const invalid = parsePolicyResponse("<html/>");
    expect(invalid).toEqual({
      kind: "invalid",
      error: "the root element is <html>, not a SOAP Envelope",
    });
  });
});
