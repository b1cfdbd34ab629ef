/**
 * The public shapes of `@winenroll/core/enrollment`: what the builders take and give, what the
 * parsers return, and what `diagnoseEnrollment` reads and reports. Kept in one file so the CLI and
 * the reference server can be written against it while the bodies are filled in.
 */
import type { Diagnostic, Severity } from "../diagnostics/diagnostic.js";
import type { ReportStep } from "../diagnostics/step.js";
import type { AuthPolicy } from "../discovery/request.js";
import type { DiscoverFault, SoapVersion } from "../discovery/response.js";
import type { HttpExchange } from "../discovery/transport.js";
import type { Citation } from "../sources/sources.js";

export type { AuthPolicy } from "../discovery/request.js";

/** The hashes a certificate request can be signed with (WebCrypto names). */
export type HashName = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";

// ---------------------------------------------------------------------------------------------
// Credentials (one WS-Security header per AuthPolicy, the same on GetPolicies and the RST)
// ---------------------------------------------------------------------------------------------

/** OnPremise: a UsernameToken with the password in clear text (PasswordText), over HTTPS. */
export interface OnPremiseCredential {
  readonly policy: "OnPremise";
  readonly username: string;
  readonly password: string;
}

/**
 * Federated: the token the sign-in page handed back (its `wresult`), sent base64-encoded in a
 * BinarySecurityToken whose ValueType is DeviceEnrollmentUserToken.
 */
export interface FederatedCredential {
  readonly policy: "Federated";
  /** The token exactly as the sign-in page returned it; the builder base64-encodes it. */
  readonly token: string;
}

/**
 * Certificate: by default no token in the SOAP header (the client certificate goes on the TLS
 * connection, as MS-WSTEP says). `signedHeader` asks for the MS-MDE2 variant instead: a Timestamp,
 * the certificate as an X509v3 BinarySecurityToken and an XML signature over the envelope.
 */
export interface CertificateCredential {
  readonly policy: "Certificate";
  readonly signedHeader?: {
    /** The client certificate, PEM or base64 DER. */
    readonly certificate: string;
    /** Its private key (RSASSA-PKCS1-v1_5, usable for `sign`). */
    readonly privateKey: CryptoKey;
  };
}

export type EnrollmentCredential =
  | OnPremiseCredential
  | FederatedCredential
  | CertificateCredential;

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

/** A SOAP request ready to POST. */
export interface SoapRequest {
  /** Where to POST it (also the WS-Addressing To header). */
  readonly url: string;
  readonly xml: string;
  /** The `urn:uuid:…` MessageID; the answer's RelatesTo should repeat it. */
  readonly messageId: string;
  /** The HTTP headers Windows sends with it (Content-Type, User-Agent). */
  readonly headers: Readonly<Record<string, string>>;
}

export interface PolicyRequestInput {
  /** EnrollmentPolicyServiceUrl from the Discover response. */
  readonly url: string;
  readonly credential: EnrollmentCredential;
  /** `urn:uuid:…`; a fresh one when absent. */
  readonly messageId?: string;
  /** When the request is made (ms since the epoch); the signed Certificate header's Timestamp. */
  readonly now?: number;
}

/** The key and hash the device will use, and why. */
export interface KeyRequirements {
  /** RSA modulus length in bits. */
  readonly keyLength: number;
  readonly hash: HashName;
  /** Where each value came from: the policy, or Windows' default when the policy names none. */
  readonly keyLengthFrom: "policy" | "default";
  readonly hashFrom: "policy" | "default";
  readonly source: Citation;
}

/** Values of AdditionalContext items, by item name; a list repeats the item (MAC). `null` drops an item. */
export type ContextValues = Readonly<Record<string, string | readonly string[] | null>>;

export interface EnrollmentRequestInput {
  /** EnrollmentServiceUrl from the Discover response. */
  readonly url: string;
  readonly credential: EnrollmentCredential;
  /** What the policy step asked for; Windows' defaults (2048-bit RSA, SHA-1) when absent. */
  readonly requirements?: KeyRequirements;
  /**
   * AdditionalContext items to set or override (see `CONTEXT_ITEMS` for each item's meaning and
   * source). Items not given take the simulated device's values; `null` leaves an item out.
   */
  readonly context?: ContextValues;
  /** 32 upper-case hex digits, as Windows writes it; a fresh one when absent. */
  readonly deviceId?: string;
  readonly messageId?: string;
  readonly now?: number;
}

/** One AdditionalContext item as sent. */
export interface ContextItemValue {
  readonly name: string;
  readonly value: string;
}

