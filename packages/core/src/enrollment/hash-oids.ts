/**
 * The hash OIDs a policy may name, read by value (sources disagree on the group and name they give
 * the same OID, so the value decides).
 */
import type { Citation } from "../sources/sources.js";
import type { HashName } from "./types.js";

export interface HashOidFact {
  readonly oid: string;
  readonly hash: HashName;
  readonly name: string;
  readonly source: Citation;
  readonly note?: string;
}

const conflict: Citation = {
  doc: "ms-mde2",
  section: "4.2.2 and 4.2.3 samples (with the on-premise and federated docs' samples)",
};

export const HASH_OIDS: readonly HashOidFact[] = [
  {
    oid: "1.3.14.3.2.26",
    hash: "SHA-1",
    name: "sha1",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID (group 1 hash)" },
  },
  {
    oid: "1.3.14.3.2.29",
    hash: "SHA-1",
    name: "sha1WithRSASignature (OIW)",
    source: conflict,
    note: "MS-MDE2 4.2.3 labels it szOID_NIST_sha256 in group 1; the Microsoft Learn samples call it szOID_OIWSEC_sha1RSASign. By value it is SHA-1 with RSA, which is also what a real client signed with.",
  },
  {
    oid: "2.16.840.1.101.3.4.2.1",
    hash: "SHA-256",
    name: "sha256",
    source: conflict,
    note: "MS-MDE2 4.2.2 puts it in group 4 (signing); by the XCEP group table a hash belongs in group 1.",
  },
  {
    oid: "2.16.840.1.101.3.4.2.2",
    hash: "SHA-384",
    name: "sha384",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
  {
    oid: "2.16.840.1.101.3.4.2.3",
    hash: "SHA-512",
    name: "sha512",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
  {
    oid: "1.2.840.113549.1.1.5",
    hash: "SHA-1",
    name: "sha1WithRSAEncryption",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
  {
    oid: "1.2.840.113549.1.1.11",
    hash: "SHA-256",
    name: "sha256WithRSAEncryption",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
  {
    oid: "1.2.840.113549.1.1.12",
    hash: "SHA-384",
    name: "sha384WithRSAEncryption",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
  {
    oid: "1.2.840.113549.1.1.13",
    hash: "SHA-512",
    name: "sha512WithRSAEncryption",
    source: { doc: "ms-xcep", section: "3.1.4.1.3.16 OID" },
  },
];

/** The hash an OID stands for, when it is one winenroll knows. */
export function hashOfOid(oid: string | undefined): HashName | undefined {
  return oid === undefined ? undefined : HASH_OIDS.find((h) => h.oid === oid.trim())?.hash;
}
