import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { DiscoverResult, DiscoveryTransport } from "@winenroll/core/discovery";
import {
  type AuthenticationVerdict,
  checkAuthentication,
  type EnrollmentCredential,
} from "@winenroll/core/enrollment";
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

/**
 * What to do, in this CLI's options, for core's authentication findings (core's own hints do not
 * name a face's options).
 */
const OPTION_HINTS: Readonly<Record<string, string>> = {
  "username-needed": "pass --username <upn>, or enroll with an e-mail address as the target",
  "password-needed": "pipe the password in with --password-stdin (or pass --password)",
  "federated-token-needed": "sign in there, then pass the token with --token or --token-file",
  "client-certificate-needed": "pass --client-cert <pem> and --client-key <pem>",
};

/** Core's verdict as the report's authentication step, its hints in this CLI's options. */
function stopFrom(verdict: AuthenticationVerdict): AuthenticationStop {
  return {
    summary: verdict.summary ?? "",
    diagnostics: verdict.diagnostics.map((d) => {
      const hint = OPTION_HINTS[d.code];
      return hint ? { ...d, hint } : d;
    }),
    ...(verdict.errors[0] ? { error: verdict.errors[0] } : {}),
  };
}

/**
 * The ways to authenticate with what was given under the server's AuthPolicy, in the order they
 * are tried; or, when core's authentication checks say the device cannot, why the run stops
 * there. For Certificate, the TLS client certificate (MS-WSTEP) is tried first, then the signed
 * header (MS-MDE2).
 */
export async function attemptsFor(
  result: DiscoverResult,
  given: GivenCredentials,
  transportFor: TransportFor,
): Promise<{ attempts: Attempt[] } | { stop: AuthenticationStop }> {
  const verdict = checkAuthentication({
    ...(result.authPolicy ? { authPolicy: result.authPolicy } : {}),
    ...(result.authenticationServiceUrl
      ? { authenticationServiceUrl: result.authenticationServiceUrl }
      : {}),
    ...(given.username ? { username: given.username } : {}),
    hasPassword: given.password !== undefined,
    hasToken: given.token !== undefined,
    hasClientCertificate: given.clientCertificate !== undefined,
  });
  if (!verdict.ok) return { stop: stopFrom(verdict) };
  const { username, password, token, clientCertificate } = given;
  if (result.authPolicy === "OnPremise" && username && password !== undefined)
    return {
      attempts: [
        { credential: { policy: "OnPremise", username, password }, transport: transportFor() },
      ],
    };
  if (result.authPolicy === "Federated" && token !== undefined)
    return {
      attempts: [{ credential: { policy: "Federated", token }, transport: transportFor() }],
    };
  if (!clientCertificate) throw new Error(`no credential for ${result.authPolicy}`);
  const attempts: Attempt[] = [
    {
      credential: { policy: "Certificate" },
      transport: transportFor(clientCertificate),
      certificateAuthentication: "tls",
    },
  ];
  const privateKey = await signingKey(clientCertificate.key);
  if (privateKey)
    attempts.push({
      credential: {
        policy: "Certificate",
        signedHeader: { certificate: clientCertificate.cert, privateKey },
      },
      transport: transportFor(),
      certificateAuthentication: "signed-header",
    });
  return { attempts };
}
