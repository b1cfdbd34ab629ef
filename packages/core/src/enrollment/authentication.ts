/**
 * Before the policy step: does the device hold a credential of the kind the server chose in its
 * DiscoverResponse (AuthPolicy)? The checks are a table like diagnoseEnrollment's; when one fires,
 * Windows stops before sending anything to the policy service, and so does a simulated device.
 */
import { type CheckEntry, diagnosticOf } from "../diagnostics/check.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { AUTH_POLICIES } from "../discovery/request.js";
import type { HttpExchange } from "../discovery/transport.js";
import type { Citation } from "../sources/sources.js";
import { buildSignInUrl } from "./sign-in.js";
import type { ParsedEnrollmentResponse, ParsedPolicyResponse } from "./types.js";

/** What is known once discovery has answered: the server's choice, and what the user gave. */
export interface AuthenticationInput {
  /** AuthPolicy from the DiscoverResponse, as written. */
  readonly authPolicy?: string;
  /** AuthenticationServiceUrl from the DiscoverResponse (Federated). */
  readonly authenticationServiceUrl?: string;
  /** The user name (UPN) to authenticate as; also the sign-in page's login_hint. */
  readonly username?: string;
  readonly hasPassword: boolean;
  /** A Federated token the sign-in page handed back. */
  readonly hasToken: boolean;
  readonly hasClientCertificate: boolean;
}

/** What a check found: the authentication step's one-line summary and the diagnostic's message. */
export interface AuthenticationFinding {
  readonly stepSummary: string;
  readonly message: string;
}

export interface AuthenticationCheck extends CheckEntry {
  /** What to do, in words that do not depend on the face (the CLI names its own options). */
  readonly hint: string;
  readonly source: Citation;
  /** The catalog entry Windows would report, when one fits. */
  readonly windowsError?: string;
  readonly find: (input: AuthenticationInput) => AuthenticationFinding | undefined;
}

const KNOWN_POLICIES: ReadonlySet<string> = new Set(AUTH_POLICIES);

/** The checks, in the order they are tried; the first that fires is the one reported. */
export const AUTHENTICATION_CHECKS: readonly AuthenticationCheck[] = [
  {
    code: "unknown-auth-policy",
    severity: "error",
    summary: "The DiscoverResponse's AuthPolicy is one Windows knows.",
    hint: "Answer with one of the AuthPolicies the client offered.",
    source: { doc: "ms-mde2", section: "3.1.4.1.1.2" },
    find: ({ authPolicy }) =>
      authPolicy !== undefined && KNOWN_POLICIES.has(authPolicy)
        ? undefined
        : {
            stepSummary: `the server chose AuthPolicy ${authPolicy ?? "(none)"}, which Windows does not know`,
            message: `The DiscoverResponse's AuthPolicy "${authPolicy ?? ""}" is none of ${AUTH_POLICIES.join(", ")}.`,
          },
  },
  {
    code: "username-needed",
    severity: "error",
    summary: "OnPremise: a user name is given.",
    hint: "Give the user name (UPN), or enroll with the user's e-mail address.",
    source: { doc: "ms-mde2", section: "3.3.4.1.1.1" },
    find: ({ authPolicy, username }) =>
      authPolicy === "OnPremise" && !username
        ? {
            stepSummary: "the server asks for a user name and password (OnPremise)",
            message: "The server chose OnPremise authentication and no user name was given.",
          }
        : undefined,
  },
  {
    code: "password-needed",
    severity: "error",
    summary: "OnPremise: a password is given.",
    hint: "Give the user's password.",
    source: { doc: "ms-mde2", section: "3.3.4.1.1.1" },
    windowsError: "menroll-e-password-needed",
    find: ({ authPolicy, username, hasPassword }) =>
      authPolicy === "OnPremise" && username && !hasPassword
        ? {
            stepSummary: "the server asks for a password (OnPremise)",
            message: "The server chose OnPremise authentication and no password was given.",
          }
        : undefined,
  },
  {
    code: "authentication-service-url-missing",
    severity: "error",
    summary: "Federated: the DiscoverResponse names the sign-in page (AuthenticationServiceUrl).",
    hint: "The discovery service must name its sign-in page in AuthenticationServiceUrl.",
    source: { doc: "ms-mde2", section: "3.1.4.1.1.2" },
    find: ({ authPolicy, hasToken, authenticationServiceUrl }) =>
      authPolicy === "Federated" && !hasToken && !authenticationServiceUrl
        ? {
            stepSummary: "the server chose Federated but named no sign-in page",
            message:
              "The DiscoverResponse chose Federated authentication without an AuthenticationServiceUrl.",
          }
        : undefined,
  },
  {
    code: "federated-token-needed",
    severity: "error",
    summary: "Federated: the token the sign-in page hands back is given.",
    hint: "Sign in at that page, then give the token it hands back.",
    source: { doc: "ms-mde2", section: "3.2" },
    find: ({ authPolicy, hasToken, authenticationServiceUrl, username }) => {
      if (authPolicy !== "Federated" || hasToken || !authenticationServiceUrl) return undefined;
      const url = buildSignInUrl({ authenticationServiceUrl, loginHint: username ?? "" });
      return {
        stepSummary: `sign in at ${url}`,
        message: `The server chose Federated authentication: Windows would open ${url} and send the token the page hands back.`,
      };
    },
  },
  {
    code: "client-certificate-needed",
    severity: "error",
    summary: "Certificate: a client certificate and its key are given.",
    hint: "Give the client certificate and its private key.",
    source: { doc: "ms-wstep", section: "3.1.1.1.2" },
    windowsError: "menroll-e-certauth-failed-to-find-cert",
    find: ({ authPolicy, hasClientCertificate }) =>
      authPolicy === "Certificate" && !hasClientCertificate
        ? {
            stepSummary: "the server asks for a client certificate (Certificate)",
            message:
              "The server chose Certificate authentication and no client certificate was given.",
          }
        : undefined,
  },
];

