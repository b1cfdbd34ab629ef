/**
 * The federated sign-in hand-off: the page Windows opens before the policy step when the server's
 * AuthPolicy is Federated.
 */

/** The appru of MS-MDE2's sample; what a current client sends was not found in any source. */
export const SAMPLE_APPRU = "ms-app://windows.immersivecontrolpanel";

export interface SignInUrlInput {
  /** AuthenticationServiceUrl from the Discover response. */
  readonly authenticationServiceUrl: string;
  /** What the user typed (their UPN or e-mail address). */
  readonly loginHint: string;
  /** Where the sign-in page posts its token back; MS-MDE2's sample value by default. */
  readonly appru?: string;
}

/**
 * The URL Windows opens in its web authentication broker for a Federated server:
 * AuthenticationServiceUrl with `appru` and `login_hint` added (MS-MDE2 3.2). The page ends by
 * posting the token in a `wresult` form field to `appru`.
 *
 * @example
 * buildSignInUrl({ authenticationServiceUrl: "https://login.contoso.com/mdm", loginHint: "someone@contoso.com" });
 * // "https://login.contoso.com/mdm?appru=ms-app%3A%2F%2Fwindows.immersivecontrolpanel&login_hint=someone%40contoso.com"
 */
export function buildSignInUrl(input: SignInUrlInput): string {
  const url = new URL(input.authenticationServiceUrl);
  url.searchParams.set("appru", input.appru ?? SAMPLE_APPRU);
  url.searchParams.set("login_hint", input.loginHint);
  return url.toString();
}
