/**
 * The answers of the test enrollment server, written from MS-MDE2 §4 (the Discover, GetPolicies
 * and RequestSecurityToken samples), MS-XCEP §3.1.4.1 and the provisioning document of MS-MDE2
 * §2.2.9, independently of winenroll's own builders and parsers.
 */

export const NS = {
  soap: "http://www.w3.org/2003/05/soap-envelope",
  addressing: "http://www.w3.org/2005/08/addressing",
  secext: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
  utility: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
  trust: "http://docs.oasis-open.org/ws-sx/ws-trust/200512",
  discovery: "http://schemas.microsoft.com/windows/management/2012/01/enrollment",
  policy: "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy",
  enrollment: "http://schemas.microsoft.com/windows/pki/2009/01/enrollment",
} as const;

export const URI = {
  discoverResponse: `${NS.discovery}/IDiscoveryService/DiscoverResponse`,
  getPolicies: `${NS.policy}/IPolicy/GetPolicies`,
  rst: `${NS.enrollment}/RST/wstep`,
  rstrc: `${NS.enrollment}/RSTRC/wstep`,
  userToken:
    "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentUserToken",
  deviceToken:
    "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentToken",
  provisionDoc:
    "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc",
  pkcs10: `${NS.enrollment}#PKCS10`,
  base64: `${NS.secext}#base64binary`,
  x509v3: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3",
  issue: `${NS.trust}/Issue`,
} as const;

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`,
  );
}

function envelope(action: string, relatesTo: string | undefined, body: string): string {
  const now = new Date();
  return `<s:Envelope xmlns:s="${NS.soap}" xmlns:a="${NS.addressing}" xmlns:u="${NS.utility}"><s:Header><a:Action s:mustUnderstand="1">${action}</a:Action>${
    relatesTo ? `<a:RelatesTo>${escapeXml(relatesTo)}</a:RelatesTo>` : ""
  }<o:Security s:mustUnderstand="1" xmlns:o="${NS.secext}"><u:Timestamp u:Id="_0"><u:Created>${now.toISOString()}</u:Created><u:Expires>${new Date(now.getTime() + 300_000).toISOString()}</u:Expires></u:Timestamp></o:Security></s:Header><s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${body}</s:Body></s:Envelope>`;
}

export interface DiscoverAnswer {
  readonly authPolicy: "OnPremise" | "Federated" | "Certificate";
  readonly enrollmentVersion: string;
  readonly policyUrl?: string;
  readonly enrollmentUrl: string;
  readonly authenticationUrl?: string;
}

/** DiscoverResponse (MS-MDE2 §3.1.4.1.1.2, §4.1.2). */
export function discoverResponse(answer: DiscoverAnswer, relatesTo?: string): string {
  const field = (name: string, value: string | undefined) =>
    value === undefined ? "" : `<${name}>${escapeXml(value)}</${name}>`;
  return envelope(
    URI.discoverResponse,
    relatesTo,
    `<DiscoverResponse xmlns="${NS.discovery}"><DiscoverResult>${field("AuthPolicy", answer.authPolicy)}${field(
      "EnrollmentVersion",
      answer.enrollmentVersion,
    )}${field("EnrollmentPolicyServiceUrl", answer.policyUrl)}${field(
      "EnrollmentServiceUrl",
      answer.enrollmentUrl,
    )}${field("AuthenticationServiceUrl", answer.authenticationUrl)}</DiscoverResult></DiscoverResponse>`,
  );
}

/** The certificate policy a scenario serves: what key and signature hash the device must use. */
export interface CertificatePolicy {
  readonly minimalKeyLength: number;
  /** The hash the policy names, or null for a nil hashAlgorithmOIDReference (the device uses SHA-1). */
  readonly hash: "SHA-256" | "SHA-384" | null;
}

const HASH_OIDS = { "SHA-256": "2.16.840.1.101.3.4.2.1", "SHA-384": "2.16.840.1.101.3.4.2.2" };

/** GetPoliciesResponse (MS-XCEP §3.1.4.1.2.2; element order is the schema's sequence). */
export function policiesResponse(policy: CertificatePolicy, relatesTo?: string): string {
  const nil = (name: string) => `<${name} xsi:nil="true"/>`;
  const hashOid = policy.hash
    ? `<oID><value>${HASH_OIDS[policy.hash]}</value><group>1</group><oIDReferenceID>1</oIDReferenceID><defaultName>szOID_NIST_${policy.hash.replace("-", "").toLowerCase()}</defaultName></oID>`
    : "";
  return envelope(
    `${URI.getPolicies}Response`,
    relatesTo,
    `<GetPoliciesResponse xmlns="${NS.policy}"><response><policyID>winenroll-test-policy</policyID>${nil(
      "policyFriendlyName",
    )}<nextUpdateHours>8</nextUpdateHours>${nil("policiesNotChanged")}<policies><policy><policyOIDReference>0</policyOIDReference>${nil(
      "cAs",
    )}<attributes><commonName>WinEnrollTestTemplate</commonName><policySchema>3</policySchema><certificateValidity><validityPeriodSeconds>31536000</validityPeriodSeconds><renewalPeriodSeconds>3628800</renewalPeriodSeconds></certificateValidity><permission><enroll>true</enroll><autoEnroll>false</autoEnroll></permission><privateKeyAttributes><minimalKeyLength>${policy.minimalKeyLength}</minimalKeyLength>${nil(
      "keySpec",
    )}${nil("keyUsageProperty")}${nil("permissions")}${nil("algorithmOIDReference")}${nil(
      "cryptoProviders",
    )}</privateKeyAttributes><revision><majorRevision>101</majorRevision><minorRevision>0</minorRevision></revision>${nil(
      "supersededPolicies",
    )}${nil("privateKeyFlags")}${nil("subjectNameFlags")}${nil("enrollmentFlags")}${nil("generalFlags")}${
      policy.hash
        ? "<hashAlgorithmOIDReference>1</hashAlgorithmOIDReference>"
        : nil("hashAlgorithmOIDReference")
    }${nil("rARequirements")}${nil("keyArchivalAttributes")}${nil("extensions")}</attributes></policy></policies></response>${nil(
      "cAs",
    )}<oIDs><oID><value>1.3.6.1.4.1.311.21.8.1.1.1.1</value><group>9</group><oIDReferenceID>0</oIDReferenceID><defaultName>WinEnrollTestTemplate</defaultName></oID>${hashOid}</oIDs></GetPoliciesResponse>`,
  );
}

/** RequestSecurityTokenResponseCollection carrying `token` (MS-MDE2 §3.4.4.1.1.2, §4.3.2). */
export function tokenResponse(token: string, relatesTo?: string): string {
  return envelope(
    URI.rstrc,
    relatesTo,
    `<RequestSecurityTokenResponseCollection xmlns="${NS.trust}"><RequestSecurityTokenResponse><TokenType>${URI.deviceToken}</TokenType><DispositionMessage xmlns="${NS.enrollment}"/><RequestedSecurityToken><BinarySecurityToken ValueType="${URI.provisionDoc}" EncodingType="${URI.base64}" xmlns="${NS.secext}">${token}</BinarySecurityToken></RequestedSecurityToken><RequestID xmlns="${NS.enrollment}">0</RequestID></RequestSecurityTokenResponse></RequestSecurityTokenResponseCollection>`,
  );
}

export interface FaultAnswer {
  /** `s` or `a`, as MS-MDE2 §2.2.10's table writes the subcode. */
  readonly namespace: "s" | "a";
  readonly subcode: string;
  /** DeviceEnrollmentServiceError/ErrorType, for the detailed faults. */
  readonly errorType?: string;
  readonly reason: string;
}

/** A SOAP 1.2 fault in the MS-MDE2 §2.2.10 shape. */
export function faultResponse(fault: FaultAnswer, relatesTo?: string): string {
  const detail = fault.errorType
    ? `<s:Detail><DeviceEnrollmentServiceError xmlns="${NS.enrollment}"><ErrorType>${fault.errorType}</ErrorType><Message>${escapeXml(fault.reason)}</Message><TraceId>6a2b1e0c-test</TraceId></DeviceEnrollmentServiceError></s:Detail>`
    : "";
  return envelope(
    URI.rstrc,
    relatesTo,
    `<s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>${fault.namespace}:${fault.subcode}</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">${escapeXml(fault.reason)}</s:Text></s:Reason>${detail}</s:Fault>`,
  );
}

