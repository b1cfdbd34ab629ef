/**
 * Everything the checks read, worked out once from an observation: the parsed answers, the
 * provisioning document, its certificates decoded, the chain and key comparisons (WebCrypto, so
 * async). The checks themselves then stay synchronous and short.
 */
import type { X509Certificate } from "@peculiar/x509";
import type { HttpExchange } from "../discovery/transport.js";
import { decodeCertificate, summarizeCertificate, thumbprintOf } from "./certificate.js";
import { keyRequirementsOf } from "./policy-request.js";
import { parsePolicyResponse } from "./policy-response.js";
import { parseProvisioningDocument } from "./provisioning.js";
import { parseSearchCriteria, type SearchCriteria } from "./search-criteria.js";
import type {
  CertificateSummary,
  EnrollmentObservation,
  EnrollmentStepId,
  KeyRequirements,
  ParsedEnrollmentResponse,
  ParsedPolicyResponse,
  ParsedProvisioningDocument,
  ProvisionedCertificate,
  ProvisioningDocument,
} from "./types.js";

/** One certificate the document installs, decoded when it can be. */
export interface DecodedCertificate {
  readonly provisioned: ProvisionedCertificate;
  readonly certificate?: X509Certificate;
  readonly summary?: CertificateSummary;
  /** The SHA-1 of the decoded DER, to compare with the thumbprint written. */
  readonly actualThumbprint?: string;
  readonly decodeError?: string;
}

/** One HTTP exchange and the step it belongs to. */
export interface StepExchange {
  readonly step: EnrollmentStepId;
  readonly url?: string;
  readonly exchange: HttpExchange;
}

export interface EnrollmentContext {
  readonly observation: EnrollmentObservation;
  readonly now: number;
  readonly exchanges: readonly StepExchange[];
  readonly policyBody?: string;
  readonly policy?: ParsedPolicyResponse;
  /** The request's MessageID for each step, read from the request sent. */
  readonly messageIds: Partial<Record<EnrollmentStepId, string>>;
  readonly keyRequirements: KeyRequirements;
  readonly enrollmentBody?: string;
  /** The enrollment response, when the body was an envelope. */
  readonly enrollment?: ParsedEnrollmentResponse;
  readonly parsedDocument?: ParsedProvisioningDocument;
  readonly document?: ProvisioningDocument;
  readonly certificates: readonly DecodedCertificate[];
  /** The first client certificate (My/User or My/System). */
  readonly client?: DecodedCertificate;
  /** Whether the client certificate's chain ends in a root the document installs (undefined: no client certificate). */
  readonly chainsToInstalledRoot?: boolean;
  /** Whether the client certificate holds the request's public key (undefined: nothing to compare). */
  readonly holdsRequestKey?: boolean;
  readonly searchCriteria?: SearchCriteria;
}

/** The answer's text; a cut-off one (response-too-large) is not read, it would only mislead. */
function bodyOf(step: { exchange?: HttpExchange; body?: string } | undefined): string | undefined {
  const response = step?.exchange?.response;
  if (response?.truncated) return undefined;
  return response?.body ?? step?.body;
}

function messageIdOf(exchange: HttpExchange | undefined): string | undefined {
  const body = exchange?.request.body;
  return body ? /<a:MessageID>([^<]*)<\/a:MessageID>/.exec(body)?.[1]?.trim() : undefined;
}

async function decodeOne(provisioned: ProvisionedCertificate): Promise<DecodedCertificate> {
  if (provisioned.encoded === undefined)
    return { provisioned, decodeError: "the characteristic has no EncodedCertificate parm" };
  try {
    const certificate = decodeCertificate(provisioned.encoded);
    const [summary, actualThumbprint] = await Promise.all([
      summarizeCertificate(new Uint8Array(certificate.rawData)),
      thumbprintOf(certificate),
    ]);
    return { provisioned, certificate, summary, actualThumbprint };
  } catch (error) {
    return { provisioned, decodeError: error instanceof Error ? error.message : String(error) };
  }
}

