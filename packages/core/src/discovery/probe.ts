import { diagnoseDiscovery } from "./diagnose.js";
import type {
  DiscoveryObservation,
  DiscoveryReport,
  FollowedExchange,
  Redirect,
} from "./observation.js";
import {
  type AuthPolicy,
  buildDiscoverRequest,
  DISCOVERY_GET_HEADERS,
  type RequestVersion,
} from "./request.js";
import type { DiscoveryTransport, HttpExchange, HttpRequest } from "./transport.js";
import {
  DISCOVERY_LABEL,
  DISCOVERY_PATH,
  DiscoveryInputError,
  discoveryUrl,
  domainOf,
} from "./url.js";

export interface ProbeOptions {
  readonly transport: DiscoveryTransport;
  readonly requestVersion?: RequestVersion;
  readonly authPolicies?: readonly AuthPolicy[];
  /** The EmailAddress to send; taken from the target when it is an e-mail address. */
  readonly email?: string;
  /** The whole probe's budget, every step included. Default 10 s. */
  readonly timeoutMs?: number;
  /** Largest response body read, in bytes. Default 64 KiB. */
  readonly maxResponseBytes?: number;
  /** Most redirects followed in a row (WinHTTP's default limit). */
  readonly maxRedirects?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
  /** Called as each step starts, for progress messages. */
  readonly onStep?: (step: "dns" | "get" | "post", detail: string) => void;
}

export interface ProbeTarget {
  readonly url: string;
  readonly host: string;
  readonly email: string;
}

/**
 * Works out what to probe from an e-mail address, a domain or a discovery URL: the URL Windows
 * would use, its host, and the EmailAddress to send.
 *
 * @example
 * resolveProbeTarget("someone@contoso.com").url;
 * // "https://EnterpriseEnrollment.contoso.com/EnrollmentServer/Discovery.svc"
 */
export function resolveProbeTarget(target: string, email?: string): ProbeTarget {
  const text = target.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new DiscoveryInputError(
        `"${text}" is not a valid URL`,
        "pass an e-mail address, a domain, or an https:// URL",
      );
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new DiscoveryInputError(
        `"${url.protocol}" URLs cannot be probed`,
        "pass an https:// URL",
      );
    }
    const host = url.hostname.toLowerCase();
    const domain = host.replace(new RegExp(`^${DISCOVERY_LABEL}\\.`, "i"), "");
    return { url: url.href, host, email: email ?? `discovery-probe@${domain}` };
  }
  const url = discoveryUrl(text);
  const domain = domainOf(text);
  return {
    url,
    host: `${DISCOVERY_LABEL}.${domain}`.toLowerCase(),
    email: email ?? (text.includes("@") ? text : `discovery-probe@${domain}`),
  };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

async function follow(
  transport: DiscoveryTransport,
  first: HttpRequest,
  budget: () => { timeoutMs: number; maxResponseBytes: number },
  maxRedirects: number,
): Promise<FollowedExchange> {
  const exchanges: HttpExchange[] = [];
  const redirects: Redirect[] = [];
  let request = first;
  for (;;) {
    const exchange = await transport.send(request, budget());
    exchanges.push(exchange);
    const response = exchange.response;
    const location = response?.headers["location"];
    if (!response || !REDIRECTS.has(response.status) || !location) return { exchanges, redirects };
    let to: string;
    try {
      to = new URL(location, request.url).href;
    } catch {
      return { exchanges, redirects };
    }
    const downgrade = request.url.startsWith("https:") && to.startsWith("http:");
    const methodChange =
      request.method === "POST" && response.status !== 307 && response.status !== 308;
    const tooMany = redirects.length >= maxRedirects;
    const followed = !downgrade && !methodChange && !tooMany && /^https?:/.test(to);
    redirects.push({ status: response.status, from: request.url, to, followed });
    if (!followed) {
      return {
        exchanges,
        redirects,
        stopped: downgrade ? "downgrade" : methodChange ? "method-change" : "too-many",
      };
    }
    if (budget().timeoutMs <= 0) return { exchanges, redirects };
    const host = new URL(to).host;
    request = { ...request, url: to, headers: { ...request.headers, Host: host } };
  }
}

function finalUrl(step: FollowedExchange): string {
  return step.exchanges[step.exchanges.length - 1]!.request.url;
}

