/**
 * The page Windows opens for a Federated enrollment (MS-MDE2 §3.2; the federated-authentication
 * enrollment doc): AuthenticationServiceUrl with `appru`, the app the sign-in page posts its token
 * back to, and `login_hint`, what the user typed. The `appru` value is MS-MDE2's sample
 * (`ms-app://windows.immersivecontrolpanel`); no source gives the one a current client sends.
 */
export const SIGN_IN_APPRU = "ms-app://windows.immersivecontrolpanel";

/** AuthenticationServiceUrl with `appru` and `login_hint` added to whatever query it has. */
export function signInUrl(authenticationServiceUrl: string, upn: string): string {
  const url = new URL(authenticationServiceUrl);
  url.searchParams.append("appru", SIGN_IN_APPRU);
  url.searchParams.append("login_hint", upn);
  return url.href;
}
