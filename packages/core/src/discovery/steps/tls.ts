import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { finding, windowsCode } from "../checks.js";
import type { TlsDetails } from "../transport.js";

/** The certificate checks for one host: dates, name, chain. */
export function tlsFindings(tls: TlsDetails, host: string, now: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const expired = tls.validTo !== undefined && Date.parse(tls.validTo) < now;
  if (expired) {
    out.push(
      finding(
        "tls-certificate-expired",
        `The server certificate expired on ${tls.validTo}.`,
        `Renew the certificate; Windows reports ${windowsCode("menroll-e-discovery-sec-cert-date-invalid")}.`,
      ),
    );
  } else if (tls.validFrom && Date.parse(tls.validFrom) > now) {
    out.push(
      finding(
        "tls-certificate-not-yet-valid",
        `The server certificate is not valid before ${tls.validFrom}.`,
        "Check the certificate's dates and the server clock.",
      ),
    );
  }
  if (!tls.nameMatches) {
    out.push(
      finding(
        "tls-name-mismatch",
        `The server certificate does not name ${host}${tls.altNames?.length ? ` (it names ${tls.altNames.join(", ")})` : ""}.`,
        `Issue a certificate whose subject alternative names include ${host}.`,
      ),
    );
  }
  // An expired certificate also fails the chain check; saying so twice would bury the cause.
  if (!tls.trusted && !expired) {
    out.push(
      finding(
        "tls-untrusted",
        `The server certificate does not chain to a trusted root${tls.trustError ? ` (${tls.trustError})` : ""}${tls.issuer ? `; issuer: ${tls.issuer}` : ""}.`,
        "Windows validates the chain to a CA it trusts: use a public CA, or deploy your CA to the devices first, and serve the intermediate certificates too.",
      ),
    );
  }
  return out;
}

/** The certificate's subject, issuer, expiry and protocol, as report details. */
export function tlsDetails(tls: TlsDetails | undefined): { label: string; value: string }[] {
  if (!tls) return [];
  const rows: { label: string; value: string }[] = [];
  if (tls.subject) rows.push({ label: "certificate", value: tls.subject });
  if (tls.issuer) rows.push({ label: "issuer", value: tls.issuer });
  if (tls.validTo) rows.push({ label: "expires", value: tls.validTo });
  if (tls.protocol) rows.push({ label: "protocol", value: tls.protocol });
  return rows;
}
