import { decodeCertificate, thumbprintOf } from "./certificate.js";
import { toBase64, utf8ToBase64 } from "./encoding.js";
import { ENROLLMENT_NAMESPACES, ENROLLMENT_URIS } from "./protocol.js";
import { escapeXml } from "./soap.js";
import type {
  EnrollmentFaultOptions,
  EnrollmentResponseOptions,
  PolicyResponseOptions,
  ProvisioningDocumentOptions,
  SoapVersion,
} from "./types.js";

const { s, soap11, a, xcep, wst, wsse, wstep, xsi, xsd } = ENROLLMENT_NAMESPACES;

function envelope(
  soapVersion: SoapVersion,
  action: string,
  relatesTo: string | undefined,
  body: string,
): string {
  const soap = soapVersion === "1.1" ? soap11 : s;
  return `<s:Envelope xmlns:s="${soap}" xmlns:a="${a}">
  <s:Header>
    <a:Action s:mustUnderstand="1">${action}</a:Action>${relatesTo ? `\n    <a:RelatesTo>${escapeXml(relatesTo)}</a:RelatesTo>` : ""}
  </s:Header>
  <s:Body>
${body}
  </s:Body>
</s:Envelope>
`;
}

/**
 * Writes a GetPoliciesResponse as the MS-MDE2 samples write it (one policy, schema 3), for
 * reference servers and tests.
 *
 * @example
 * const xml = buildPolicyResponse({ minimalKeyLength: 3072, hashOid: "2.16.840.1.101.3.4.2.1" });
 */
export function buildPolicyResponse(options: PolicyResponseOptions = {}): string {
  const hashOid = options.hashOid === undefined ? null : options.hashOid;
  const hashReference =
    hashOid === null
      ? `<hashAlgorithmOIDReference xsi:nil="true"/>`
      : "<hashAlgorithmOIDReference>1</hashAlgorithmOIDReference>";
  const hashOidElement =
    hashOid === null
      ? ""
      : `
        <oID>
          <value>${escapeXml(hashOid)}</value>
          <group>1</group>
          <oIDReferenceID>1</oIDReferenceID>
          <defaultName>hash</defaultName>
        </oID>`;
  const body = `    <GetPoliciesResponse xmlns="${xcep}" xmlns:xsi="${xsi}" xmlns:xsd="${xsd}">
      <response>
        <policyID/>
        <policyFriendlyName xsi:nil="true"/>
        <nextUpdateHours xsi:nil="true"/>
        <policiesNotChanged xsi:nil="true"/>
        <policies>
          <policy>
            <policyOIDReference>0</policyOIDReference>
            <cAs xsi:nil="true"/>
            <attributes>
              <commonName>${escapeXml(options.templateName ?? "CEPUnitTest")}</commonName>
              <policySchema>3</policySchema>
              <certificateValidity>
                <validityPeriodSeconds>1209600</validityPeriodSeconds>
                <renewalPeriodSeconds>172800</renewalPeriodSeconds>
              </certificateValidity>
              <permission>
                <enroll>true</enroll>
                <autoEnroll>false</autoEnroll>
              </permission>
              <privateKeyAttributes>
                <minimalKeyLength>${options.minimalKeyLength ?? 2048}</minimalKeyLength>
                <keySpec xsi:nil="true"/>
                <keyUsageProperty xsi:nil="true"/>
                <permissions xsi:nil="true"/>
                <algorithmOIDReference xsi:nil="true"/>
                <cryptoProviders xsi:nil="true"/>
              </privateKeyAttributes>
              <revision>
                <majorRevision>101</majorRevision>
                <minorRevision>0</minorRevision>
              </revision>
              <supersededPolicies xsi:nil="true"/>
              <privateKeyFlags xsi:nil="true"/>
              <subjectNameFlags xsi:nil="true"/>
              <enrollmentFlags xsi:nil="true"/>
              <generalFlags xsi:nil="true"/>
              ${hashReference}
              <rARequirements xsi:nil="true"/>
              <keyArchivalAttributes xsi:nil="true"/>
              <extensions xsi:nil="true"/>
            </attributes>
          </policy>
        </policies>
      </response>
      <cAs xsi:nil="true"/>
      <oIDs>
        <oID>
          <value>1.3.14.3.2.29</value>
          <group>4</group>
          <oIDReferenceID>0</oIDReferenceID>
          <defaultName>szOID_OIWSEC_sha1RSASign</defaultName>
        </oID>${hashOidElement}
      </oIDs>
    </GetPoliciesResponse>`;
  return envelope(
    options.soapVersion ?? "1.2",
    ENROLLMENT_URIS.getPoliciesResponseAction.uri,
    options.relatesTo,
    body,
  );
}