async function signedBy(child: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  if (child.issuer !== issuer.subject) return false;
  try {
    return await child.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/** Walks issuer links through the document's certificates until one of its roots (at most 5 links). */
async function chainsToRoot(
  leaf: X509Certificate,
  roots: readonly X509Certificate[],
  others: readonly X509Certificate[],
): Promise<boolean> {
  let current = leaf;
  for (let depth = 0; depth < 5; depth++) {
    for (const root of roots) if (await signedBy(current, root)) return true;
    let next: X509Certificate | undefined;
    for (const candidate of others) {
      if (candidate !== current && (await signedBy(current, candidate))) {
        next = candidate;
        break;
      }
    }
    if (!next) return false;
    current = next;
  }
  return false;
}

function sameBytes(a: ArrayBuffer | Uint8Array, b: Uint8Array): boolean {
  const x = new Uint8Array(a);
  return x.length === b.length && x.every((byte, i) => byte === b[i]);
}

/** Parses, decodes and compares everything an observation holds. */
export async function prepareContext(
  observation: EnrollmentObservation,
): Promise<EnrollmentContext> {
  const now = observation.checkedAt ?? Date.now();
  const exchanges: StepExchange[] = [];
  const messageIds: Partial<Record<EnrollmentStepId, string>> = {};
  for (const step of ["policies", "enrollment"] as const) {
    const seen = observation[step === "policies" ? "policy" : "enrollment"];
    if (seen?.exchange) {
      exchanges.push({ step, exchange: seen.exchange, ...(seen.url ? { url: seen.url } : {}) });
      const id = messageIdOf(seen.exchange);
      if (id) messageIds[step] = id;
    }
  }
  const policyBody = bodyOf(observation.policy);
  const policy = policyBody !== undefined ? parsePolicyResponse(policyBody) : undefined;
  // An empty enrollment answer is its own finding (enrollment-missing), not an unreadable document.
  const enrollmentText = bodyOf(observation.enrollment);
  const enrollmentBody = enrollmentText?.trim() ? enrollmentText : undefined;
  const parsedDocument =
    enrollmentBody !== undefined ? parseProvisioningDocument(enrollmentBody) : undefined;
  const enrollment =
    parsedDocument && "response" in parsedDocument ? parsedDocument.response : undefined;
  const document = parsedDocument?.kind === "document" ? parsedDocument.document : undefined;
  const store = document?.certificateStore;
  const certificates = await Promise.all(
    [...(store?.roots ?? []), ...(store?.intermediates ?? []), ...(store?.client ?? [])].map(
      decodeOne,
    ),
  );
  const client = certificates.find((c) => c.provisioned.store.startsWith("My/"));
  const roots = certificates
    .filter((c) => c.provisioned.store === "Root/System")
    .flatMap((c) => (c.certificate ? [c.certificate] : []));
  const others = certificates
    .filter((c) => c.provisioned.store !== "Root/System" && c !== client)
    .flatMap((c) => (c.certificate ? [c.certificate] : []));
  const chainsToInstalledRoot = client?.certificate
    ? await chainsToRoot(client.certificate, roots, others)
    : undefined;
  const requestKey = observation.request?.publicKey;
  const holdsRequestKey =
    client?.certificate && requestKey
      ? sameBytes(client.certificate.publicKey.rawData, requestKey)
      : undefined;
  const criteria = document?.application?.sslClientCertSearchCriteria;
  return {
    observation,
    now,
    exchanges,
    ...(policyBody !== undefined ? { policyBody } : {}),
    ...(policy ? { policy } : {}),
    messageIds,
    keyRequirements: keyRequirementsOf(policy),
    ...(enrollmentBody !== undefined ? { enrollmentBody } : {}),
    ...(enrollment ? { enrollment } : {}),
    ...(parsedDocument ? { parsedDocument } : {}),
    ...(document ? { document } : {}),
    certificates,
    ...(client ? { client } : {}),
    ...(chainsToInstalledRoot !== undefined ? { chainsToInstalledRoot } : {}),
    ...(holdsRequestKey !== undefined ? { holdsRequestKey } : {}),
    ...(criteria !== undefined ? { searchCriteria: parseSearchCriteria(criteria) } : {}),
  };
}
