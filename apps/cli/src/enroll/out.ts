import { chmod, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EnrollmentDiagnosis, EnrollmentRequest } from "@winenroll/core/enrollment";
import { CliError } from "../errors.js";

/**
 * `--out <dir>`: what the device would keep after enrolling, as files the next step (a management
 * session, openssl, a person) can use: the private key (mode 0600), the issued certificate, the
 * roots the document installs, and the provisioning document itself.
 */

export const OUT_FILES = {
  key: "device-key.pem",
  certificate: "device-certificate.pem",
  roots: "roots.pem",
  document: "provisioning.xml",
} as const;

function pem(label: string, base64: string): string {
  const body =
    base64
      .replace(/\s+/g, "")
      .match(/.{1,64}/g)
      ?.join("\n") ?? "";
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** The device key as PKCS#8 PEM, for `--out` and for the management step's TLS client auth. */
export async function privateKeyPem(request: EnrollmentRequest): Promise<string | undefined> {
  try {
    const der = await globalThis.crypto.subtle.exportKey("pkcs8", request.keys.privateKey);
    return pem("PRIVATE KEY", Buffer.from(der).toString("base64"));
  } catch {
    return undefined;
  }
}

/** The issued client certificate as PEM, when the document holds one. */
export function issuedCertificatePem(
  diagnosis: EnrollmentDiagnosis | undefined,
): string | undefined {
  const client = diagnosis?.document?.certificateStore?.client.find((c) => c.encoded)?.encoded;
  return client ? pem("CERTIFICATE", client) : undefined;
}

/** Writes what the run produced; returns the paths written. The key is never printed. */
export async function writeOut(
  dir: string,
  request: EnrollmentRequest | undefined,
  diagnosis: EnrollmentDiagnosis | undefined,
): Promise<string[]> {
  const files: [name: string, text: string, mode: number][] = [];
  const key = request ? await privateKeyPem(request) : undefined;
  if (key) files.push([OUT_FILES.key, key, 0o600]);
  const store = diagnosis?.document?.certificateStore;
  const certificate = issuedCertificatePem(diagnosis);
  if (certificate) files.push([OUT_FILES.certificate, certificate, 0o644]);
  const roots = (store?.roots ?? []).flatMap((r) =>
    r.encoded ? [pem("CERTIFICATE", r.encoded)] : [],
  );
  if (roots.length > 0) files.push([OUT_FILES.roots, roots.join(""), 0o644]);
  const xml =
    diagnosis?.enrollment?.kind === "token" ? diagnosis.enrollment.provisioningXml : undefined;
  if (xml) files.push([OUT_FILES.document, xml, 0o644]);
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, text, mode] of files) {
      const path = join(dir, name);
      await writeFile(path, text, { mode });
      // writeFile's mode only applies to a new file; an old one keeps its own.
      await chmod(path, mode);
    }
  } catch (error) {
    throw new CliError(
      `cannot write to --out ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      "pass a directory you can write to",
    );
  }
  return files.map(([name]) => join(dir, name));
}