export interface EnrollmentRequest extends SoapRequest {
  /** The key pair made for this request (fresh every call); the private key never leaves it. */
  readonly keys: CryptoKeyPair;
  /** The PKCS#10 request, DER. */
  readonly csr: Uint8Array;
  /** The same, PEM. */
  readonly csrPem: string;
  /** The public key as SubjectPublicKeyInfo DER, to check the issued certificate against. */
  readonly publicKey: Uint8Array;
  readonly deviceId: string;
  /** The CSR subject's CN as sent (`<GUID prefix>!<DeviceID>` and a NUL, as Windows writes it). */
  readonly subjectCommonName: string;
  readonly keyLength: number;
  readonly hash: HashName;
  readonly contextItems: readonly ContextItemValue[];
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export type { SoapVersion } from "../discovery/response.js";

/**
 * A SOAP fault an enrollment or policy service sent, with what Windows makes of it: the fields
 * discovery reads from any fault, the MS-WSTEP detail and the on-screen text.
 */
export interface EnrollmentFault extends DiscoverFault {
  /** MS-WSTEP CertificateEnrollmentWSDetail, when the detail has one. */
  readonly wstep?: {
    readonly errorCode?: number;
    readonly invalidRequest?: boolean;
    readonly requestId?: string;
  };
  /** What Windows shows on screen for it, where a source shows it (`{0}` filled with the code). */
  readonly windowsText?: string;
}

/** One OID the policy response declares. */
export interface PolicyOid {
  readonly value: string;
  /** 1 hash, 2 encryption, 3 public key, 4 signing, 5 RDN, 6 extension, 7 EKU, 8 policy, 9 enrollment object. */
  readonly group?: number;
  readonly referenceId?: string;
  readonly defaultName?: string;
}

/** One certificate enrollment policy (template) of a GetPolicies response. */
export interface EnrollmentPolicy {
  /** attributes/commonName: the template name. */
  readonly templateName?: string;
  readonly policySchema?: number;
  readonly policyOid?: PolicyOid;
  readonly minimalKeyLength?: number;
  readonly keySpec?: number;
  /** The OID `hashAlgorithmOIDReference` names, when it names one. */
  readonly hashAlgorithm?: PolicyOid;
  /** The hash Windows would sign with for that OID, when winenroll knows it. */
  readonly hash?: HashName;
  /** The key algorithm OID `algorithmOIDReference` names. */
  readonly keyAlgorithm?: PolicyOid;
  readonly cryptoProviders: readonly string[];
  readonly validityPeriodSeconds?: number;
  readonly renewalPeriodSeconds?: number;
  readonly revision?: { readonly major?: number; readonly minor?: number };
  /** Every OID reference that named no declared OID (by reference id). */
  readonly danglingReferences: readonly string[];
}

export type ParsedPolicyResponse =
  | {
      readonly kind: "policies";
      readonly soapVersion: SoapVersion;
      readonly action?: string;
      readonly relatesTo?: string;
      readonly policyId?: string;
      readonly policyFriendlyName?: string;
      readonly nextUpdateHours?: number;
      readonly policies: readonly EnrollmentPolicy[];
      readonly oids: readonly PolicyOid[];
      /** Departures from the schema that Windows tolerates (missing elements, unknown OIDs). */
      readonly notes: readonly Diagnostic[];
    }
  | { readonly kind: "fault"; readonly soapVersion: SoapVersion; readonly fault: EnrollmentFault }
  | { readonly kind: "invalid"; readonly error: string };

export type ParsedEnrollmentResponse =
  | {
      readonly kind: "token";
      readonly soapVersion: SoapVersion;
      readonly action?: string;
      readonly relatesTo?: string;
      readonly tokenType?: string;
      readonly valueType?: string;
      readonly encodingType?: string;
      readonly requestId?: string;
      readonly dispositionMessage?: string;
      /** The BinarySecurityToken's content, as sent (base64). */
      readonly token: string;
      /** The decoded provisioning document, when the base64 decodes to UTF-8 text. */
      readonly provisioningXml?: string;
      /** How many RequestSecurityTokenResponse elements the collection held (MS-WSTEP allows one). */
      readonly responseCount: number;
      readonly notes: readonly Diagnostic[];
    }
  | { readonly kind: "fault"; readonly soapVersion: SoapVersion; readonly fault: EnrollmentFault }
  | { readonly kind: "invalid"; readonly error: string };

// ---------------------------------------------------------------------------------------------
// Provisioning document
// ---------------------------------------------------------------------------------------------

export interface ProvisioningParm {
  readonly name: string;
  /** Absent for a valueless parm (BACKCOMPATRETRYDISABLED). */
  readonly value?: string;
  readonly datatype?: string;
}

/** One characteristic, with its parms and nested characteristics, as written. */
export interface ProvisioningCharacteristic {
  readonly type: string;
  /** The path of types from the document root, joined with `/` (`CertificateStore/Root/System`). */
  readonly path: string;
  readonly parms: readonly ProvisioningParm[];
  readonly characteristics: readonly ProvisioningCharacteristic[];
}

/** A certificate the document installs, with the store it goes to. */
export interface ProvisionedCertificate {
  /** `Root/System`, `My/User`, `My/System`, `CA/System` … as written. */
  readonly store: string;
  /** The thumbprint characteristic's name, as written. */
  readonly thumbprint: string;
  /** EncodedCertificate, as written (base64 DER). */
  readonly encoded?: string;
  /** Whether a PrivateKeyContainer characteristic sits beside it. */
  readonly privateKeyContainer: boolean;
}

export interface RenewalSettings {
  readonly robosupport?: string;
  readonly renewPeriod?: string;
  readonly retryInterval?: string;
  readonly serverUrl?: string;
  /** The spelling the document used for the period (`RenewPeriod`, or the prose's `RenewalPeriod`). */
  readonly renewPeriodName?: string;
}

export interface CertificateStoreView {
  readonly roots: readonly ProvisionedCertificate[];
  readonly intermediates: readonly ProvisionedCertificate[];
  /** The client certificates (My/User or My/System). */
  readonly client: readonly ProvisionedCertificate[];
  readonly renewal?: RenewalSettings;
}

/** The w7 APPLICATION characteristic's parms. */
export interface W7Application {
  readonly appId?: string;
  readonly providerId?: string;
  readonly name?: string;
  readonly addr?: string;
  readonly connRetryFreq?: string;
  readonly initialBackoffTime?: string;
  readonly maxBackoffTime?: string;
  /** True when the valueless BACKCOMPATRETRYDISABLED parm is present. */
  readonly backCompatRetryDisabled: boolean;
  readonly defaultEncoding?: string;
  readonly sslClientCertSearchCriteria?: string;
  readonly appAuth: readonly Readonly<Record<string, string>>[];
  /** Parms the w7 CSP does not document (ServerList, SSPHyperlink …), as written. */
  readonly unknownParms: readonly ProvisioningParm[];
}

/** DMClient `Provider/<ProviderID>`: its parms, flattened to `Poll/IntervalForFirstSetOfRetries` style names. */
export interface DmClientProvider {
  readonly providerId: string;
  readonly settings: Readonly<Record<string, string>>;
}

export interface ProvisioningDocument {
  readonly version?: string;
  readonly characteristics: readonly ProvisioningCharacteristic[];
  readonly certificateStore: CertificateStoreView;
  readonly application?: W7Application;
  readonly dmClient: readonly DmClientProvider[];
}

export type ParsedProvisioningDocument =
  | {
      readonly kind: "document";
      /** Whether the text pasted was a bare document or a whole enrollment response. */
      readonly from: "document" | "enrollment-response";
      readonly document: ProvisioningDocument;
      /** The document's XML (decoded from the response when that was given). */
      readonly xml: string;
      readonly response?: ParsedEnrollmentResponse;
    }
  | { readonly kind: "fault"; readonly response: ParsedEnrollmentResponse }
  | {
      readonly kind: "invalid";
      readonly error: string;
      readonly response?: ParsedEnrollmentResponse;
    };

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** SHA-1 of the DER, upper-case hex, as Windows shows it. */
  readonly thumbprint: string;
  readonly serialNumber: string;
  /** Extended key usages by OID; empty when the certificate has no EKU extension. */
  readonly extendedKeyUsages: readonly string[];
  readonly keyAlgorithm: string;
  readonly keyLength?: number;
  readonly signatureAlgorithm: string;
  readonly selfSigned: boolean;
}

