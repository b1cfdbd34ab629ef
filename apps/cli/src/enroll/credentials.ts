import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import { cite } from "@winenroll/core";
import type { DiscoverResult, DiscoveryTransport } from "@winenroll/core/discovery";
import { buildSignInUrl, type EnrollmentCredential } from "@winenroll/core/enrollment";
import { UsageError } from "../errors.js";
import type { Attempt } from "./handshake.js";
import type { AuthenticationStop } from "./report.js";

/**
 * What the user gave to prove who they are, and the attempts it makes possible once discovery
 * says which AuthPolicy the server chose. No secret read here is ever printed.
 */
export interface GivenCredentials {
  readonly username?: string;
  readonly password?: string;
  readonly token?: string;
  readonly clientCertificate?: { readonly cert: string; readonly key: string };
}

/** Makes a transport; with a client certificate, it presents it to servers that ask. */
export type TransportFor = (clientCertificate?: {
  readonly cert: string;
  readonly key: string;
}) => DiscoveryTransport;

/**
 * Checks that the client key is a key, the certificate a certificate, and that they belong
 * together: a mismatched pair would only fail later, deep inside the TLS handshake.
 */
export function checkClientPair(cert: string, key: string): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch {
    throw new UsageError("--client-cert holds no readable certificate", "pass a PEM certificate");
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new UsageError(
      "--client-key holds no readable private key",
      "pass an unencrypted PEM private key (PKCS#8 or PKCS#1)",
    );
  }
  if (!certificate.checkPrivateKey(privateKey))
    throw new UsageError(
      "--client-key is not the key of --client-cert",
      "pass the private key that belongs to the certificate",
    );
}

/** The first line of what was piped in: the password, without its line break. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? "";
}

/** A token file's text without the line break an editor adds at its end. */
export async function readTokenFile(path: string): Promise<string> {
  return (await readFile(path, "utf8")).replace(/[\r\n]+$/, "");
}

type SigningKey = NonNullable<
  Extract<EnrollmentCredential, { policy: "Certificate" }>["signedHeader"]
>["privateKey"];

/**
 * The client key as a WebCrypto key for the MS-MDE2 signed header, or undefined when it cannot
 * sign RSASSA-PKCS1-v1_5 (an EC key still serves TLS client authentication).
 */
async function signingKey(pem: string): Promise<SigningKey | undefined> {
  try {
    const der = createPrivateKey(pem).export({ type: "pkcs8", format: "der" });
    return await globalThis.crypto.subtle.importKey(
      "pkcs8",
      der,
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false,
      ["sign"],
    );
  } catch {
    return undefined;
  }
}

const stop = (
  summary: string,
  code: string,
  message: string,
  hint: string,
  source: string,
  error?: string,
): AuthenticationStop => ({
  summary,
  diagnostics: [{ code, severity: "error", message, hint, source }],
  ...(error ? { error } : {}),
});

/**
 * The ways to authenticate with what was given under the server's AuthPolicy, in the order they
 * are tried; or why the run stops at the authentication step. For Certificate, the TLS client
 * certificate (MS-WSTEP) is tried first, then the signed header (MS-MDE2).
 */
export async function attemptsFor(
  result: DiscoverResult,
  given: GivenCredentials,
  transportFor: TransportFor,
): Promise<{ attempts: Attempt[] } | { stop: AuthenticationStop }> {
  switch (result.authPolicy) {
    case "OnPremise": {
      if (!given.username)
        return {
          stop: stop(
            "the server asks for a user name and password (OnPremise)",
            "username-needed",
            "The server chose OnPremise authentication and no user name was given.",
            "pass --username <upn>, or enroll with an e-mail address as the target",
            cite("ms-mde2", "3.3.4.1.1.1"),
          ),
        };
      if (given.password === undefined)
        return {
          stop: stop(
            "the server asks for a password (OnPremise)",
            "password-needed",
            "The server chose OnPremise authentication and no password was given.",
            "pipe the password in with --password-stdin (or pass --password)",
            cite("ms-mde2", "3.3.4.1.1.1"),
            "menroll-e-password-needed",
          ),
        };
      return {
        attempts: [
          {
            credential: {
              policy: "OnPremise",
              username: given.username,
              password: given.password,
            },
            transport: transportFor(),
          },
        ],
      };
    }
    case "Federated": {
      if (given.token !== undefined)
        return {
          attempts: [
            { credential: { policy: "Federated", token: given.token }, transport: transportFor() },
          ],
        };
      const authUrl = result.authenticationServiceUrl;
      if (!authUrl)
        return {
          stop: stop(
            "the server chose Federated but named no sign-in page",
            "authentication-service-url-missing",
            "The DiscoverResponse chose Federated authentication without an AuthenticationServiceUrl.",
            "the discovery service must name its sign-in page in AuthenticationServiceUrl",
            cite("ms-mde2", "3.1.4.1.1.2"),
          ),
        };
      const url = buildSignInUrl({
        authenticationServiceUrl: authUrl,
        loginHint: given.username ?? "",
      });
      return {
        stop: stop(
          `sign in at ${url}`,
          "federated-token-needed",
          `The server chose Federated authentication: Windows would open ${url} and send the token the page hands back.`,
          "sign in there, then pass the token with --token or --token-file",
          cite("ms-mde2", "3.2"),
        ),
      };
    }
    case "Certificate": {
      const client = given.clientCertificate;
      if (!client)
        return {
          stop: stop(
            "the server asks for a client certificate (Certificate)",
            "client-certificate-needed",
            "The server chose Certificate authentication and no client certificate was given.",
            "pass --client-cert <pem> and --client-key <pem>",
            cite("ms-wstep", "3.1.1.1.2"),
            "menroll-e-certauth-failed-to-find-cert",
          ),
        };
      const attempts: Attempt[] = [
        {
          credential: { policy: "Certificate" },
          transport: transportFor(client),
          certificateAuthentication: "tls",
        },
      ];
      const privateKey = await signingKey(client.key);
      if (privateKey)
        attempts.push({
          credential: {
            policy: "Certificate",
            signedHeader: { certificate: client.cert, privateKey },
          },
          transport: transportFor(),
          certificateAuthentication: "signed-header",
        });
      return { attempts };
    }
    default:
      return {
        stop: stop(
          `the server chose AuthPolicy ${result.authPolicy ?? "(none)"}, which Windows does not know`,
          "unknown-auth-policy",
          `The DiscoverResponse's AuthPolicy "${result.authPolicy ?? ""}" is none of OnPremise, Federated, Certificate.`,
          "answer with one of the AuthPolicies the client offered",
          cite("ms-mde2", "3.1.4.1.1.2"),
        ),
      };
  }
}

/** How the report says which way of presenting the certificate the server accepted. */
export const ACCEPTED: Record<"tls" | "signed-header", string> = {
  tls: "the server accepted the TLS client certificate (MS-WSTEP)",
  "signed-header": "the server accepted the signed WS-Security header (MS-MDE2)",
};
