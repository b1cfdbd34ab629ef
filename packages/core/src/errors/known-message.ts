import type { Citation } from "../sources/sources.js";

/** A message Windows shows that is not tied to a code: the enrollment rules' messages, for one. */
export interface KnownMessage {
  /** Id of whatever owns the message (a rule id). */
  readonly id: string;
  /** The exact text Windows shows. */
  readonly text: string;
  /** What it means and what to do, in winenroll's words, when the owner says. */
  readonly explanation?: string;
  readonly remedy?: string;
  readonly source?: Citation;
}
