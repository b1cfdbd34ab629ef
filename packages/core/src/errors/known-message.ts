import type { Citation } from "../sources/sources.js";

/**
 * Words that are not tied to a code: the enrollment rules' on-screen messages and the situations
 * their sources describe.
 */
export interface KnownMessage {
  /** Id of whatever owns the message (a rule id). */
  readonly id: string;
  /**
   * `on-screen`: the exact text Windows shows. `situation`: a source's description of the device's
   * situation, which Windows does not show as such.
   */
  readonly kind: "on-screen" | "situation";
  /** The text, exactly as the source gives it. */
  readonly text: string;
  /** What it means and what to do, in winenroll's words, when the owner says. */
  readonly explanation?: string;
  readonly remedy?: string;
  readonly source?: Citation;
}
