import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ReportStep, StepDetail } from "../diagnostics/step.js";
import type { DiscoveryStepId } from "./checks.js";
import type { AuthPolicy, RequestVersion } from "./request.js";
import type { DiscoverFault, DiscoverResult } from "./response.js";
import type { DnsAnswer, HttpExchange } from "./transport.js";

/** One redirect seen on the way, and whether Windows would follow it. */
export interface Redirect {
  readonly status: number;
  readonly from: string;
  readonly to: string;
  readonly followed: boolean;
}

/** One step's requests: the first, then each redirect followed. */
export interface FollowedExchange {
  readonly exchanges: readonly HttpExchange[];
  readonly redirects: readonly Redirect[];
  /** Why redirects stopped before an answer: HTTPS to HTTP, too many, or a POST turned into a GET. */
  readonly stopped?: "downgrade" | "too-many" | "method-change";
}

/** Everything the probe saw, in order. diagnoseDiscovery judges it without touching the network. */
export interface DiscoveryObservation {
  readonly input: string;
  /** The discovery URL probed. */
  readonly url: string;
  readonly email: string;
  readonly requestVersion: RequestVersion;
  readonly authPolicies: readonly AuthPolicy[];
  readonly messageId: string;
  readonly timeoutMs: number;
  /** When the probe ran (ms since the epoch), for certificate dates. */
  readonly checkedAt: number;
  readonly dns?: DnsAnswer;
  readonly get?: FollowedExchange;
  /** The plain-HTTP GET Windows tries when HTTPS fails. */
  readonly httpFallback?: FollowedExchange;
  readonly post?: FollowedExchange;
  /** Set when the time budget ran out before the Discover POST could be sent. */
  readonly outOfTimeBeforePost?: boolean;
}

export type { StepVerdict } from "../diagnostics/step.js";

/** A step of the discovery report: the shared step report with a title and what was seen. */
export interface DiscoveryStep extends ReportStep<DiscoveryStepId> {
  readonly title: string;
  readonly details: readonly StepDetail[];
}

export interface DiscoveryReport {
  /** True when Windows would get a usable answer from this discovery service. */
  readonly ok: boolean;
  readonly verdict: "discoverable" | "not-discoverable";
  readonly summary: string;
  readonly input: string;
  readonly url: string;
  readonly requestVersion: RequestVersion;
  readonly authPolicies: readonly AuthPolicy[];
  readonly steps: readonly DiscoveryStep[];
  readonly result?: DiscoverResult;
  readonly fault?: DiscoverFault;
  /** Catalog entries for what Windows would report (`menroll-e-empty-message`, …). */
  readonly errors: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}