async function certificateParts(
  certificate: string,
): Promise<{ thumbprint: string; base64: string }> {
  const cert = decodeCertificate(certificate);
  return { thumbprint: await thumbprintOf(cert), base64: toBase64(new Uint8Array(cert.rawData)) };
}

function storeXml(path: readonly string[], inner: string): string {
  return path.reduceRight(
    (acc, type) => `<characteristic type="${type}">${acc}</characteristic>`,
    inner,
  );
}

/**
 * Writes a wap-provisioningdoc: the root, the client certificate with its PrivateKeyContainer, the
 * renewal settings, the w7 APPLICATION and the DMClient provider. Async because thumbprints are
 * SHA-1 digests made with WebCrypto.
 *
 * @example
 * const xml = await buildProvisioningDocument({
 *   rootCertificate: rootPem, clientCertificate: issuedPem,
 *   providerId: "Contoso MDM", addr: "https://mdm.contoso.com/ManagementServer/MDM.svc",
 * });
 */
export async function buildProvisioningDocument(
  options: ProvisioningDocumentOptions,
): Promise<string> {
  const client = await certificateParts(options.clientCertificate);
  const [clientStore, clientContext] = (options.clientStore ?? "My/User").split("/") as [
    string,
    string,
  ];
  const parts: string[] = [];
  if (options.rootCertificate) {
    const root = await certificateParts(options.rootCertificate);
    parts.push(
      storeXml(
        ["Root", "System", root.thumbprint],
        `<parm name="EncodedCertificate" value="${root.base64}"/>`,
      ),
    );
  }
  if (options.intermediateCertificate) {
    const ca = await certificateParts(options.intermediateCertificate);
    parts.push(
      storeXml(
        ["CA", "System", ca.thumbprint],
        `<parm name="EncodedCertificate" value="${ca.base64}"/>`,
      ),
    );
  }
  const renewal =
    options.renewal === false
      ? ""
      : `<characteristic type="WSTEP"><characteristic type="Renew"><parm name="ROBOSupport" value="true" datatype="boolean"/><parm name="RenewPeriod" value="42" datatype="integer"/><parm name="RetryInterval" value="7" datatype="integer"/></characteristic></characteristic>`;
  parts.push(
    `<characteristic type="${clientStore}"><characteristic type="${clientContext}"><characteristic type="${client.thumbprint}"><parm name="EncodedCertificate" value="${client.base64}"/></characteristic><characteristic type="PrivateKeyContainer"/></characteristic>${renewal}</characteristic>`,
  );
  const criteria =
    options.sslClientCertSearchCriteria === null
      ? ""
      : `\n    <parm name="SSLCLIENTCERTSEARCHCRITERIA" value="${escapeXml(options.sslClientCertSearchCriteria ?? `Subject=CN%3d${encodeURIComponent(decodeCertificate(options.clientCertificate).subjectName.getField("CN")[0] ?? "")}&Stores=${clientStore}%5C${clientContext}`)}"/>`;
  const provider = escapeXml(options.dmClientProviderId ?? options.providerId);
  return `<wap-provisioningdoc version="1.1">
  <characteristic type="CertificateStore">
    ${parts.join("\n    ")}
  </characteristic>
  <characteristic type="APPLICATION">
    <parm name="APPID" value="w7"/>
    <parm name="PROVIDER-ID" value="${escapeXml(options.providerId)}"/>
    <parm name="NAME" value="${escapeXml(options.name ?? options.providerId)}"/>
    <parm name="ADDR" value="${escapeXml(options.addr)}"/>
    <parm name="CONNRETRYFREQ" value="6"/>
    <parm name="INITIALBACKOFFTIME" value="30000"/>
    <parm name="MAXBACKOFFTIME" value="120000"/>
    <parm name="BACKCOMPATRETRYDISABLED"/>
    <parm name="DEFAULTENCODING" value="application/vnd.syncml.dm+xml"/>${criteria}
  </characteristic>
  <characteristic type="DMClient">
    <characteristic type="Provider">
      <characteristic type="${provider}">
        <characteristic type="Poll">
          <parm name="NumberOfFirstRetries" value="8" datatype="integer"/>
          <parm name="IntervalForFirstSetOfRetries" value="15" datatype="integer"/>
          <parm name="NumberOfSecondRetries" value="5" datatype="integer"/>
          <parm name="IntervalForSecondSetOfRetries" value="60" datatype="integer"/>
          <parm name="NumberOfRemainingScheduledRetries" value="0" datatype="integer"/>
          <parm name="IntervalForRemainingScheduledRetries" value="1560" datatype="integer"/>
          <parm name="PollOnLogin" value="true" datatype="boolean"/>
        </characteristic>
      </characteristic>
    </characteristic>
  </characteristic>
</wap-provisioningdoc>
`;
}