/**
 * Walks a discovery service the way Windows does, through the transport it is given: DNS for
 * EnterpriseEnrollment.<domain>, a GET on the constant path, then the Discover POST, and judges
 * the answers with {@link diagnoseDiscovery}. When HTTPS fails it tries plain HTTP for a redirect,
 * as Windows does. Every step shares one time budget; bodies are read up to a size limit.
 * Throws {@link DiscoveryInputError} only for a target with no domain.
 *
 * @example
 * import { createNodeTransport } from "@winenroll/core/node";
 * const report = await probeDiscovery("someone@contoso.com", { transport: createNodeTransport() });
 * report.verdict; // "discoverable" or "not-discoverable"
 */
export async function probeDiscovery(
  target: string,
  options: ProbeOptions,
): Promise<DiscoveryReport> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxResponseBytes = options.maxResponseBytes ?? 64 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const requestVersion = options.requestVersion ?? "5.0";
  const authPolicies = options.authPolicies ?? ["OnPremise", "Federated"];
  const { url, host, email } = resolveProbeTarget(target, options.email);
  const started = now();
  const remaining = () => Math.max(0, timeoutMs - (now() - started));
  const budget = () => ({ timeoutMs: remaining(), maxResponseBytes });
  const transport = options.transport;
  const discover = buildDiscoverRequest({ email, to: url, requestVersion, authPolicies });

  const base: Omit<DiscoveryObservation, "dns" | "get" | "post" | "httpFallback"> = {
    input: target,
    url,
    email,
    requestVersion,
    authPolicies,
    messageId: discover.messageId,
    timeoutMs,
    checkedAt: started,
  };

  options.onStep?.("dns", host);
  const dns = await transport.resolve(host, { timeoutMs: remaining() });
  if (dns.error) return diagnoseDiscovery({ ...base, dns });

  options.onStep?.("get", url);
  const get = await follow(
    transport,
    { method: "GET", url, headers: { ...DISCOVERY_GET_HEADERS, Host: new URL(url).host } },
    budget,
    maxRedirects,
  );
  const getLast = get.exchanges[get.exchanges.length - 1]!;
  let httpFallback: FollowedExchange | undefined;
  let postUrl: string | undefined = finalUrl(get);
  const httpsBroken =
    url.startsWith("https:") &&
    (getLast.failure !== undefined ||
      (get.exchanges[0]?.tls !== undefined &&
        (!get.exchanges[0].tls.trusted || !get.exchanges[0].tls.nameMatches)));
  if (httpsBroken) {
    postUrl = undefined;
    if (
      remaining() > 0 &&
      getLast.failure?.kind !== "timeout" &&
      getLast.failure?.kind !== "connect-timeout"
    ) {
      const httpUrl = `http://${new URL(url).host}${DISCOVERY_PATH}`;
      const exchange = await transport.send(
        {
          method: "GET",
          url: httpUrl,
          headers: { ...DISCOVERY_GET_HEADERS, Host: new URL(url).host },
        },
        budget(),
      );
      const location = exchange.response?.headers["location"];
      const redirects: Redirect[] = [];
      if (exchange.response && REDIRECTS.has(exchange.response.status) && location) {
        const to = new URL(location, httpUrl).href;
        redirects.push({ status: exchange.response.status, from: httpUrl, to, followed: false });
        if (to.startsWith("https:")) postUrl = to;
      }
      httpFallback = { exchanges: [exchange], redirects };
    }
  } else if (
    get.stopped ||
    getLast.failure ||
    (getLast.response && (getLast.response.status < 200 || getLast.response.status >= 300))
  ) {
    postUrl = undefined;
  }
  if (!postUrl || remaining() <= 0) {
    return diagnoseDiscovery({
      ...base,
      dns,
      get,
      ...(httpFallback ? { httpFallback } : {}),
      ...(postUrl ? { outOfTimeBeforePost: true } : {}),
    });
  }

  options.onStep?.("post", postUrl);
  const post = await follow(
    transport,
    {
      method: "POST",
      url: postUrl,
      headers: { ...discover.headers, Host: new URL(postUrl).host },
      body: discover.xml,
    },
    budget,
    maxRedirects,
  );
  return diagnoseDiscovery({ ...base, dns, get, ...(httpFallback ? { httpFallback } : {}), post });
}
