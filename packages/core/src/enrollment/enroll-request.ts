import { makeCertificateRequest } from "./csr.js";
import { deviceContext, freshDeviceId } from "./device.js";
import { toBase64 } from "./encoding.js";
import { requestEnvelope } from "./envelope.js";
import { DEFAULT_HASH, DEFAULT_KEY_LENGTH, securityFor } from "./policy-request.js";
import { ENROLLMENT_HTTP_HEADERS, ENROLLMENT_NAMESPACES, ENROLLMENT_URIS } from "./protocol.js";
import { escapeXml, freshMessageId } from "./soap.js";
import type {
  ContextItemValue,
  ContextValues,
  EnrollmentRequest,
  EnrollmentRequestInput,
} from "./types.js";

const DEVICE_ID = /^[0-9A-F]{32}$/;

/** The items to send: the device's values, overridden, dropped or added to by the caller's. */
export function contextItemsOf(
  deviceId: string,
  overrides: ContextValues | undefined,
): ContextItemValue[] {
  const merged: Record<string, string | readonly string[] | null> = {
    ...deviceContext(deviceId),
    ...overrides,
  };
  return Object.entries(merged).flatMap(([name, value]) => {
    if (value === null || value === undefined) return [];
    const values = typeof value === "string" ? [value] : value;
    return values.map((v) => ({ name, value: v }));
  });
}

function requestBody(csrBase64: string, items: readonly ContextItemValue[]): string {
  const { wst, wsse, ac } = ENROLLMENT_NAMESPACES;
  const contextItems = items
    .map(
      (item) =>
        `        <ac:ContextItem Name="${escapeXml(item.name)}">
          <ac:Value>${escapeXml(item.value)}</ac:Value>
        </ac:ContextItem>`,
    )
    .join("\n");
  return `<s:Body>
    <wst:RequestSecurityToken xmlns:wst="${wst}">
      <wst:TokenType>${ENROLLMENT_URIS.deviceEnrollmentTokenType.uri}</wst:TokenType>
      <wst:RequestType>${ENROLLMENT_URIS.issueRequestType.uri}</wst:RequestType>
      <wsse:BinarySecurityToken xmlns:wsse="${wsse}" ValueType="${ENROLLMENT_URIS.pkcs10ValueType.uri}" EncodingType="${ENROLLMENT_URIS.base64Encoding.uri}">${csrBase64}</wsse:BinarySecurityToken>
      <ac:AdditionalContext xmlns="${ac}" xmlns:ac="${ac}">
${contextItems}
      </ac:AdditionalContext>
    </wst:RequestSecurityToken>
  </s:Body>`;
}

/**
 * Builds the MS-WSTEP RequestSecurityToken Windows sends: makes a fresh RSA key pair (WebCrypto) of
 * the length the policy asks for, a PKCS#10 request signed with the policy's hash (SHA-1 when the
 * policy names none, as Windows does) whose subject is written as Windows writes it, and the
 * envelope with the credential's WS-Security header and the AdditionalContext items.
 *
 * @example
 * const request = await buildEnrollmentRequest({
 *   url: "https://mdm.contoso.com/EnrollmentServer/Enrollment.svc",
 *   credential: { policy: "OnPremise", username: "someone@contoso.com", password: "…" },
 *   context: { DeviceName: "LAB-PC-01" },
 * });
 * request.csrPem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"); // true
 */
export async function buildEnrollmentRequest(
  input: EnrollmentRequestInput,
): Promise<EnrollmentRequest> {
  const deviceId = input.deviceId ?? freshDeviceId();
  if (!DEVICE_ID.test(deviceId))
    throw new RangeError("deviceId must be 32 upper-case hexadecimal digits, as Windows writes it");
  const keyLength = input.requirements?.keyLength ?? DEFAULT_KEY_LENGTH;
  const hash = input.requirements?.hash ?? DEFAULT_HASH;
  const csr = await makeCertificateRequest(deviceId, keyLength, hash);
  const contextItems = contextItemsOf(deviceId, input.context);
  const messageId = input.messageId ?? freshMessageId();
  const envelope = (security: string) =>
    requestEnvelope({
      action: ENROLLMENT_URIS.rstAction.uri,
      messageId,
      to: input.url,
      security,
      body: requestBody(toBase64(csr.der), contextItems),
    });
  const xml = await securityFor(input.credential, envelope, input.now ?? Date.now());
  return {
    url: input.url,
    xml,
    messageId,
    headers: ENROLLMENT_HTTP_HEADERS,
    keys: csr.keys,
    csr: csr.der,
    csrPem: csr.pem,
    publicKey: csr.publicKey,
    deviceId,
    subjectCommonName: csr.subjectCommonName,
    keyLength,
    hash,
    contextItems,
  };
}