/** What goes into one provisioning document; each hostile scenario changes one field. */
export interface ProvisioningContent {
  /** Thumbprint and base64 DER of the root, or undefined to leave the root out (`noroot`). */
  readonly root?: { readonly thumbprint: string; readonly der: string };
  readonly client: { readonly thumbprint: string; readonly der: string };
  /** `User` for a full enrolment, `System` for a device enrolment (MS-MDE2 §2.2.9.1). */
  readonly store: "User" | "System";
  readonly providerId: string;
  readonly addr: string;
  readonly deviceId: string;
  /** Root and My in two CertificateStore characteristics, as the federated doc's sample has them. */
  readonly splitStores?: boolean;
}

const parm = (name: string, value?: string, datatype?: string) =>
  `<parm name="${name}"${value === undefined ? "" : ` value="${escapeXml(value)}"`}${datatype ? ` datatype="${datatype}"` : ""}/>`;
const characteristic = (type: string, inner: string) =>
  `<characteristic type="${escapeXml(type)}">${inner}</characteristic>`;

/**
 * A wap-provisioningdoc as MS-MDE2 §2.2.9 and the federated enrollment doc lay it out:
 * CertificateStore Root/System and My/User or My/System with PrivateKeyContainer and the WSTEP renewal settings, the w7
 * APPLICATION with both APPAUTH levels, and the DMClient Provider node.
 */
