/**
 * The WS-Security header each auth policy puts on GetPolicies and on the RequestSecurityToken (the
 * same credential on both).
 */

import { utf8ToBase64 } from "./encoding.js";
import { ENROLLMENT_NAMESPACES, ENROLLMENT_URIS, USERNAME_TOKEN_ID } from "./protocol.js";
import { escapeXml } from "./soap.js";
import type { EnrollmentCredential } from "./types.js";

const { u, wsse } = ENROLLMENT_NAMESPACES;

/**
 * The `wsse:Security` element for a credential; "" for Certificate, whose client certificate goes on
 * the TLS connection (MS-WSTEP 3.1.1.1.2) unless the signed header is asked for.
 */
export function securityHeader(credential: EnrollmentCredential): string {
  const open = `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${wsse}" xmlns:u="${u}">`;
  switch (credential.policy) {
    case "OnPremise":
      // MS-MDE2 fixes the u:Id literal; the samples and a real client qualify the Type attribute.
      return `${open}
      <wsse:UsernameToken u:Id="${USERNAME_TOKEN_ID}">
        <wsse:Username>${escapeXml(credential.username)}</wsse:Username>
        <wsse:Password wsse:Type="${ENROLLMENT_URIS.passwordText.uri}">${escapeXml(credential.password)}</wsse:Password>
      </wsse:UsernameToken>
    </wsse:Security>`;
    case "Federated":
      return `${open}
      <wsse:BinarySecurityToken ValueType="${ENROLLMENT_URIS.userTokenValueType.uri}" EncodingType="${ENROLLMENT_URIS.base64Encoding.uri}">${utf8ToBase64(credential.token)}</wsse:BinarySecurityToken>
    </wsse:Security>`;
    case "Certificate":
      return "";
  }
}