/**
 * The two ways a Certificate device presents its certificate, each with the document that
 * describes it; the diagnosis says which one the server accepted.
 */
export const CERTIFICATE_PRESENTATIONS: Readonly<
  Record<"tls" | "signed-header", { readonly accepted: string; readonly source: Citation }>
> = {
  tls: {
    accepted: "the server accepted the TLS client certificate (MS-WSTEP)",
    source: { doc: "ms-wstep", section: "3.1.1.1.2" },
  },
  "signed-header": {
    accepted: "the server accepted the signed WS-Security header (MS-MDE2)",
    source: { doc: "ms-mde2", section: "3.3.4.1.1.1.2" },
  },
};

/** Whether the device can authenticate, and if not, the authentication step's report. */
export interface AuthenticationVerdict {
  readonly ok: boolean;
  /** The step's one-line summary, when it fails. */
  readonly summary?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Catalog ids of what Windows would report. */
  readonly errors: readonly string[];
}

/**
 * Judges whether what the user gave fits the AuthPolicy the server chose, before anything goes
 * to the policy service. The first check that fires decides (a Federated server with no sign-in
 * page, or the sign-in URL Windows would open with its `appru` and `login_hint`, and so on).
 *
 * @example
 * const verdict = checkAuthentication({
 *   authPolicy: "Federated",
 *   authenticationServiceUrl: "https://login.contoso.com/mdm",
 *   username: "someone@contoso.com",
 *   hasPassword: false,
 *   hasToken: false,
 *   hasClientCertificate: false,
 * });
 * verdict.summary; // "sign in at https://login.contoso.com/mdm?appru=…&login_hint=someone%40contoso.com"
 */
export function checkAuthentication(input: AuthenticationInput): AuthenticationVerdict {
  for (const check of AUTHENTICATION_CHECKS) {
    const found = check.find(input);
    if (!found) continue;
    return {
      ok: false,
      summary: found.stepSummary,
      diagnostics: [diagnosticOf(check, found.message, { hint: check.hint })],
      errors: check.windowsError ? [check.windowsError] : [],
    };
  }
  return { ok: true, diagnostics: [], errors: [] };
}

/**
 * Catalog entries of the faults that refuse the credential itself (s:Authentication and
 * a:InvalidSecurity, MS-MDE2 2.2.10), as opposed to the request or the server.
 */
const CREDENTIAL_REFUSED_ERRORS: ReadonlySet<string> = new Set([
  "menroll-e-device-authentication-error",
  "menroll-e-device-invalidsecurity-error",
]);

/**
 * True when an answer says the credential was not accepted, so another way of presenting it may
 * be tried: the TLS handshake failed (a client certificate refused there), or the service
 * answered with an authentication fault.
 *
 * @example
 * credentialRefused(exchange, parsePolicyResponse(exchange.response.body)); // true for s:Authentication
 */
export function credentialRefused(
  exchange: HttpExchange,
  parsed: ParsedPolicyResponse | ParsedEnrollmentResponse | undefined,
): boolean {
  if (exchange.failure?.kind === "tls") return true;
  return (
    parsed?.kind === "fault" && parsed.fault.errors.some((e) => CREDENTIAL_REFUSED_ERRORS.has(e))
  );
}
