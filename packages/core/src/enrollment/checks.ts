/**
 * diagnoseEnrollment's checks as a table: each entry says what it looks at, how bad it is, which
 * step it belongs to, its source and the catalog entry Windows would report; `check` finds the
 * cases. Adding a check is adding an entry (and a test that fires it and one that keeps it silent).
 */
import type { Citation } from "../sources/sources.js";
import { HASH_OIDS } from "./hash-oids.js";
import type { EnrollmentContext, StepExchange } from "./observed.js";
import { ENROLLMENT_URIS } from "./protocol.js";
import type { EnrollmentCheckInfo, EnrollmentFault, EnrollmentStepId } from "./types.js";

/** What one check found; the table adds code, severity, source and Windows' error. */
export interface EnrollmentFinding {
  readonly message: string;
  readonly hint?: string;
  readonly param?: string;
  /** For checks that run on both requests: which step this finding is about. */
  readonly step?: EnrollmentStepId;
  /** When the catalog entry depends on the case (a fault's own subcode). */
  readonly windowsError?: string;
}

export interface EnrollmentCheck extends EnrollmentCheckInfo {
  readonly check: (context: EnrollmentContext) => readonly EnrollmentFinding[];
}

const NONE: readonly never[] = [];
const BOTH_REQUESTS =
  "Runs on the policy and the enrollment request alike; each finding names its step.";
const CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
const ANY_EKU = "2.5.29.37.0";

const mde2 = (section: string): Citation => ({ doc: "ms-mde2", section });
const federated = (section: string): Citation => ({ doc: "wid-federated-enrollment", section });
const inference: Citation = {
  doc: "enrollment-handshake-research",
  section: "4.3 The issued client certificate",
};

/** Findings for each exchange the transport recorded (both requests get the same wire checks). */
function eachExchange(
  find: (exchange: StepExchange) => EnrollmentFinding | undefined,
): (context: EnrollmentContext) => readonly EnrollmentFinding[] {
  return (context) =>
    context.exchanges.flatMap((e) => {
      const finding = find(e);
      return finding ? [{ ...finding, step: e.step }] : [];
    });
}

const stepName = (step: EnrollmentStepId) =>
  step === "policies" ? "policy (GetPolicies)" : "enrollment (RequestSecurityToken)";

function faultFinding(fault: EnrollmentFault, what: string): EnrollmentFinding {
  const subcode = fault.errorType ?? fault.subcode ?? fault.code ?? "(no subcode)";
  return {
    message: `The ${what} service answered with a SOAP fault: ${subcode}${fault.reason ? ` (${fault.reason})` : ""}.${fault.windowsText ? ` Windows shows: "${fault.windowsText}"` : ""}`,
    hint: "Look at the server's log for this request; the fault's subcode says which check it failed.",
    ...(fault.errors[0] ? { windowsError: fault.errors[0] } : {}),
  };
}

function sameSubject(criteria: string, subject: string): boolean {
  const rdns = (name: string) =>
    name
      .split(/(?<!\\),/)
      .map((rdn) =>
        rdn
          .trim()
          .toLowerCase()
          .replace(/\s*=\s*/, "="),
      )
      .filter((rdn) => rdn !== "")
      .sort()
      .join(",");
  return rdns(criteria) === rdns(subject);
}

