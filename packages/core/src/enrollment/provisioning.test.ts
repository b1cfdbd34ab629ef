import { describe, expect, it } from "vitest";
import { summarizeCertificate } from "./certificate.js";
import { toHex, utf8ToBase64 } from "./encoding.js";
import { parseProvisioningDocument } from "./provisioning.js";
import { parseSearchCriteria } from "./search-criteria.js";
import { makeCa } from "./test-support/pki.js";
import { buildEnrollmentFault, buildEnrollmentResponse } from "./writers.js";

/** Shaped like MS-MDE2's 4.3.2 sample: every store, renewal, w7 with APPAUTH, DMClient with Poll. */
const DOCUMENT = `<wap-provisioningdoc version="1.1">
  <characteristic type="CertificateStore">
    <characteristic type="Root">
      <characteristic type="System">
        <characteristic type="031336C933CC7E228B88880D78824FB2909A0A2F">
          <parm name="EncodedCertificate" value="AAAA"/>
        </characteristic>
      </characteristic>
    </characteristic>
    <characteristic type="My">
      <characteristic type="User">
        <characteristic type="F9A4F20FC50D990FDD0E3DB9AFCBF401818D5462">
          <parm name="EncodedCertificate" value="BBBB"/>
        </characteristic>
        <characteristic type="PrivateKeyContainer"/>
      </characteristic>
      <characteristic type="WSTEP">
        <characteristic type="Renew">
          <parm name="ROBOSupport" value="true" datatype="boolean"/>
          <parm name="RenewPeriod" value="60" datatype="integer"/>
          <parm name="RetryInterval" value="4" datatype="integer"/>
        </characteristic>
      </characteristic>
    </characteristic>
  </characteristic>
  <characteristic type="APPLICATION">
    <parm name="APPID" value="w7"/>
    <parm name="PROVIDER-ID" value="TestMDMServer"/>
    <parm name="NAME" value="Microsoft"/>
    <parm name="ADDR" value="https://DM.contoso.com:443/omadm/WindowsPhone.ashx"/>
    <parm name="CONNRETRYFREQ" value="6"/>
    <parm name="INITIALBACKOFFTIME" value="30000"/>
    <parm name="MAXBACKOFFTIME" value="120000"/>
    <parm name="BACKCOMPATRETRYDISABLED"/>
    <parm name="DEFAULTENCODING" value="application/vnd.syncml.dm+xml"/>
    <parm name="SSLCLIENTCERTSEARCHCRITERIA" value="Subject=DC%3dcom%2cDC%3dmicrosoft%2cCN%3dUsers%2cCN%3dAdministrator&amp;Stores=My%5CUser"/>
    <parm name="ServerList" value="x"/>
    <characteristic type="APPAUTH">
      <parm name="AAUTHLEVEL" value="CLIENT"/>
      <parm name="AAUTHTYPE" value="DIGEST"/>
      <parm name="AAUTHSECRET" value="password1"/>
      <parm name="AAUTHDATA" value="B64encodedBinaryNonceInput"/>
    </characteristic>
    <characteristic type="APPAUTH">
      <parm name="AAUTHLEVEL" value="APPSRV"/>
      <parm name="AAUTHTYPE" value="DIGEST"/>
      <parm name="AAUTHNAME" value="testclient"/>
      <parm name="AAUTHSECRET" value="password2"/>
    </characteristic>
  </characteristic>
  <characteristic type="DMClient">
    <characteristic type="Provider">
      <characteristic type="TestMDMServer">
        <parm name="UPN" value="databaseUPN@contoso.com" datatype="string"/>
        <characteristic type="Poll">
          <parm name="NumberOfFirstRetries" value="8" datatype="integer"/>
          <parm name="IntervalForFirstSetOfRetries" value="15" datatype="integer"/>
        </characteristic>
      </characteristic>
    </characteristic>
  </characteristic>
</wap-provisioningdoc>`;

