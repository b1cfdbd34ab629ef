import type { Citation } from "../sources/sources.js";

/** The authentication policies a client can offer and a server can choose. */
export const AUTH_POLICIES = ["OnPremise", "Federated", "Certificate"] as const;
export type AuthPolicy = (typeof AUTH_POLICIES)[number];

/** The RequestVersion values MS-MDE2 allows. */
export const REQUEST_VERSIONS = ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0"] as const;
export type RequestVersion = (typeof REQUEST_VERSIONS)[number];

export const ENROLLMENT_NAMESPACE =
  "http://schemas.microsoft.com/windows/management/2012/01/enrollment";
export const DISCOVER_ACTION = `${ENROLLMENT_NAMESPACE}/IDiscoveryService/Discover`;
export const DISCOVER_RESPONSE_ACTION = `${ENROLLMENT_NAMESPACE}/IDiscoveryService/DiscoverResponse`;
export const SOAP12_NAMESPACE = "http://www.w3.org/2003/05/soap-envelope";
export const SOAP11_NAMESPACE = "http://schemas.xmlsoap.org/soap/envelope/";
export const ADDRESSING_NAMESPACE = "http://www.w3.org/2005/08/addressing";

/** The headers Windows sends with each step, per Microsoft's enrollment samples. */
export const DISCOVERY_GET_HEADERS: Readonly<Record<string, string>> = {
  "User-Agent": "Windows Phone 8 Enrollment Client",
  Pragma: "no-cache",
};
export const DISCOVERY_POST_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/soap+xml; charset=utf-8",
  "User-Agent": "Windows Enrollment Client",
  "Cache-Control": "no-cache",
};

export const DISCOVER_REQUEST_SOURCE: Citation = {
  doc: "ms-mde2",
  section: "3.1.4.1 Discover; 4.1.1 samples",
};

export interface DiscoverRequestOptions {
  /** The user's e-mail address (UPN), sent as EmailAddress. */
  readonly email: string;
  /** The discovery URL, sent as the WS-Addressing To header. */
  readonly to: string;
  readonly requestVersion?: RequestVersion;
  /** Policies the client offers, in order; Windows offers OnPremise and Federated. */
  readonly authPolicies?: readonly AuthPolicy[];
  /** `CIMClient_Windows` for a PC; `WindowsPhone` in the older samples. */
  readonly deviceType?: string;
  /** Dotted-quad client version, e.g. `10.0.26100.0`. */
  readonly applicationVersion?: string;
  /** OSEdition product type (MS-MDE2 2.2.9.6), e.g. 4 Enterprise, 48 Professional. */
  readonly osEdition?: number;
  /** `urn:uuid:…`; a fresh one is made when absent. */
  readonly messageId?: string;
}

export interface DiscoverRequest {
  readonly xml: string;
  readonly messageId: string;
  readonly requestVersion: RequestVersion;
  readonly authPolicies: readonly AuthPolicy[];
  readonly headers: Readonly<Record<string, string>>;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`,
  );
}

function freshMessageId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return `urn:uuid:${crypto.randomUUID()}`;
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join(
    "",
  );
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/**
 * Builds the MS-MDE2 Discover message Windows POSTs to the discovery service: a SOAP 1.2 envelope
 * with WS-Addressing headers, a fresh MessageID, and the request body (EmailAddress,
 * RequestVersion, DeviceType, ApplicationVersion, OSEdition, AuthPolicies).
 *
 * @example
 * const request = buildDiscoverRequest({
 *   email: "someone@contoso.com",
 *   to: "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc",
 *   requestVersion: "5.0",
 * });
 * request.xml.includes("<RequestVersion>5.0</RequestVersion>"); // true
 */
export function buildDiscoverRequest(options: DiscoverRequestOptions): DiscoverRequest {
  const requestVersion = options.requestVersion ?? "5.0";
  if (!REQUEST_VERSIONS.includes(requestVersion)) {
    throw new RangeError(`RequestVersion must be one of ${REQUEST_VERSIONS.join(", ")}`);
  }
  const authPolicies = options.authPolicies ?? ["OnPremise", "Federated"];
  if (
    authPolicies.length === 0 ||
    authPolicies.length > 3 ||
    authPolicies.some((p) => !AUTH_POLICIES.includes(p))
  ) {
    throw new RangeError(`AuthPolicies must hold one to three of ${AUTH_POLICIES.join(", ")}`);
  }
  const messageId = options.messageId ?? freshMessageId();
  const policies = authPolicies.map((p) => `          <AuthPolicy>${p}</AuthPolicy>`).join("\n");
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:a="${ADDRESSING_NAMESPACE}" xmlns:s="${SOAP12_NAMESPACE}">
  <s:Header>
    <a:Action s:mustUnderstand="1">${DISCOVER_ACTION}</a:Action>
    <a:MessageID>${escapeXml(messageId)}</a:MessageID>
    <a:ReplyTo>
      <a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address>
    </a:ReplyTo>
    <a:To s:mustUnderstand="1">${escapeXml(options.to)}</a:To>
  </s:Header>
  <s:Body>
    <Discover xmlns="${ENROLLMENT_NAMESPACE}/">
      <request xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
        <EmailAddress>${escapeXml(options.email)}</EmailAddress>
        <RequestVersion>${requestVersion}</RequestVersion>
        <DeviceType>${escapeXml(options.deviceType ?? "CIMClient_Windows")}</DeviceType>
        <ApplicationVersion>${escapeXml(options.applicationVersion ?? "10.0.26100.0")}</ApplicationVersion>
        <OSEdition>${options.osEdition ?? 48}</OSEdition>
        <AuthPolicies>
${policies}
        </AuthPolicies>
      </request>
    </Discover>
  </s:Body>
</s:Envelope>
`;
  return { xml, messageId, requestVersion, authPolicies, headers: DISCOVERY_POST_HEADERS };
}