// ---------------------------------------------------------------------------------------------
// Diagnosis
// ---------------------------------------------------------------------------------------------

/** One step's traffic as the transport saw it, or just the body (a pasted response). */
export interface ObservedExchange {
  readonly url?: string;
  /** The request and what came of it, from the CLI's transport. */
  readonly exchange?: HttpExchange;
  /** The response body when there is no exchange (the docs inspector's paste). */
  readonly body?: string;
}

/** Everything one enrollment attempt produced; diagnoseEnrollment judges it without the network. */
export interface EnrollmentObservation {
  /** When it ran (ms since the epoch), for certificate dates; defaults to now. */
  readonly checkedAt?: number;
  readonly authPolicy?: AuthPolicy;
  /** The GetPolicies exchange; absent when discovery named no policy service. */
  readonly policy?: ObservedExchange;
  /** The RequestSecurityToken exchange, or a pasted enrollment response or provisioning document. */
  readonly enrollment?: ObservedExchange;
  /** What the device asked for: the key it sent (to match the certificate) and the key and hash used. */
  readonly request?: {
    readonly publicKey?: Uint8Array;
    readonly keyLength?: number;
    readonly hash?: HashName;
  };
  /** Certificate policy: how the client certificate was presented, when the CLI knows. */
  readonly certificateAuthentication?: "tls" | "signed-header";
}

