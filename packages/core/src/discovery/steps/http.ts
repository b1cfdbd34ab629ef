import type { FollowedExchange } from "../observation.js";
import type { HttpExchange, HttpResponse } from "../transport.js";

/** The host of a URL in lower case, or undefined when it does not parse. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function isHttps(url: string): boolean {
  return /^https:\/\//i.test(url);
}

/** The exchange that ended a step: the last redirect followed, or the first request. */
export function lastExchange(step: FollowedExchange | undefined): HttpExchange | undefined {
  return step?.exchanges[step.exchanges.length - 1];
}

/** `12.5s` */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

type StatusAndHeaders = Pick<HttpResponse, "status" | "headers">;

/** ` (Retry-After: 120)` when a 429 or 503 answer says when to come back, else "". */
export function retryAfterOf(response: StatusAndHeaders): string {
  const value = response.headers["retry-after"]?.trim();
  return value && (response.status === 429 || response.status === 503)
    ? ` (Retry-After: ${value.slice(0, 64)})`
    : "";
}

/** The start of a hint for a 429 or 503: wait, then probe again; "" for any other status. */
export function retryHint(response: StatusAndHeaders): string {
  if (response.status !== 429 && response.status !== 503) return "";
  return `The server is ${response.status === 429 ? "throttling requests" : "unavailable for now"}; wait${retryAfterOf(response) ? " as long as Retry-After says" : ""} and probe again. If it persists: `;
}
