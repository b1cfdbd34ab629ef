import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

/** Test certificates made with openssl in a temporary folder, for the loopback HTTPS servers. */

export function openssl(args: string[], cwd: string): void {
  execFileSync("openssl", args, { cwd, stdio: "pipe" });
}

/** `<name>.key`: a P-256 key, or an RSA 2048 one (the key Windows makes for enrollment). */
export function makeKey(cwd: string, name: string, algorithm: "ec" | "rsa" = "ec"): void {
  const params =
    algorithm === "ec"
      ? ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"]
      : ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"];
  openssl(["genpkey", ...params, "-out", `${name}.key`], cwd);
}

/** `<name>.pem`: a certificate valid for two days, self-signed with `<name>.key`, with `-addext` each extension. */
export function selfSign(
  dir: string,
  name: string,
  subject: string,
  extensions: readonly string[],
): void {
  openssl(
    [
      "req",
      "-x509",
      "-new",
      "-key",
      `${name}.key`,
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-subj",
      subject,
      ...extensions.flatMap((extension) => ["-addext", extension]),
    ],
    dir,
  );
}

/** `<name>.key` and `<name>.pem`: a CA valid for two days, with subject CN=`subject`. */
export function makeCa(dir: string, name: string, subject = name): void {
  makeKey(dir, name);
  selfSign(dir, name, `/CN=${subject}`, [
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=critical,keyCertSign,cRLSign",
  ]);
}

/** `<name>.csr`: a certificate request for `<name>.key` with the subject given. */
export function makeCsr(dir: string, name: string, subject: string): void {
  openssl(["req", "-new", "-key", `${name}.key`, "-out", `${name}.csr`, "-subj", subject], dir);
}

/** `<name>.pem` signed by the CA `<ca>.pem`/`<ca>.key` from `<name>.key`, with the extensions given. */
export function signLeaf(
  dir: string,
  name: string,
  ca: string,
  subject: string,
  extensions: string,
): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  makeCsr(dir, name, subject);
  openssl(
    [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      `${ca}.pem`,
      "-CAkey",
      `${ca}.key`,
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      "-extfile",
      `${name}.ext`,
    ],
    dir,
  );
}
