/** The request envelope both steps share: WS-Addressing headers in Windows' order, then the credential. */
import { ENROLLMENT_NAMESPACES, ENROLLMENT_URIS } from "./protocol.js";
import { escapeXml } from "./soap.js";

export interface EnvelopeParts {
  readonly action: string;
  readonly messageId: string;
  readonly to: string;
  /** The wsse:Security element, or "" for none. */
  readonly security: string;
  readonly body: string;
}

/** Writes a SOAP 1.2 request envelope. */
export function requestEnvelope(parts: EnvelopeParts): string {
  const { s, a } = ENROLLMENT_NAMESPACES;
  return `<s:Envelope xmlns:s="${s}" xmlns:a="${a}">
  <s:Header>
    <a:Action s:mustUnderstand="1">${parts.action}</a:Action>
    <a:MessageID>${escapeXml(parts.messageId)}</a:MessageID>
    <a:ReplyTo>
      <a:Address>${ENROLLMENT_URIS.anonymousReplyTo.uri}</a:Address>
    </a:ReplyTo>
    <a:To s:mustUnderstand="1">${escapeXml(parts.to)}</a:To>${parts.security ? `\n    ${parts.security}` : ""}
  </s:Header>
  ${parts.body}
</s:Envelope>
`;
}
