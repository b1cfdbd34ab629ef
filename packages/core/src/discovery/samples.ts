import type { Citation } from "../sources/sources.js";
import { ADDRESSING_NAMESPACE, ENROLLMENT_NAMESPACE, SOAP12_NAMESPACE } from "./request.js";

export interface DiscoverResponseSample {
  readonly name: "federated" | "on-premise" | "certificate";
  readonly authPolicy: "Federated" | "OnPremise" | "Certificate";
  readonly xml: string;
  readonly source: Citation;
}

function sample(
  authPolicy: DiscoverResponseSample["authPolicy"],
  enrollmentVersion: string,
  authUrl: boolean,
  relatesTo: string,
): string {
  // Reproduced as data from the MS-MDE2 samples, whitespace inside values included: parsers must trim.
  return `<s:Envelope xmlns:s="${SOAP12_NAMESPACE}"
    xmlns:a="${ADDRESSING_NAMESPACE}">
  <s:Header>
    <a:Action s:mustUnderstand="1">
      ${ENROLLMENT_NAMESPACE}/IDiscoveryService/DiscoverResponse
    </a:Action>
    <ActivityId>
      d9eb2fdd-e38a-46ee-bd93-aea9dc86a3b8
    </ActivityId>
    <a:RelatesTo>${relatesTo}</a:RelatesTo>
  </s:Header>
  <s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
      xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <DiscoverResponse
        xmlns="${ENROLLMENT_NAMESPACE}">
      <DiscoverResult>
        <AuthPolicy>${authPolicy}</AuthPolicy>
        <EnrollmentVersion>${enrollmentVersion}</EnrollmentVersion>
        <EnrollmentPolicyServiceUrl>
          https://enrolltest.contoso.com/ENROLLMENTSERVER/DEVICEENROLLMENTWEBSERVICE.SVC
        </EnrollmentPolicyServiceUrl>
        <EnrollmentServiceUrl>
          https://enrolltest.contoso.com/ENROLLMENTSERVER/DEVICEENROLLMENTWEBSERVICE.SVC
        </EnrollmentServiceUrl>${
          authUrl
            ? `
        <AuthenticationServiceUrl>
          https://portal.manage.contoso.com/LoginRedirect.aspx
        </AuthenticationServiceUrl>`
            : ""
        }
      </DiscoverResult>
    </DiscoverResponse>
  </s:Body>
</s:Envelope>
`;
}

/**
 * The three Discover responses of MS-MDE2 §4.1.2 (federated, on-premises, certificate), for tests
 * and for anyone writing a discovery server.
 *
 * @example
 * const federated = discoverResponseSamples()[0]!;
 * federated.authPolicy; // "Federated"
 */
export function discoverResponseSamples(
  relatesTo = "urn:uuid: 748132ec-a575-4329-b01b-6171a9cf8478",
): DiscoverResponseSample[] {
  return [
    {
      name: "federated",
      authPolicy: "Federated",
      xml: sample("Federated", "5.0", true, relatesTo),
      source: { doc: "ms-mde2", section: "4.1.2.1" },
    },
    {
      name: "on-premise",
      authPolicy: "OnPremise",
      xml: sample("OnPremise", "3.0", false, relatesTo),
      source: { doc: "ms-mde2", section: "4.1.2.2" },
    },
    {
      name: "certificate",
      authPolicy: "Certificate",
      xml: sample("Certificate", "3.0", false, relatesTo),
      source: { doc: "ms-mde2", section: "4.1.2.3" },
    },
  ];
}

export interface FaultOptions {
  /** `s` or `a`, the prefix of the subcode (MS-MDE2 §2.2.10). */
  readonly namespace?: "s" | "a";
  /** The subcode (`Authorization`, `InternalServiceFault`). */
  readonly subcode: string;
  /** DeviceEnrollmentServiceError ErrorType, for the detailed faults (`DeviceCapReached`). */
  readonly errorType?: string;
  readonly reason?: string;
  readonly traceId?: string;
}

/**
 * A SOAP 1.2 fault in the shape of MS-MDE2 §2.2.10, with the subcode and, when given, the
 * DeviceEnrollmentServiceError detail. For test servers and server authors.
 *
 * @example
 * buildDiscoverFault({ subcode: "Authorization", errorType: "DeviceCapReached" });
 */
export function buildDiscoverFault(options: FaultOptions): string {
  const prefix = options.namespace ?? "s";
  const reason = options.reason ?? options.errorType ?? options.subcode;
  const traceId = options.traceId ?? "2493ee37-beeb-4cb9-833c-cadde9067645";
  const detail = options.errorType
    ? `
      <s:Detail>
        <DeviceEnrollmentServiceError xmlns="http://schemas.microsoft.com/windows/pki/2009/01/enrollment">
          <ErrorType>${options.errorType}</ErrorType>
          <Message>${reason}</Message>
          <TraceId>${traceId}</TraceId>
        </DeviceEnrollmentServiceError>
      </s:Detail>`
    : "";
  return `<s:Envelope xmlns:s="${SOAP12_NAMESPACE}" xmlns:a="${ADDRESSING_NAMESPACE}">
  <s:Header>
    <a:Action s:mustUnderstand="1">http://www.w3.org/2005/08/addressing/soap/fault</a:Action>
  </s:Header>
  <s:Body>
    <s:Fault>
      <s:Code>
        <s:Value>s:Receiver</s:Value>
        <s:Subcode>
          <s:Value>${prefix}:${options.subcode}</s:Value>
        </s:Subcode>
      </s:Code>
      <s:Reason>
        <s:Text xml:lang="en-US">${reason}</s:Text>
      </s:Reason>${detail}
    </s:Fault>
  </s:Body>
</s:Envelope>
`;
}