/**
 * Wraps a provisioning document in the RequestSecurityTokenResponseCollection envelope.
 *
 * @example
 * const xml = buildEnrollmentResponse({ provisioningXml: doc, relatesTo: request.messageId });
 */
export function buildEnrollmentResponse(options: EnrollmentResponseOptions): string {
  const body = `    <RequestSecurityTokenResponseCollection xmlns="${wst}">
      <RequestSecurityTokenResponse>
        <TokenType>${ENROLLMENT_URIS.deviceEnrollmentTokenType.uri}</TokenType>
        <DispositionMessage xmlns="${wstep}"/>
        <RequestedSecurityToken>
          <BinarySecurityToken xmlns="${wsse}" ValueType="${ENROLLMENT_URIS.provisionDocValueType.uri}" EncodingType="${ENROLLMENT_URIS.base64Encoding.uri}">${utf8ToBase64(options.provisioningXml)}</BinarySecurityToken>
        </RequestedSecurityToken>
        <RequestID xmlns="${wstep}">${escapeXml(options.requestId ?? "0")}</RequestID>
      </RequestSecurityTokenResponse>
    </RequestSecurityTokenResponseCollection>`;
  return envelope(
    options.soapVersion ?? "1.2",
    ENROLLMENT_URIS.rstrcAction.uri,
    options.relatesTo,
    body,
  );
}

/**
 * Writes an MS-MDE2 SOAP fault (subcode, reason and optional DeviceEnrollmentServiceError detail).
 *
 * @example
 * const xml = buildEnrollmentFault({ subcode: "Authentication", reason: "Bad password" });
 */
export function buildEnrollmentFault(options: EnrollmentFaultOptions): string {
  const prefix = options.namespace ?? "s";
  const detail = options.errorType
    ? `
        <s:Detail>
          <DeviceEnrollmentServiceError xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment">
            <ErrorType>${escapeXml(options.errorType)}</ErrorType>
            <Message>${escapeXml(options.message ?? options.errorType)}</Message>
            <TraceId>2493ee37-beeb-4cb9-833c-cadde9067676</TraceId>
          </DeviceEnrollmentServiceError>
        </s:Detail>`
    : "";
  const body = `      <s:Fault>
        <s:Code>
          <s:Value>s:Receiver</s:Value>
          <s:Subcode>
            <s:Value>${prefix}:${escapeXml(options.subcode)}</s:Value>
          </s:Subcode>
        </s:Code>
        <s:Reason>
          <s:Text xml:lang="en-US">${escapeXml(options.reason ?? options.subcode)}</s:Text>
        </s:Reason>${detail}
      </s:Fault>`;
  return envelope(options.soapVersion ?? "1.2", `${wstep}/rstrc/wstep`, options.relatesTo, body);
}
