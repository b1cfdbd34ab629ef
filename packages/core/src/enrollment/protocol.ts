/**
 * The enrollment protocol as data: namespaces, URI constants and the elements of each message, each
 * with its source. The builders and parsers read these; the docs' protocol reference renders them.
 */
import { SOAP11_NAMESPACE, SOAP12_NAMESPACE } from "../discovery/request.js";
import type { Citation } from "../sources/sources.js";

export interface ProtocolUri {
  /** The name winenroll uses for it. */
  readonly name: string;
  readonly uri: string;
  /** Where it appears, in a few words. */
  readonly use: string;
  readonly source: Citation;
  /** Other spellings sources give, and which source gives them. */
  readonly variants?: readonly { readonly uri: string; readonly note: string }[];
}

const mde2 = (section: string): Citation => ({ doc: "ms-mde2", section });
const capture: Citation = { doc: "fleet-windows-capture" };

/** The XML namespaces of the policy and enrollment messages, by the prefix Windows writes. */
export const ENROLLMENT_NAMESPACES = {
  s: SOAP12_NAMESPACE,
  soap11: SOAP11_NAMESPACE,
  a: "http://www.w3.org/2005/08/addressing",
  u: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd",
  wsse: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd",
  wst: "http://docs.oasis-open.org/ws-sx/ws-trust/200512",
  ac: "http://schemas.xmlsoap.org/ws/2006/12/authorization",
  xcep: "http://schemas.microsoft.com/windows/pki/2009/01/enrollmentpolicy",
  wstep: "http://schemas.microsoft.com/windows/pki/2009/01/enrollment",
  ds: "http://www.w3.org/2000/09/xmldsig#",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xsd: "http://www.w3.org/2001/XMLSchema",
} as const;

const ns = ENROLLMENT_NAMESPACES;

/** Every URI constant the two steps use, exactly as the samples write them. */
export const ENROLLMENT_URIS = {
  getPoliciesAction: {
    name: "GetPolicies action",
    uri: `${ns.xcep}/IPolicy/GetPolicies`,
    use: "a:Action of the policy request",
    source: mde2("3.3.4.1 GetPolicies"),
  },
  getPoliciesResponseAction: {
    name: "GetPoliciesResponse action",
    uri: `${ns.xcep}/IPolicy/GetPoliciesResponse`,
    use: "a:Action of the policy response",
    source: { doc: "ms-xcep", section: "3.1.4.1 GetPolicies" },
  },
  rstAction: {
    name: "RequestSecurityToken action",
    uri: `${ns.wstep}/RST/wstep`,
    use: "a:Action of the enrollment request",
    source: mde2("3.4.4.1 RequestSecurityToken"),
  },
  rstrcAction: {
    name: "RequestSecurityTokenResponseCollection action",
    uri: `${ns.wstep}/RSTRC/wstep`,
    use: "a:Action of the enrollment response",
    source: mde2("3.4.4.1 RequestSecurityToken"),
    variants: [
      {
        uri: `${ns.wstep}/rstrc/wstep`,
        note: "all lower case in the MS-MDE2 fault sample (2.2.10) and the Microsoft Learn samples",
      },
    ],
  },
  userTokenValueType: {
    name: "DeviceEnrollmentUserToken",
    uri: "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentUserToken",
    use: "ValueType of the federated token in the WS-Security header",
    source: mde2("3.3.4.1.1.1 Federated authentication"),
  },
  deviceEnrollmentTokenType: {
    name: "DeviceEnrollmentToken",
    uri: "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentToken",
    use: "wst:TokenType of the request and of the response",
    source: mde2("3.4.4.1.1.1 wst:RequestSecurityToken"),
  },
  provisionDocValueType: {
    name: "DeviceEnrollmentProvisionDoc",
    uri: "http://schemas.microsoft.com/5.0.0.0/ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc",
    use: "ValueType of the BinarySecurityToken holding the provisioning document",
    source: mde2("3.4.4.1.1.2 wst:RequestSecurityTokenResponseCollection"),
    variants: [
      {
        uri: "http://schemas.microsoft.com/ConfigurationManager/Enrollment/DeviceEnrollmentProvisionDoc",
        note: "in the federated enrollment doc's prose (its sample has the 5.0.0.0 form)",
      },
    ],
  },
  pkcs10ValueType: {
    name: "PKCS10",
    uri: `${ns.wstep}#PKCS10`,
    use: "ValueType of the BinarySecurityToken holding the certificate request",
    source: mde2("3.4.4.1.1.1 wst:RequestSecurityToken"),
  },
  base64Encoding: {
    name: "base64binary",
    uri: `${ns.wsse}#base64binary`,
    use: "EncodingType of every BinarySecurityToken",
    source: mde2("3.4.4.1.1.1 wst:RequestSecurityToken"),
  },
  x509v3ValueType: {
    name: "X509v3",
    uri: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3",
    use: "ValueType of the client certificate in the signed Certificate header",
    source: mde2("3.3.4.1.1.1.2 Certificate authentication"),
  },
  passwordText: {
    name: "PasswordText",
    uri: "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText",
    use: "Type of wsse:Password in the OnPremise UsernameToken",
    source: mde2("3.3.4.1.1.1.1 On-premise authentication"),
  },
  issueRequestType: {
    name: "Issue",
    uri: `${ns.wst}/Issue`,
    use: "wst:RequestType of a first enrollment",
    source: { doc: "ms-wstep", section: "3.1.4.1.2.7 RequestType" },
  },
  anonymousReplyTo: {
    name: "anonymous",
    uri: "http://www.w3.org/2005/08/addressing/anonymous",
    use: "a:ReplyTo/a:Address of every request",
    source: mde2("4.2.1 and 4.3.1 samples"),
  },
} as const satisfies Record<string, ProtocolUri>;