describe("parseProvisioningDocument", () => {
  it("reads every characteristic and parm, and the typed views", () => {
    const parsed = parseProvisioningDocument(DOCUMENT);
    expect(parsed.kind).toBe("document");
    if (parsed.kind !== "document") return;
    const { document } = parsed;
    expect(document.version).toBe("1.1");
    expect(document.characteristics.map((c) => c.type)).toEqual([
      "CertificateStore",
      "APPLICATION",
      "DMClient",
    ]);
    expect(document.characteristics[0]!.characteristics[0]!.characteristics[0]!.path).toBe(
      "CertificateStore/Root/System",
    );
    expect(document.certificateStore.roots).toEqual([
      {
        store: "Root/System",
        thumbprint: "031336C933CC7E228B88880D78824FB2909A0A2F",
        encoded: "AAAA",
        privateKeyContainer: false,
      },
    ]);
    expect(document.certificateStore.client).toEqual([
      {
        store: "My/User",
        thumbprint: "F9A4F20FC50D990FDD0E3DB9AFCBF401818D5462",
        encoded: "BBBB",
        privateKeyContainer: true,
      },
    ]);
    expect(document.certificateStore.renewal).toEqual({
      robosupport: "true",
      renewPeriod: "60",
      retryInterval: "4",
      renewPeriodName: "RenewPeriod",
    });
    expect(document.application).toMatchObject({
      appId: "w7",
      providerId: "TestMDMServer",
      name: "Microsoft",
      addr: "https://DM.contoso.com:443/omadm/WindowsPhone.ashx",
      connRetryFreq: "6",
      initialBackoffTime: "30000",
      maxBackoffTime: "120000",
      backCompatRetryDisabled: true,
      defaultEncoding: "application/vnd.syncml.dm+xml",
      sslClientCertSearchCriteria:
        "Subject=DC%3dcom%2cDC%3dmicrosoft%2cCN%3dUsers%2cCN%3dAdministrator&Stores=My%5CUser",
      unknownParms: [{ name: "ServerList", value: "x" }],
    });
    expect(document.application?.appAuth).toHaveLength(2);
    expect(document.application?.appAuth[1]).toMatchObject({
      AAUTHLEVEL: "APPSRV",
      AAUTHNAME: "testclient",
    });
    expect(document.dmClient).toEqual([
      {
        providerId: "TestMDMServer",
        settings: {
          UPN: "databaseUPN@contoso.com",
          "Poll/NumberOfFirstRetries": "8",
          "Poll/IntervalForFirstSetOfRetries": "15",
        },
      },
    ]);
  });

  it("reads every CertificateStore block: the federated doc's sample puts Root and My in two", () => {
    const [root, rest] = DOCUMENT.split('    <characteristic type="My">');
    const split = `${root}  </characteristic>
  <characteristic type="CertificateStore">
    <characteristic type="My">${rest}`;
    const parsed = parseProvisioningDocument(split);
    if (parsed.kind !== "document") throw new Error(`not read: ${JSON.stringify(parsed)}`);
    expect(parsed.document.characteristics.map((c) => c.type)).toEqual([
      "CertificateStore",
      "CertificateStore",
      "APPLICATION",
      "DMClient",
    ]);
    const single = parseProvisioningDocument(DOCUMENT);
    expect(single.kind === "document" && single.document.certificateStore).toEqual(
      parsed.document.certificateStore,
    );
    expect(parsed.document.certificateStore.roots.map((c) => c.thumbprint)).toEqual([
      "031336C933CC7E228B88880D78824FB2909A0A2F",
    ]);
    expect(parsed.document.certificateStore.client.map((c) => c.thumbprint)).toEqual([
      "F9A4F20FC50D990FDD0E3DB9AFCBF401818D5462",
    ]);
    expect(parsed.document.certificateStore.renewal?.renewPeriod).toBe("60");
  });

  it("accepts a whole enrollment response and the base64 token alone", () => {
    const fromResponse = parseProvisioningDocument(
      buildEnrollmentResponse({ provisioningXml: DOCUMENT }),
    );
    expect(fromResponse.kind === "document" && fromResponse.from).toBe("enrollment-response");
    expect(fromResponse.kind === "document" && fromResponse.document.application?.providerId).toBe(
      "TestMDMServer",
    );
    const fromToken = parseProvisioningDocument(utf8ToBase64(DOCUMENT));
    expect(fromToken.kind === "document" && fromToken.document.dmClient[0]?.providerId).toBe(
      "TestMDMServer",
    );
  });

  it("reports a fault, a raw ampersand and a wrong root without throwing", () => {
    expect(
      parseProvisioningDocument(buildEnrollmentFault({ subcode: "Authentication" })).kind,
    ).toBe("fault");
    const raw = parseProvisioningDocument(DOCUMENT.replace("&amp;Stores", "&Stores"));
    expect(raw.kind === "invalid" && raw.error).toMatch(
      /not well-formed XML: unterminated entity reference/,
    );
    expect(parseProvisioningDocument("<SyncML/>")).toEqual({
      kind: "invalid",
      error: "the root element is <SyncML>, not <wap-provisioningdoc>",
    });
  });
});

describe("parseSearchCriteria", () => {
  it("decodes the w7 CSP's example, the MS-MDE2 example and several values", () => {
    expect(parseSearchCriteria("Subject=CN%3DTester,O%3DMicrosoft&Stores=My%5CUser")).toEqual({
      subjects: ["CN=Tester,O=Microsoft"],
      stores: ["My\\User"],
      ignored: [],
      undecodable: [],
    });
    expect(
      parseSearchCriteria(
        "Subject=DC%3dcom%2cDC%3dmicrosoft%2cCN%3dUsers%2cCN%3dAdministrator&Stores=My%5CUser",
      ).subjects,
    ).toEqual(["DC=com,DC=microsoft,CN=Users,CN=Administrator"]);
    expect(parseSearchCriteria("Stores=My%5CUser%EF%80%80My%5CSystem&Issuer=x").stores).toEqual([
      "My\\User",
      "My\\System",
    ]);
    expect(parseSearchCriteria("Subject=%E0%A4%A").undecodable).toEqual(["Subject=%E0%A4%A"]);
  });
});

// Key generation takes seconds on a busy machine.
describe("summarizeCertificate", { timeout: 30_000 }, () => {
  it("gives subject, issuer, dates and the SHA-1 thumbprint in upper-case hex", async () => {
    const ca = await makeCa("CN=Summary Root");
    const summary = await summarizeCertificate(ca.certificate.toString("pem"));
    const sha1 = toHex(new Uint8Array(await crypto.subtle.digest("SHA-1", ca.certificate.rawData)));
    expect(summary).toMatchObject({
      subject: "CN=Summary Root",
      issuer: "CN=Summary Root",
      thumbprint: sha1,
      selfSigned: true,
      keyAlgorithm: "RSASSA-PKCS1-v1_5",
      keyLength: 2048,
    });
    expect(summary.thumbprint).toMatch(/^[0-9A-F]{40}$/);
    expect(summary.notBefore).toBe(ca.certificate.notBefore.toISOString());
    expect(await summarizeCertificate(new Uint8Array(ca.certificate.rawData))).toEqual(summary);
  });
});
