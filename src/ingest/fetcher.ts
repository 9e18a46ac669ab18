/** What a fetch returns: the bytes of one resource and what the server said about them. */
export interface FetchedResource {
  /** The URL asked for. */
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  /** Media type without parameters, lower-cased ("text/html"). */
  contentType: string | null;
  /** `charset` parameter of Content-Type, when given. */
  charset: string | null;
  bytes: Uint8Array;
}

/**
 * The seam for getting bytes from the web. The HTTP implementation enforces timeouts, size and
 * redirect limits and refuses private addresses; tests may pass any object with this shape.
 */
export interface Fetcher {
  fetch(url: string): Promise<FetchedResource>;
}

export interface FetchLimits {
  /** Whole-request timeout in milliseconds. Default 15,000. */
  timeoutMs: number;
  /** Largest body accepted, in bytes (after decompression). Default 20 MB. */
  maxBytes: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects: number;
  /** Allow loopback, private, link-local and other non-public addresses. Default false. */
  allowPrivateAddresses: boolean;
  /** Non-public addresses let through all the same (an intranet host); every other one stays refused. Default none. */
  allowedAddresses?: readonly string[];
  userAgent: string;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 15_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivateAddresses: false,
  userAgent: 'Verity/0.1 (+https://github.com/verity-news/verity; fact-checking ingest)',
};