/** The checks, in step order, worst first within a step. */
export const ENROLLMENT_CHECKS: readonly EnrollmentCheck[] = [
  // ---- on the wire, both requests --------------------------------------------------------------
  {
    code: "plain-http",
    severity: "error",
    step: "enrollment",
    title: "The policy or enrollment URL is HTTPS.",
    source: { doc: "ms-wstep", section: "2.1 Transport (SOAP 1.2 over HTTPS MUST)" },
    note: BOTH_REQUESTS,
    check: eachExchange(({ step, exchange }) =>
      /^http:\/\//i.test(exchange.request.url)
        ? {
            message: `The ${stepName(step)} URL is plain HTTP: ${exchange.request.url}.`,
            hint: "Serve the policy and enrollment services over HTTPS only, and name https:// URLs in the Discover response.",
          }
        : undefined,
    ),
  },
  {
    code: "server-certificate-untrusted",
    severity: "error",
    step: "enrollment",
    title: "The server's TLS certificate chains to a trusted root and names the host.",
    source: {
      doc: "sdk-mdmregistration-h",
      section: "MENROLL_E_INVALIDSSLCERT (the SSL certificate is invalid)",
    },
    windowsError: "menroll-e-invalidsslcert",
    note: BOTH_REQUESTS,
    check: eachExchange(({ step, exchange }) => {
      const tls = exchange.tls;
      if (!tls || (tls.trusted && tls.nameMatches)) return undefined;
      const why = !tls.trusted
        ? (tls.trustError ?? "untrusted chain")
        : (tls.nameError ?? "name mismatch");
      return {
        message: `The ${stepName(step)} server's TLS certificate is not trusted (${why}).`,
        hint: "Use a certificate from a CA the device trusts, issued for the host name in the URL (pass the test CA with --ca).",
      };
    }),
  },
  {
    code: "transport-failed",
    severity: "error",
    step: "enrollment",
    title: "The request reached the server and an answer came back.",
    source: mde2("3.3.4.1 GetPolicies; 3.4.4.1 RequestSecurityToken"),
    windowsError: "menroll-e-connectivity",
    note: BOTH_REQUESTS,
    check: eachExchange(({ step, exchange }) =>
      exchange.failure && exchange.failure.kind !== "tls"
        ? {
            message: `The ${stepName(step)} request failed: ${exchange.failure.message}.`,
            hint: "Check that the host resolves, the port is open and the server answers within the timeout.",
          }
        : undefined,
    ),
  },
  {
    code: "response-too-large",
    severity: "error",
    step: "enrollment",
    title: "The answer was read whole, not cut off at the reader's size limit.",
    source: {
      doc: "enrollment-handshake-research",
      section: "no source gives Windows' size limit; the limit is the reader's own",
    },
    note: `${BOTH_REQUESTS} A cut-off body is not judged any further: read as a document it would only give misleading findings.`,
    check: eachExchange(({ step, exchange }) =>
      exchange.response?.truncated
        ? {
            message: `The ${stepName(step)} answer was cut off after ${exchange.response.bytes} bytes, the most winenroll reads; a provisioning document with its certificates is a few kB.`,
            hint: "Check what the service sends back: a loop, a page of logs or a file instead of the SOAP answer.",
          }
        : undefined,
    ),
  },
  {
    code: "chunked-response",
    severity: "error",
    step: "enrollment",
    title: "The answer comes as one message, not chunked.",
    source: federated(
      "Enrollment policy and enrollment web services (responses must not be chunked)",
    ),
    note: BOTH_REQUESTS,
    check: eachExchange(({ step, exchange }) =>
      exchange.response?.chunked
        ? {
            message: `The ${stepName(step)} response is sent with Transfer-Encoding: chunked; Windows needs it as one message.`,
            hint: "Send the response with a Content-Length (buffer it on the server).",
          }
        : undefined,
    ),
  },
  {
    code: "wrong-content-type",
    severity: "error",
    step: "enrollment",
    title: "The answer is served as application/soap+xml.",
    source: { doc: "wid-certificate-enrollment", section: "request and response samples" },
    note: BOTH_REQUESTS,
    check: eachExchange(({ step, exchange }) => {
      const response = exchange.response;
      if (!response || response.body.trim() === "") return undefined;
      const type = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
      if (type === "application/soap+xml") return undefined;
      return {
        message: `The ${stepName(step)} response is served as ${type || "no content type at all"}, not application/soap+xml.`,
        hint: "Serve it with Content-Type: application/soap+xml; charset=utf-8.",
      };
    }),
  },
  {
    code: "http-status",
    severity: "error",
    step: "enrollment",
    title: "The answer's HTTP status is 200, or 500 with a SOAP fault.",
    source: {
      doc: "enrollment-handshake-research",
      section: "3.5 Faults (no source gives the status; 200 or 500 accepted)",
    },
    note: `${BOTH_REQUESTS} Windows reports an HTTP error status in facility 25 (0x80190000 plus the status, 0x80190194 for 404); no catalog entry names each.`,

    check: eachExchange(({ step, exchange }) => {
      const response = exchange.response;
      if (!response || response.status === 200) return undefined;
      if (response.status === 500 && /<([\w-]+:)?Fault[\s>]/.test(response.body)) return undefined;
      return {
        message: `The ${stepName(step)} request got HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""} instead of an answer (Windows reports 0x${(0x80190000 + response.status).toString(16).toUpperCase()}).`,
        hint: "Answer the POST with 200 and the SOAP response (or a SOAP fault).",
      };
    }),
  },
  // ---- policies --------------------------------------------------------------------------------
  {
    code: "policy-service-absent",
    severity: "info",
    step: "policies",
    title: "Whether there is a policy step at all.",
    source: federated(
      "Enrollment policy web service (optional; without it a 2048-bit key and SHA-1)",
    ),
    check: (context) =>
      context.observation.policy === undefined && context.observation.enrollment?.exchange
        ? [
            {
              message:
                "There is no policy service; Windows then makes a 2048-bit key and signs the request with SHA-1.",
            },
          ]
        : NONE,
  },
  {
    code: "policy-unreadable",
    severity: "error",
    step: "policies",
    title: "The GetPolicies answer is a readable GetPoliciesResponse.",
    source: { doc: "ms-xcep", section: "3.1.4.1.2.2 GetPoliciesResponse" },
    windowsError: "menroll-e-device-message-format-error",
    check: ({ policy }) =>
      policy?.kind === "invalid"
        ? [
            {
              message: `The policy response cannot be read: ${policy.error}.`,
              hint: "Answer GetPolicies with a SOAP 1.2 envelope holding a GetPoliciesResponse in the enrollmentpolicy namespace.",
            },
          ]
        : NONE,
  },
  {
    code: "policy-fault",
    severity: "error",
    step: "policies",
    title: "The policy service answered with a SOAP fault.",
    source: mde2("2.2.10 SOAP Faults"),
    check: ({ policy }) =>
      policy?.kind === "fault" ? [faultFinding(policy.fault, "policy")] : NONE,
  },
  {
    code: "policy-empty",
    severity: "warning",
    step: "policies",
    title: "The response holds at least one policy.",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.23 Response (policies/policy*)" },
    note: "What Windows does with no policy: no source found.",
    check: ({ policy }) =>
      policy?.kind === "policies" && policy.policies.length === 0
        ? [
            {
              message:
                "The policy response holds no policy; what Windows does then is not documented.",
              hint: "Return one policy with privateKeyAttributes/minimalKeyLength and a hash reference.",
            },
          ]
        : NONE,
  },
  {
    code: "policy-key-length-invalid",
    severity: "error",
    step: "policies",
    title: "The minimal key length is a positive number of bits a device can make.",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.20 PrivateKeyAttributes (minimalKeyLength > 0)" },
    note: "The upper bound (16384 bits, a multiple of 8) is the RSA range WebCrypto implementations accept; no Microsoft source found for Windows' own limit.",
    check: ({ policy }) => {
      if (policy?.kind !== "policies") return NONE;
      return policy.policies.flatMap((p) => {
        const bits = p.minimalKeyLength;
        if (bits === undefined || (bits > 0 && bits <= 16384 && bits % 8 === 0)) return [];
        return [
          {
            message: `The policy asks for a ${bits}-bit minimal key length, which no device can make.`,
            hint: "Ask for 2048 bits (or 3072, 4096).",
            param: "minimalKeyLength",
          },
        ];
      });
    },
  },
  {
    code: "policy-hash-unknown",
    severity: "error",
    step: "policies",
    title: "The hash the policy names is one Windows can sign with.",
    source: {
      doc: "wid-federated-enrollment",
      section: "Enrollment policy web service (Windows honours hashAlgorithmOIDReference)",
    },
    note: `Known hash OIDs: ${HASH_OIDS.map((h) => h.oid).join(", ")}; read by value because the samples label them inconsistently.`,
    check: ({ policy }) => {
      if (policy?.kind !== "policies") return NONE;
      return policy.policies.flatMap((p) =>
        p.hashAlgorithm && !p.hash
          ? [
              {
                message: `The policy's hash OID ${p.hashAlgorithm.value} is not a hash algorithm Windows signs requests with.`,
                hint: "Name SHA-256 (2.16.840.1.101.3.4.2.1) or leave hashAlgorithmOIDReference nil for SHA-1.",
                param: "hashAlgorithmOIDReference",
              },
            ]
          : [],
      );
    },
  },
  {
    code: "policy-oid-reference-dangling",
    severity: "warning",
    step: "policies",
    title: "Every OID reference names an OID the response declares.",
    source: mde2("3.3.4.1.1.2 GetPoliciesResponse (the hash OID MUST be in oIDs)"),
    check: ({ policy }) => {
      if (policy?.kind !== "policies") return NONE;
      return policy.policies.flatMap((p) =>
        p.danglingReferences.map((reference) => ({
          message: `The policy refers to OID reference ${reference}, which oIDs does not declare; Windows falls back to its default for it.`,
          hint: "Declare the OID in oIDs with that oIDReferenceID.",
        })),
      );
    },
  },
  {
    code: "policy-schema-not-3",
    severity: "warning",
    step: "policies",
    title: "policySchema is 3.",
    source: mde2("3.3.4.1.1.2 GetPoliciesResponse (policySchema MUST be 3)"),
    note: "A real Windows 10 client accepted a response without it (Fleet's capture), so this is a warning.",
    check: ({ policy }) => {
      if (policy?.kind !== "policies") return NONE;
      return policy.policies.flatMap((p) =>
        p.policySchema !== undefined && p.policySchema !== 3
          ? [
              {
                message: `The policy's schema is ${p.policySchema}; MS-MDE2 requires 3.`,
                hint: "Write <policySchema>3</policySchema>.",
                param: "policySchema",
              },
            ]
          : [],
      );
    },
  },
  {
    code: "relates-to-mismatch",
    severity: "info",
    step: "enrollment",
    title: "The answer's a:RelatesTo repeats the request's MessageID.",
    source: mde2("4.2.2 and 4.3.2 samples"),
    note: "Whether Windows checks it: no source found.",
    check: (context) => {
      const pairs: [EnrollmentStepId, string | undefined][] = [
        ["policies", context.policy?.kind === "policies" ? context.policy.relatesTo : undefined],
        [
          "enrollment",
          context.enrollment?.kind === "token" ? context.enrollment.relatesTo : undefined,
        ],
      ];
      return pairs.flatMap(([step, relatesTo]) => {
        const sent = context.messageIds[step];
        if (!sent || relatesTo === undefined || relatesTo === sent) return [];
        return [
          {
            step,
            message: `The ${stepName(step)} answer relates to ${relatesTo}, not to the request's MessageID ${sent}.`,
            hint: "Echo the request's a:MessageID in a:RelatesTo.",
          },
        ];
      });
    },
  },
  // ---- enrollment ------------------------------------------------------------------------------
  {
    code: "enrollment-missing",
    severity: "error",
    step: "enrollment",
    title: "There is an enrollment answer to read.",
    source: mde2("3.4.4.1 RequestSecurityToken"),
    check: (context) =>
      context.enrollmentBody === undefined &&
      context.exchanges.some(
        (e) => e.step === "enrollment" && e.exchange.response && !e.exchange.response.truncated,
      )
        ? [{ message: "The enrollment service answered with an empty body." }]
        : NONE,
  },
  {
    code: "enrollment-unreadable",
    severity: "error",
    step: "enrollment",
    title: "The answer is a RequestSecurityTokenResponseCollection with a BinarySecurityToken.",
    source: mde2("3.4.4.1.1.2 wst:RequestSecurityTokenResponseCollection"),
    windowsError: "menroll-e-device-message-format-error",
    check: ({ enrollment }) =>
      enrollment?.kind === "invalid"
        ? [
            {
              message: `The enrollment response cannot be read: ${enrollment.error}.`,
              hint: "Answer with RequestSecurityTokenResponseCollection/RequestSecurityTokenResponse/RequestedSecurityToken/BinarySecurityToken.",
            },
          ]
        : NONE,
  },
  {
    code: "enrollment-fault",
    severity: "error",
    step: "enrollment",
    title: "The enrollment service answered with a SOAP fault.",
    source: mde2("2.2.10 SOAP Faults"),
    check: ({ enrollment }) =>
      enrollment?.kind === "fault" ? [faultFinding(enrollment.fault, "enrollment")] : NONE,
  },
  {
    code: "enrollment-token-type",
    severity: "error",
    step: "enrollment",
    title: "The response's TokenType is DeviceEnrollmentToken.",
    source: mde2("3.4.4.1.1.2 wst:RequestSecurityTokenResponseCollection"),
    check: ({ enrollment }) =>
      enrollment?.kind === "token" &&
      enrollment.tokenType !== ENROLLMENT_URIS.deviceEnrollmentTokenType.uri
        ? [
            {
              message: `The response's TokenType is ${enrollment.tokenType ?? "missing"}, not DeviceEnrollmentToken.`,
              hint: `Write <TokenType>${ENROLLMENT_URIS.deviceEnrollmentTokenType.uri}</TokenType>.`,
            },
          ]
        : NONE,
  },
  {
    code: "enrollment-value-type",
    severity: "error",
    step: "enrollment",
    title: "The BinarySecurityToken's ValueType is DeviceEnrollmentProvisionDoc.",
    source: mde2("3.4.4.1.1.2 wst:RequestSecurityTokenResponseCollection"),
    note: "The federated doc's prose gives the URI without 5.0.0.0; that spelling is reported as a warning-level difference in the message.",
    check: ({ enrollment }) => {
      if (enrollment?.kind !== "token") return NONE;
      const expected = ENROLLMENT_URIS.provisionDocValueType;
      if (enrollment.valueType === expected.uri) return NONE;
      const variant = expected.variants.some((v) => v.uri === enrollment.valueType);
      return [
        {
          message: `The token's ValueType is ${enrollment.valueType ?? "missing"}${variant ? " (the spelling in the federated doc's prose, not its sample)" : ""}, not ${expected.uri}.`,
          hint: `Write ValueType="${expected.uri}".`,
        },
      ];
    },
  },
  {
    code: "enrollment-token-not-base64",
    severity: "error",
    step: "enrollment",
    title: "The token decodes from base64 to the provisioning document's text.",
    source: mde2("2.2.9.1 Provisioning document (base64-encoded in the BinarySecurityToken)"),
    windowsError: "menroll-e-device-message-format-error",
    check: ({ enrollment }) =>
      enrollment?.kind === "token" && enrollment.provisioningXml === undefined
        ? [
            {
              message:
                "The BinarySecurityToken is not base64 of UTF-8 text, so there is no provisioning document to read.",
              hint: "Base64-encode the whole wap-provisioningdoc XML, without line breaks.",
            },
          ]
        : NONE,
  },
  {
    code: "enrollment-several-responses",
    severity: "warning",
    step: "enrollment",
    title: "The collection holds one response.",
    source: { doc: "ms-wstep", section: "3.1.4.1.3.5 RequestSecurityTokenResponseCollection" },
    check: ({ enrollment }) =>
      enrollment?.kind === "token" && enrollment.responseCount > 1
        ? [
            {
              message: `The collection holds ${enrollment.responseCount} responses; MS-WSTEP allows one.`,
            },
          ]
        : NONE,
  },
  {
    code: "enrollment-soap11",
    severity: "warning",
    step: "enrollment",
    title: "The answer is a SOAP 1.2 envelope.",
    source: { doc: "ms-wstep", section: "2.1 Transport" },
    note: "MS-MDE2's sample and the Microsoft Learn samples use SOAP 1.1; real servers answer in 1.2. Untested on Windows.",
    check: ({ enrollment }) =>
      enrollment?.kind === "token" && enrollment.soapVersion === "1.1"
        ? [
            {
              message:
                "The enrollment response is a SOAP 1.1 envelope; MS-WSTEP requires SOAP 1.2, which servers that enrol real devices send.",
              hint: "Answer with a SOAP 1.2 envelope (http://www.w3.org/2003/05/soap-envelope).",
            },
          ]
        : NONE,
  },
  // ---- provisioning document ---------------------------------------------------------------------
  {
    code: "document-not-well-formed",
    severity: "error",
    step: "provisioning",
    title: "The provisioning document is well-formed XML with a wap-provisioningdoc root.",
    source: mde2("2.2.9.1 Provisioning document"),
    windowsError: "menroll-e-prov-unknown",
    note: "Which MENROLL_E_PROV code Windows reports for an unreadable document: no source found; the generic one is named.",
    check: ({ parsedDocument }) => {
      if (parsedDocument?.kind !== "invalid" || parsedDocument.response?.kind === "invalid")
        return NONE;
      if (
        parsedDocument.response?.kind === "token" &&
        parsedDocument.response.provisioningXml === undefined
      )
        return NONE;
      const ampersand = /unterminated entity reference/.test(parsedDocument.error);
      return [
        {
          message: `The provisioning document cannot be read: ${parsedDocument.error}.`,
          hint: ampersand
            ? "A raw & in an attribute (MS-MDE2's SSLCLIENTCERTSEARCHCRITERIA sample has one) must be written &amp;."
            : 'Send a well-formed <wap-provisioningdoc version="1.1">.',
        },
      ];
    },
  },
  {
    code: "client-certificate-missing",
    severity: "error",
    step: "provisioning",
    title: "The document installs a client certificate in My/User or My/System.",
    source: mde2("2.2.9.1 Provisioning document (client certificate)"),
    windowsError: "menroll-e-prov-sslcertnotfound",
    check: ({ document }) =>
      document && document.certificateStore.client.length === 0
        ? [
            {
              message:
                "The document installs no client certificate (CertificateStore/My/User or My/System).",
              hint: "Put the issued certificate under CertificateStore/My/User/<thumbprint>/EncodedCertificate (My/System for a device enrollment).",
            },
          ]
        : NONE,
  },
  {
    code: "private-key-container-missing",
    severity: "error",
    step: "provisioning",
    title: "A PrivateKeyContainer characteristic sits beside the client certificate.",
    source: federated(
      "Enrollment web service (the PrivateKeyContainer characteristic is required)",
    ),
    windowsError: "menroll-e-prov-sslcertnotfound",
    note: "The catalog entry is an inference: 0x80180024 is the SDK's code for a certificate that cannot be bound to its key.",
    check: ({ document }) =>
      (document?.certificateStore.client ?? [])
        .filter((c) => !c.privateKeyContainer)
        .map((c) => ({
          message: `The client certificate in ${c.store} has no PrivateKeyContainer beside it, so Windows cannot bind it to the key it made.`,
          hint: `Add <characteristic type="PrivateKeyContainer"/> inside CertificateStore/${c.store}.`,
        })),
  },
  {
    code: "certificate-undecodable",
    severity: "error",
    step: "provisioning",
    title: "Each EncodedCertificate is a base64 DER certificate.",
    source: mde2("2.2.9.2 CertificateStore (EncodedCertificate: base64 DER, required)"),
    windowsError: "menroll-e-prov-csp-certstore",
    check: ({ certificates }) =>
      certificates
        .filter((c) => c.decodeError)
        .map((c) => ({
          message: `The certificate ${c.provisioned.store}/${c.provisioned.thumbprint} cannot be decoded: ${c.decodeError}.`,
          hint: "Write the certificate's DER, base64-encoded without line breaks, in the EncodedCertificate parm.",
        })),
  },
  {
    code: "thumbprint-mismatch",
    severity: "error",
    step: "provisioning",
    title: "Each certificate sits under its own thumbprint (SHA-1 of the DER).",
    source: mde2("2.2.9.2 CertificateStore (the node name is the SHA-1 thumbprint)"),
    windowsError: "menroll-e-prov-csp-certstore",
    check: ({ certificates }) =>
      certificates
        .filter(
          (c) =>
            c.actualThumbprint && c.actualThumbprint !== c.provisioned.thumbprint.toUpperCase(),
        )
        .map((c) => ({
          message: `The certificate under ${c.provisioned.store}/${c.provisioned.thumbprint} has thumbprint ${c.actualThumbprint}.`,
          hint: "Name the characteristic after the SHA-1 of the certificate's DER, in hex.",
        })),
  },
  {
    code: "w7-missing",
    severity: "error",
    step: "provisioning",
    title: "The document has an APPLICATION characteristic with APPID w7.",
    source: mde2("2.2.9.5 w7 APPLICATION"),
    windowsError: "menroll-e-prov-csp-w7",
    check: ({ document }) =>
      document && document.application?.appId !== "w7"
        ? [
            {
              message: document.application
                ? `The APPLICATION characteristic has APPID ${document.application.appId ?? "(none)"}, not w7.`
                : "The document has no APPLICATION (w7) characteristic, so Windows does not know the management server.",
              hint: 'Add <characteristic type="APPLICATION"> with <parm name="APPID" value="w7"/>, PROVIDER-ID, NAME and ADDR.',
            },
          ]
        : NONE,
  },
  {
    code: "addr-missing",
    severity: "error",
    step: "provisioning",
    title: "The w7 APPLICATION names the management server (ADDR).",
    source: federated("Enrollment web service (PROVIDER-ID, NAME and ADDR are important)"),
    check: ({ document }) =>
      document?.application?.appId === "w7" && !document.application.addr
        ? [
            {
              message: "The w7 APPLICATION has no ADDR: no management server to connect to.",
              param: "ADDR",
            },
          ]
        : NONE,
  },
  {
    code: "addr-not-https",
    severity: "error",
    step: "provisioning",
    title: "ADDR is an HTTPS URL.",
    source: { doc: "ms-mdm", section: "1.3 and 1.5 (mutual TLS with the enrolled certificate)" },
    check: ({ document }) => {
      const addr = document?.application?.addr;
      if (!addr || /^https:\/\//i.test(addr)) return NONE;
      return [
        {
          message: `ADDR is ${addr}; the management session needs HTTPS to present the client certificate.`,
          hint: "Point ADDR at the management server's https:// URL.",
          param: "ADDR",
        },
      ];
    },
  },
  {
    code: "provider-id-mismatch",
    severity: "error",
    step: "provisioning",
    title: "PROVIDER-ID matches the DMClient Provider/<id>.",
    source: mde2("2.2.9.3 DMClient (ProviderID must match PROVIDER-ID)"),
    windowsError: "menroll-e-prov-csp-dmclient",
    note: "The catalog entry is an inference from the code's name; no source shows this case's code.",
    check: ({ document }) => {
      const providerId = document?.application?.providerId;
      if (!document || !providerId || document.dmClient.length === 0) return NONE;
      if (document.dmClient.some((p) => p.providerId === providerId)) return NONE;
      return [
        {
          message: `PROVIDER-ID is "${providerId}" but DMClient configures ${document.dmClient.map((p) => `"${p.providerId}"`).join(", ")}.`,
          hint: "Use the same provider id in the w7 PROVIDER-ID parm and under DMClient/Provider.",
          param: "PROVIDER-ID",
        },
      ];
    },
  },
  {
    code: "dmclient-provider-missing",
    severity: "warning",
    step: "provisioning",
    title: "The document configures DMClient/Provider/<id>.",
    source: mde2("2.2.9.3 DMClient (Provider is required)"),
    check: ({ document }) =>
      document?.application && document.dmClient.length === 0
        ? [
            {
              message:
                "The document has no DMClient/Provider/<id> settings (polling schedule, EntDMID).",
              hint: "Add DMClient/Provider/<PROVIDER-ID> with at least the Poll settings.",
            },
          ]
        : NONE,
  },
  {
    code: "search-criteria-double-escaped",
    severity: "error",
    step: "provisioning",
    title: "SSLCLIENTCERTSEARCHCRITERIA is escaped once, not twice.",
    source: {
      doc: "w7-application-csp",
      section: "SSLCLIENTCERTSEARCHCRITERIA (& written &amp; once)",
    },
    note: "The Microsoft Learn samples write &amp;amp;, which leaves Windows a pair named amp;Stores.",
    check: ({ searchCriteria }) =>
      searchCriteria?.ignored.some((name) => name.toLowerCase() === "amp;stores")
        ? [
            {
              message:
                "SSLCLIENTCERTSEARCHCRITERIA is escaped twice (&amp;amp;), so Windows reads a pair named amp;Stores and no Stores.",
              hint: "Write the separator as &amp; once in the XML attribute.",
              param: "SSLCLIENTCERTSEARCHCRITERIA",
            },
          ]
        : NONE,
  },
  {
    code: "search-criteria-missing",
    severity: "info",
    step: "provisioning",
    title: "SSLCLIENTCERTSEARCHCRITERIA tells Windows which certificate to present.",
    source: { doc: "fleet-windows-capture", section: "provisioning document without the parm" },
    note: "Working servers omit it and Windows still presented the right certificate.",
    check: ({ document }) =>
      document?.application?.appId === "w7" &&
      document.application.sslClientCertSearchCriteria === undefined
        ? [
            {
              message:
                "The w7 APPLICATION has no SSLCLIENTCERTSEARCHCRITERIA; Windows picked the right certificate without it in the captures seen.",
              hint: "Add Subject=CN%3d<certificate CN>&amp;Stores=MY%5CUser (MY%5CSystem for a device) to make the choice explicit.",
              param: "SSLCLIENTCERTSEARCHCRITERIA",
            },
          ]
        : NONE,
  },
  {
    code: "renew-period-spelling",
    severity: "info",
    step: "provisioning",
    title: "The renewal period parm is spelled RenewPeriod.",
    source: mde2("2.2.9.1 samples and 2.2.9.2 CSP text (RenewPeriod vs RenewalPeriod)"),
    check: ({ document }) =>
      document?.certificateStore.renewal?.renewPeriodName === "RenewalPeriod"
        ? [
            {
              message:
                "The renewal settings spell the period RenewalPeriod, as MS-MDE2's prose does; the samples and the DDF spell it RenewPeriod.",
              hint: "Write RenewPeriod.",
            },
          ]
        : NONE,
  },
  {
    code: "w7-parm-unknown",
    severity: "info",
    step: "provisioning",
    title: "Every w7 parm is one the CSP documents.",
    source: { doc: "w7-application-csp", section: "parm list" },
    check: ({ document }) =>
      (document?.application?.unknownParms ?? []).map((p) => ({
        message: `The w7 APPLICATION sets ${p.name}, which the w7 CSP does not document; Windows may ignore it.`,
        param: p.name,
      })),
  },
  // ---- the issued certificate ---------------------------------------------------------------------
  {
    code: "certificate-not-client-auth",
    severity: "error",
    step: "certificate",
    title: "The issued certificate can serve TLS client authentication (clientAuth or no EKU).",
    source: inference,
    note: "No Microsoft source states an EKU requirement. The certificate is the TLS client certificate of the management session (MS-MDM 1.3), and working servers issue clientAuth.",
    check: ({ client }) => {
      const ekus = client?.summary?.extendedKeyUsages;
      if (!ekus || ekus.length === 0 || ekus.includes(CLIENT_AUTH) || ekus.includes(ANY_EKU))
        return NONE;
      return [
        {
          message: `The issued certificate's extended key usages (${ekus.join(", ")}) do not include TLS client authentication.`,
          hint: "Issue it with EKU clientAuth (1.3.6.1.5.5.7.3.2), as working MDM servers do.",
        },
      ];
    },
  },
  {
    code: "certificate-key-mismatch",
    severity: "error",
    step: "certificate",
    title: "The issued certificate holds the public key of the request.",
    source: inference,
    windowsError: "menroll-e-prov-sslcertnotfound",
    note: "The catalog entry is an inference from the SDK's text; not observed on a device.",
    check: ({ holdsRequestKey }) =>
      holdsRequestKey === false
        ? [
            {
              message:
                "The issued certificate is for another key than the one the device sent in its request.",
              hint: "Issue the certificate for the public key in the PKCS#10 request.",
            },
          ]
        : NONE,
  },
  {
    code: "certificate-untrusted-chain",
    severity: "error",
    step: "certificate",
    title: "The issued certificate chains to a root the document installs.",
    source: mde2(
      "2.2.9.1 Provisioning document (root and intermediates are installed with the client certificate)",
    ),
    note: "Whether Windows refuses an unchained certificate at enrollment or only at the first session: no source found.",
    check: ({ client, chainsToInstalledRoot }) =>
      client?.certificate && chainsToInstalledRoot === false
        ? [
            {
              message: `The issued certificate (issuer ${client.certificate.issuer}) does not chain to a root certificate the document installs in Root/System.`,
              hint: "Install the issuing CA's root under CertificateStore/Root/System/<thumbprint> (and any intermediate under CA/System).",
            },
          ]
        : NONE,
  },
  {
    code: "certificate-not-valid-now",
    severity: "error",
    step: "certificate",
    title: "The issued certificate is valid now.",
    source: inference,
    check: ({ client, now }) => {
      const cert = client?.certificate;
      if (!cert) return NONE;
      if (cert.notBefore.getTime() > now)
        return [
          {
            message: `The issued certificate is not valid before ${cert.notBefore.toISOString()}.`,
            hint: "Check the server's clock and the notBefore it writes.",
          },
        ];
      if (cert.notAfter.getTime() < now)
        return [
          {
            message: `The issued certificate expired on ${cert.notAfter.toISOString()}.`,
            hint: "Issue certificates valid from now.",
          },
        ];
      return NONE;
    },
  },
  {
    code: "search-criteria-no-match",
    severity: "error",
    step: "certificate",
    title: "SSLCLIENTCERTSEARCHCRITERIA finds the issued certificate.",
    source: mde2("2.2.9.5 w7 APPLICATION (SSLCLIENTCERTSEARCHCRITERIA: Subject and Stores)"),
    check: ({ searchCriteria, client }) => {
      if (!searchCriteria || !client?.certificate) return NONE;
      const findings: EnrollmentFinding[] = [];
      const store = client.provisioned.store.replace("/", "\\").toLowerCase();
      const stores = searchCriteria.stores.map((s) => s.toLowerCase());
      if (stores.length > 0 && !stores.includes(store))
        findings.push({
          message: `SSLCLIENTCERTSEARCHCRITERIA looks in ${searchCriteria.stores.join(", ")}, but the certificate goes to ${client.provisioned.store}.`,
          hint: `Write Stores=${client.provisioned.store.replace("/", "%5C")}.`,
          param: "SSLCLIENTCERTSEARCHCRITERIA",
        });
      const subject = client.certificate.subject;
      if (
        searchCriteria.subjects.length > 0 &&
        !searchCriteria.subjects.some((s) => sameSubject(s, subject))
      )
        findings.push({
          message: `SSLCLIENTCERTSEARCHCRITERIA looks for subject ${searchCriteria.subjects.join(" or ")}, but the certificate's subject is ${subject}.`,
          hint: "Write the issued certificate's subject, percent-encoded (CN%3d…).",
          param: "SSLCLIENTCERTSEARCHCRITERIA",
        });
      return findings;
    },
  },
];
