import type { DiscoveryTransport, HttpExchange } from "@winenroll/core/discovery";
import {
  buildEnrollmentRequest,
  buildPolicyRequest,
  type ContextValues,
  credentialRefused,
  type EnrollmentCredential,
  type EnrollmentObservation,
  type EnrollmentRequest,
  keyRequirementsOf,
  type ParsedPolicyResponse,
  parseEnrollmentResponse,
  parsePolicyResponse,
  type SoapRequest,
} from "@winenroll/core/enrollment";

/**
 * The two SOAP exchanges after discovery, as Windows runs them: GetPolicies to the policy service
 * the DiscoverResponse named (when it named one), then the RequestSecurityToken to its enrollment
 * service with a key made to the policy's measure. Each request goes to the URL the server's own
 * answer gave, and nowhere else. The judging is core's (diagnoseEnrollment); this only talks.
 */

/** One way of proving who the device is: its credential and the connection that carries it. */
export interface Attempt {
  readonly credential: EnrollmentCredential;
  readonly transport: DiscoveryTransport;
  /** For Certificate auth: how the client certificate is presented. */
  readonly certificateAuthentication?: "tls" | "signed-header";
}

export interface HandshakeInput {
  readonly policyUrl?: string;
  readonly enrollmentUrl: string;
  /** Tried in order; a later one only when the server refused the earlier one's credential. */
  readonly attempts: readonly Attempt[];
  readonly context: ContextValues;
  /** What each request may still spend, read just before it is sent. */
  readonly budget: () => { timeoutMs: number; maxResponseBytes: number };
  readonly onStep?: (step: "policies" | "enrollment", url: string) => void;
}

export interface HandshakeOutcome {
  readonly observation: EnrollmentObservation;
  /** The request sent to the enrollment service, with the key made for it. */
  readonly request?: EnrollmentRequest;
}

async function post(
  transport: DiscoveryTransport,
  request: SoapRequest,
  budget: HandshakeInput["budget"],
): Promise<HttpExchange> {
  return transport.send(
    {
      method: "POST",
      url: request.url,
      headers: { ...request.headers, Host: new URL(request.url).host },
      body: request.xml,
    },
    budget(),
  );
}

/** Runs GetPolicies and the RequestSecurityToken with each attempt in turn until one is accepted. */
export async function runHandshake(input: HandshakeInput): Promise<HandshakeOutcome> {
  let outcome: HandshakeOutcome | undefined;
  for (const [index, attempt] of input.attempts.entries()) {
    const last = index === input.attempts.length - 1;
    const base: EnrollmentObservation = {
      authPolicy: attempt.credential.policy,
      ...(attempt.certificateAuthentication
        ? { certificateAuthentication: attempt.certificateAuthentication }
        : {}),
    };
    let policy: ParsedPolicyResponse | undefined;
    let observation = base;
    if (input.policyUrl) {
      input.onStep?.("policies", input.policyUrl);
      const request = await buildPolicyRequest({
        url: input.policyUrl,
        credential: attempt.credential,
      });
      const exchange = await post(attempt.transport, request, input.budget);
      observation = { ...base, policy: { url: input.policyUrl, exchange } };
      policy = exchange.response ? parsePolicyResponse(exchange.response.body) : undefined;
      outcome = { observation };
      if (!last && credentialRefused(exchange, policy)) continue;
      if (policy?.kind !== "policies" || exchange.response?.truncated) return outcome;
    }
    input.onStep?.("enrollment", input.enrollmentUrl);
    const request = await buildEnrollmentRequest({
      url: input.enrollmentUrl,
      credential: attempt.credential,
      requirements: keyRequirementsOf(policy),
      context: input.context,
    });
    const exchange = await post(attempt.transport, request, input.budget);
    outcome = {
      request,
      observation: {
        ...observation,
        enrollment: { url: input.enrollmentUrl, exchange },
        request: { publicKey: request.publicKey, keyLength: request.keyLength, hash: request.hash },
      },
    };
    const parsed = exchange.response ? parseEnrollmentResponse(exchange.response.body) : undefined;
    if (last || input.policyUrl || !credentialRefused(exchange, parsed)) return outcome;
  }
  return outcome ?? { observation: {} };
}