export function provisioningDocument(content: ProvisioningContent): string {
  const root = content.root
    ? characteristic(
        "Root",
        characteristic(
          "System",
          characteristic(content.root.thumbprint, parm("EncodedCertificate", content.root.der)),
        ),
      )
    : "";
  const my = characteristic(
    "My",
    characteristic(
      content.store,
      characteristic(content.client.thumbprint, parm("EncodedCertificate", content.client.der)) +
        characteristic("PrivateKeyContainer", ""),
    ) +
      characteristic(
        "WSTEP",
        characteristic(
          "Renew",
          parm("ROBOSupport", "true", "boolean") +
            parm("RenewPeriod", "42", "integer") +
            parm("RetryInterval", "7", "integer"),
        ),
      ),
  );
  // Most servers send one CertificateStore; the federated enrollment doc's sample sends two.
  const stores = content.splitStores
    ? (root ? characteristic("CertificateStore", root) : "") +
      characteristic("CertificateStore", my)
    : characteristic("CertificateStore", root + my);
  const criteria = `Subject=${encodeURIComponent(`CN=${content.deviceId}`)}&Stores=${encodeURIComponent(`My\\${content.store}`)}`;
  const w7 = characteristic(
    "APPLICATION",
    parm("APPID", "w7") +
      parm("PROVIDER-ID", content.providerId) +
      parm("NAME", "winenroll test MDM") +
      parm("ADDR", content.addr) +
      parm("CONNRETRYFREQ", "6") +
      parm("INITIALBACKOFFTIME", "30000") +
      parm("MAXBACKOFFTIME", "120000") +
      parm("BACKCOMPATRETRYDISABLED") +
      parm("DEFAULTENCODING", "application/vnd.syncml.dm+xml") +
      parm("SSLCLIENTCERTSEARCHCRITERIA", criteria) +
      characteristic(
        "APPAUTH",
        parm("AAUTHLEVEL", "CLIENT") +
          parm("AAUTHTYPE", "DIGEST") +
          parm("AAUTHSECRET", "server-secret") +
          parm("AAUTHDATA", Buffer.from("server nonce").toString("base64")),
      ) +
      characteristic(
        "APPAUTH",
        parm("AAUTHLEVEL", "APPSRV") +
          parm("AAUTHTYPE", "DIGEST") +
          parm("AAUTHNAME", content.deviceId) +
          parm("AAUTHSECRET", "device-secret") +
          parm("AAUTHDATA", Buffer.from("client nonce").toString("base64")),
      ),
  );
  const dmClient = characteristic(
    "DMClient",
    characteristic(
      "Provider",
      characteristic(
        content.providerId,
        parm("EntDMID", content.deviceId, "string") +
          parm("EntDeviceName", "winenroll test device", "string") +
          characteristic(
            "Poll",
            parm("IntervalForFirstSetOfRetries", "15", "integer") +
              parm("NumberOfFirstRetries", "5", "integer") +
              parm("IntervalForSecondSetOfRetries", "60", "integer") +
              parm("NumberOfSecondRetries", "8", "integer") +
              parm("IntervalForRemainingScheduledRetries", "1440", "integer") +
              parm("NumberOfRemainingScheduledRetries", "0", "integer") +
              parm("PollOnLogin", "true", "boolean"),
          ),
      ),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?><wap-provisioningdoc version="1.1">${stores}${w7}${dmClient}</wap-provisioningdoc>`;
}