/** The literal u:Id MS-MDE2 gives the OnPremise UsernameToken. */
export const USERNAME_TOKEN_ID = "uuid-cc1ccc1f-2fba-4bcf-b063-ffc0cac77917-4";

/** What Windows sends on the HTTP level with both SOAP requests. */
export const ENROLLMENT_HTTP_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/soap+xml; charset=utf-8",
  "User-Agent": "ENROLLClient",
  "Accept-Encoding": "gzip",
};

/** One element of one message, for the protocol reference. */
export interface ProtocolElement {
  readonly message:
    | "GetPolicies request"
    | "GetPolicies response"
    | "RequestSecurityToken"
    | "RequestSecurityTokenResponseCollection"
    | "SOAP fault";
  /** Path from the SOAP Body or Header, with the prefixes the samples use. */
  readonly path: string;
  readonly namespace: string;
  readonly required: boolean;
  /** What it carries, in winenroll's words. */
  readonly meaning: string;
  readonly source: Citation;
}

const xcep = (section: string): Citation => ({ doc: "ms-xcep", section });
const wstep = (section: string): Citation => ({ doc: "ms-wstep", section });

/** The elements of the four messages and the fault, in document order. */
export const PROTOCOL_ELEMENTS: readonly ProtocolElement[] = [
  // Headers shared by both requests
  ...(["GetPolicies request", "RequestSecurityToken"] as const).flatMap(
    (message): ProtocolElement[] => [
      {
        message,
        path: "s:Header/a:Action",
        namespace: ns.a,
        required: true,
        meaning: `The operation, with s:mustUnderstand="1".`,
        source: mde2("4.2.1 and 4.3.1 samples"),
      },
      {
        message,
        path: "s:Header/a:MessageID",
        namespace: ns.a,
        required: true,
        meaning: "urn:uuid: identifier; the answer's a:RelatesTo repeats it.",
        source: mde2("4.2.1 and 4.3.1 samples"),
      },
      {
        message,
        path: "s:Header/a:ReplyTo/a:Address",
        namespace: ns.a,
        required: true,
        meaning: "Always the WS-Addressing anonymous address.",
        source: mde2("4.2.1 and 4.3.1 samples"),
      },
      {
        message,
        path: "s:Header/a:To",
        namespace: ns.a,
        required: true,
        meaning: "The URL the request is posted to, as the Discover response named it.",
        source: capture,
      },
      {
        message,
        path: "s:Header/wsse:Security",
        namespace: ns.wsse,
        required: true,
        meaning:
          "The credential: a UsernameToken (OnPremise), a BinarySecurityToken with the federated token (Federated), or nothing or a signed X509v3 token (Certificate).",
        source: mde2("3.3.4.1.1.1 and 3.4.4.1.1.1"),
      },
    ],
  ),
  {
    message: "GetPolicies request",
    path: "s:Body/GetPolicies/client/lastUpdate",
    namespace: ns.xcep,
    required: true,
    meaning: 'xsi:nil="true": ask for the full set of policies.',
    source: mde2("3.3.4.1.1.1 GetPolicies request"),
  },
  {
    message: "GetPolicies request",
    path: "s:Body/GetPolicies/client/preferredLanguage",
    namespace: ns.xcep,
    required: true,
    meaning: 'xsi:nil="true".',
    source: mde2("3.3.4.1.1.1 GetPolicies request"),
  },
  {
    message: "GetPolicies request",
    path: "s:Body/GetPolicies/requestFilter",
    namespace: ns.xcep,
    required: true,
    meaning: 'xsi:nil="true": no filter.',
    source: xcep("3.1.4.1.3.9 Client; 3.1.4.1.2.1 GetPolicies"),
  },
  {
    message: "GetPolicies response",
    path: "s:Body/GetPoliciesResponse/response/policies/policy/attributes/commonName",
    namespace: ns.xcep,
    required: false,
    meaning: "The certificate template's name.",
    source: xcep("3.1.4.1.3.1 Attributes"),
  },
  {
    message: "GetPolicies response",
    path: "…/attributes/policySchema",
    namespace: ns.xcep,
    required: true,
    meaning: "Template schema version; MS-MDE2 requires 3.",
    source: mde2("3.3.4.1.1.2 GetPoliciesResponse"),
  },
  {
    message: "GetPolicies response",
    path: "…/attributes/privateKeyAttributes/minimalKeyLength",
    namespace: ns.xcep,
    required: true,
    meaning: "The smallest key, in bits, the device may make; Windows honours it.",
    source: xcep("3.1.4.1.3.20 PrivateKeyAttributes"),
  },
  {
    message: "GetPolicies response",
    path: "…/attributes/privateKeyAttributes/cryptoProviders/provider",
    namespace: ns.xcep,
    required: false,
    meaning: "Key storage providers in order of preference; Windows takes the first.",
    source: { doc: "wid-federated-enrollment", section: "Enrollment policy web service" },
  },
  {
    message: "GetPolicies response",
    path: "…/attributes/hashAlgorithmOIDReference",
    namespace: ns.xcep,
    required: false,
    meaning:
      "Reference to the hash OID (in oIDs) to sign the request with; nil means Windows' default.",
    source: mde2("3.3.4.1.1.2 GetPoliciesResponse"),
  },
  {
    message: "GetPolicies response",
    path: "s:Body/GetPoliciesResponse/oIDs/oID",
    namespace: ns.xcep,
    required: true,
    meaning: "Each OID the policies refer to: value, group, oIDReferenceID, defaultName.",
    source: xcep("3.1.4.1.3.16 OID"),
  },
  {
    message: "RequestSecurityToken",
    path: "s:Body/wst:RequestSecurityToken/wst:TokenType",
    namespace: ns.wst,
    required: true,
    meaning:
      "DeviceEnrollmentToken: the answer is a provisioning document, not a bare certificate.",
    source: mde2("3.4.4.1.1.1 wst:RequestSecurityToken"),
  },
  {
    message: "RequestSecurityToken",
    path: "s:Body/wst:RequestSecurityToken/wst:RequestType",
    namespace: ns.wst,
    required: true,
    meaning: "Issue for a first enrollment.",
    source: wstep("3.1.4.1.2.7 RequestType"),
  },
  {
    message: "RequestSecurityToken",
    path: "s:Body/wst:RequestSecurityToken/wsse:BinarySecurityToken",
    namespace: ns.wsse,
    required: true,
    meaning: "The PKCS#10 request, base64 DER, ValueType PKCS10, EncodingType base64binary.",
    source: mde2("3.4.4.1.1.1 wst:RequestSecurityToken"),
  },
  {
    message: "RequestSecurityToken",
    path: "s:Body/wst:RequestSecurityToken/ac:AdditionalContext/ac:ContextItem",
    namespace: ns.ac,
    required: true,
    meaning:
      "Facts about the device, one Name attribute and ac:Value each (see the context items).",
    source: mde2("3.4.4.1.1.1.1–3 AdditionalContext"),
  },
  {
    message: "RequestSecurityTokenResponseCollection",
    path: "s:Body/RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse",
    namespace: ns.wst,
    required: true,
    meaning: "Exactly one response.",
    source: wstep("3.1.4.1.3.5 RequestSecurityTokenResponseCollection"),
  },
  {
    message: "RequestSecurityTokenResponseCollection",
    path: "…/RequestSecurityTokenResponse/TokenType",
    namespace: ns.wst,
    required: true,
    meaning: "DeviceEnrollmentToken.",
    source: mde2("3.4.4.1.1.2 wst:RequestSecurityTokenResponseCollection"),
  },
  {
    message: "RequestSecurityTokenResponseCollection",
    path: "…/RequestSecurityTokenResponse/DispositionMessage",
    namespace: ns.wstep,
    required: false,
    meaning: "A status text; empty in every sample.",
    source: wstep("3.1.4.1.3.1 DispositionMessage"),
  },
  {
    message: "RequestSecurityTokenResponseCollection",
    path: "…/RequestedSecurityToken/BinarySecurityToken",
    namespace: ns.wsse,
    required: true,
    meaning:
      "The wap-provisioningdoc, base64-encoded, ValueType DeviceEnrollmentProvisionDoc, EncodingType base64binary.",
    source: mde2("3.4.4.1.1.2 and 2.2.9.1 provisioning document"),
  },
  {
    message: "RequestSecurityTokenResponseCollection",
    path: "…/RequestSecurityTokenResponse/RequestID",
    namespace: ns.wstep,
    required: false,
    meaning: "The server's request number (0 in the samples).",
    source: wstep("3.1.4.1.3.4 RequestID"),
  },
  {
    message: "SOAP fault",
    path: "s:Body/s:Fault/s:Code/s:Subcode/s:Value",
    namespace: ns.s,
    required: true,
    meaning:
      "The MS-MDE2 subcode (MessageFormat, Authentication, Authorization, CertificateRequest, EnrollmentServer, InternalServiceFault, InvalidSecurity); compare by local name.",
    source: mde2("2.2.10 SOAP Faults"),
  },
  {
    message: "SOAP fault",
    path: "s:Body/s:Fault/s:Detail/DeviceEnrollmentServiceError/ErrorType",
    namespace: "http://schemas.microsoft.com/windows/pki/2009/01/enrollment",
    required: false,
    meaning:
      "A finer error type (DeviceCapReached, DeviceNotSupported …), with Message and TraceId.",
    source: mde2("2.2.10 SOAP Faults"),
  },
  {
    message: "SOAP fault",
    path: "s:Body/s:Fault/s:Detail/CertificateEnrollmentWSDetail",
    namespace: ns.wstep,
    required: false,
    meaning:
      "Plain MS-WSTEP detail: BinaryResponse, ErrorCode (an HRESULT), InvalidRequest, RequestID.",
    source: wstep("3.1.4.1.3.7 CertificateEnrollmentWSDetail"),
  },
];
