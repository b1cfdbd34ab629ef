export interface StaticHostOptions {
  /** The built site's folder (absolute). */
  readonly dir: string;
  /** The path the site was built for (`baseUrl`, with its trailing slash); "/" by default. */
  readonly baseUrl?: string;
  /** Gzip-encode text responses for clients that accept it, as real hosts do; off by default. */
  readonly gzip?: boolean;
}

export interface StaticHost {
  /** Where the base URL is served, without the trailing slash: `${url}/tools/link-builder`. */
  readonly url: string;
  /** The server's origin alone (scheme, host and port). */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves a built Docusaurus site on a free loopback port, as a static host does. */
export function serveStatic(options: StaticHostOptions): Promise<StaticHost>;
