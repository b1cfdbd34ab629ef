import { describe, expect, it } from "vitest";
import { ERROR_CATALOG } from "../errors/catalog.js";
import {
  AUTHENTICATION_CHECKS,
  type AuthenticationInput,
  checkAuthentication,
  credentialRefused,
} from "./authentication.js";
import { parseEnrollmentResponse } from "./enroll-response.js";
import { ENROLLMENT_URL, exchange } from "./test-support/pki.js";
import { buildEnrollmentFault, buildEnrollmentResponse } from "./writers.js";

const NOTHING = { hasPassword: false, hasToken: false, hasClientCertificate: false };
const SIGN_IN = "https://login.contoso.test/mdm";
const USER = "someone@contoso.test";

const onPremise: AuthenticationInput = { ...NOTHING, authPolicy: "OnPremise", username: USER };
const federated: AuthenticationInput = {
  ...NOTHING,
  authPolicy: "Federated",
  authenticationServiceUrl: SIGN_IN,
  username: USER,
};
const certificate: AuthenticationInput = { ...NOTHING, authPolicy: "Certificate" };

/** For each check: what fires it. */
const FIRES: Record<string, AuthenticationInput> = {
  "unknown-auth-policy": { ...NOTHING, authPolicy: "Kerberos" },
  "username-needed": { ...onPremise, username: undefined, hasPassword: true },
  "password-needed": onPremise,
  "authentication-service-url-missing": { ...federated, authenticationServiceUrl: undefined },
  "federated-token-needed": federated,
  "client-certificate-needed": certificate,
};

/** For each check: the nearest case it must let through. */
const SILENT: Record<string, AuthenticationInput> = {
  "unknown-auth-policy": { ...certificate, hasClientCertificate: true },
  "username-needed": { ...onPremise, hasPassword: true },
  // Without a user name either, username-needed speaks: one finding, the first thing to give.
  "password-needed": { ...onPremise, username: undefined },
  // With a token in hand, Windows does not need the sign-in page.
  "authentication-service-url-missing": {
    ...federated,
    authenticationServiceUrl: undefined,
    hasToken: true,
  },
  "federated-token-needed": { ...federated, hasToken: true },
  "client-certificate-needed": { ...certificate, hasClientCertificate: true },
};

const codes = () => AUTHENTICATION_CHECKS.map((c) => c.code).sort();

describe("checkAuthentication", () => {
  it("has a firing and a silent case for every check, and none for a check that does not exist", () => {
    expect(Object.keys(FIRES).sort()).toEqual(codes());
    expect(Object.keys(SILENT).sort()).toEqual(codes());
  });

  it("names only catalog entries that exist", () => {
    const ids = new Set(ERROR_CATALOG.map((e) => e.id));
    for (const check of AUTHENTICATION_CHECKS)
      if (check.windowsError) expect(ids, check.code).toContain(check.windowsError);
  });

  for (const [code, input] of Object.entries(FIRES)) {
    it(`fires ${code}`, () => {
      const verdict = checkAuthentication(input);
      expect(verdict.ok).toBe(false);
      expect(verdict.diagnostics.map((d) => d.code)).toEqual([code]);
      const check = AUTHENTICATION_CHECKS.find((c) => c.code === code)!;
      expect(verdict.errors).toEqual(check.windowsError ? [check.windowsError] : []);
      expect(verdict.diagnostics[0]!.source).toBeTruthy();
    });
  }

  for (const [code, input] of Object.entries(SILENT)) {
    it(`keeps ${code} silent`, () => {
      const check = AUTHENTICATION_CHECKS.find((c) => c.code === code)!;
      expect(check.find(input)).toBeUndefined();
    });
  }

  it("lets every policy through with its credential", () => {
    for (const input of [
      { ...onPremise, hasPassword: true },
      { ...federated, hasToken: true },
      { ...certificate, hasClientCertificate: true },
    ])
      expect(checkAuthentication(input)).toEqual({ ok: true, diagnostics: [], errors: [] });
  });

  it("stops a Federated enrollment at the sign-in URL Windows would open", () => {
    expect(checkAuthentication(federated).summary).toBe(
      `sign in at ${SIGN_IN}?appru=ms-app%3A%2F%2Fwindows.immersivecontrolpanel&login_hint=someone%40contoso.test`,
    );
  });
});

describe("credentialRefused", () => {
  const answer = (body: string) => exchange(ENROLLMENT_URL, "<request/>", body);

  it("says a TLS failure or an authentication fault refused the credential", () => {
    const tls = {
      request: { method: "POST", url: ENROLLMENT_URL, headers: {} },
      failure: { kind: "tls", message: "certificate required" },
    } as const;
    expect(credentialRefused(tls, undefined)).toBe(true);
    for (const subcode of ["Authentication", "InvalidSecurity"]) {
      const body = buildEnrollmentFault({
        subcode,
        namespace: subcode === "InvalidSecurity" ? "a" : "s",
      });
      expect(credentialRefused(answer(body), parseEnrollmentResponse(body)), subcode).toBe(true);
    }
  });

  it("does not blame the credential for another fault or for a token", () => {
    const fault = buildEnrollmentFault({ subcode: "MessageFormat" });
    expect(credentialRefused(answer(fault), parseEnrollmentResponse(fault))).toBe(false);
    const token = buildEnrollmentResponse({ provisioningXml: "<wap-provisioningdoc/>" });
    expect(credentialRefused(answer(token), parseEnrollmentResponse(token))).toBe(false);
  });
});