export type EnrollmentStepId = "policies" | "enrollment" | "provisioning" | "certificate";
export type { StepVerdict } from "../diagnostics/step.js";

export interface EnrollmentDiagnostic extends Diagnostic {
  readonly step: EnrollmentStepId;
  /** The catalog entry Windows would report for this failure, when one fits. */
  readonly windowsError?: string;
}

/** A step of the enrollment diagnosis: the shared step report, its diagnostics tagged by step. */
export type EnrollmentStep = ReportStep<EnrollmentStepId, EnrollmentDiagnostic>;

export interface EnrollmentDiagnosis {
  /** True when no step fails: Windows would enroll. */
  readonly ok: boolean;
  readonly steps: readonly EnrollmentStep[];
  /** Catalog ids of what Windows would report, first failure first. */
  readonly errors: readonly string[];
  readonly diagnostics: readonly EnrollmentDiagnostic[];
  readonly policy?: ParsedPolicyResponse;
  readonly keyRequirements: KeyRequirements;
  readonly enrollment?: ParsedEnrollmentResponse;
  readonly document?: ProvisioningDocument;
  /** The issued client certificate. */
  readonly certificate?: CertificateSummary;
  /** Every certificate the document installs, decoded, by store. */
  readonly certificates: readonly (CertificateSummary & { readonly store: string })[];
  /** ADDR: where the first management session goes. */
  readonly managementUrl?: string;
}

/** One check of diagnoseEnrollment's table. */
export interface EnrollmentCheckInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly step: EnrollmentStepId;
  /** What the check looks at, in one sentence (for the reference table). */
  readonly title: string;
  readonly source: Citation;
  /** The catalog entry Windows would report, when a source or the check's note ties one to it. */
  readonly windowsError?: string;
  /** Said where the rule rests on observation rather than a Microsoft requirement. */
  readonly note?: string;
}

// ---------------------------------------------------------------------------------------------
// Server-side writers (for reference servers and tests)
// ---------------------------------------------------------------------------------------------

export interface PolicyResponseOptions {
  readonly relatesTo?: string;
  /** attributes/commonName. */
  readonly templateName?: string;
  /** privateKeyAttributes/minimalKeyLength; 2048 when absent. */
  readonly minimalKeyLength?: number;
  /** The hash OID the policy names; `null` writes a nil hashAlgorithmOIDReference (Windows then uses SHA-1). */
  readonly hashOid?: string | null;
  readonly soapVersion?: SoapVersion;
}

export interface ProvisioningDocumentOptions {
  /** The root the document installs in Root/System (PEM or base64 DER); omit to leave it out. */
  readonly rootCertificate?: string;
  /** An intermediate, installed in CA/System. */
  readonly intermediateCertificate?: string;
  /** The issued client certificate (PEM or base64 DER). */
  readonly clientCertificate: string;
  /** `My/User` for a user enrollment (the default), `My/System` for a device one. */
  readonly clientStore?: "My/User" | "My/System";
  /** w7 PROVIDER-ID and, unless `dmClientProviderId` says otherwise, the DMClient provider. */
  readonly providerId: string;
  readonly dmClientProviderId?: string;
  /** w7 ADDR: the management server's URL. */
  readonly addr: string;
  readonly name?: string;
  /** SSLCLIENTCERTSEARCHCRITERIA as it should read after XML decoding; `null` leaves the parm out. */
  readonly sslClientCertSearchCriteria?: string | null;
  /** Whether to write the Renew settings (true by default). */
  readonly renewal?: boolean;
}

export interface EnrollmentResponseOptions {
  /** The wap-provisioningdoc to send, as XML text (base64-encoded by the writer). */
  readonly provisioningXml: string;
  readonly relatesTo?: string;
  readonly soapVersion?: SoapVersion;
  readonly requestId?: string;
}

export interface EnrollmentFaultOptions {
  /** `MessageFormat`, `Authentication`, `Authorization`, `CertificateRequest`, `EnrollmentServer`, `InternalServiceFault`, `InvalidSecurity` … */
  readonly subcode: string;
  /** Prefix of the subcode as MS-MDE2's table writes it: `s` (default) or `a`. */
  readonly namespace?: "s" | "a";
  readonly reason?: string;
  /** DeviceEnrollmentServiceError/ErrorType (DeviceCapReached, DeviceNotSupported …). */
  readonly errorType?: string;
  readonly message?: string;
  readonly relatesTo?: string;
  readonly soapVersion?: SoapVersion;
}
