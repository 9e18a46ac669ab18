import { Agent, fetch } from 'undici';
import { InputError } from '../errors.js';
import { DEFAULT_FETCH_LIMITS, type FetchedResource, type Fetcher, type FetchLimits } from './fetcher.js';
import type { VerityConfig } from '../config.js';
import { guardedLookup, isPublicAddress, publicOnlyLookup } from './guard-address.js';

const MB = 1024 * 1024;

function parseContentType(header: string | null): { contentType: string | null; charset: string | null } {
  if (!header) return { contentType: null, charset: null };
  const [type, ...parameters] = header.split(';');
  const charset = parameters.map((part) => /charset\s*=\s*"?([^";\s]+)/i.exec(part)?.[1]).find(Boolean);
  return { contentType: type!.trim().toLowerCase() || null, charset: charset?.toLowerCase() ?? null };
}

function hostIsLiteralPrivate(url: URL, allowed: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return /^[\d.]+$|:/.test(host) && !isPublicAddress(host) && !allowed.includes(host);
}

/**
 * Fetches over HTTP(S) with undici: a timeout for the whole request, a size cap read as the body
 * streams in (decompressed; gzip, deflate and brotli are decoded), a redirect limit with every hop
 * checked, and — unless allowed — no connections to private, loopback or link-local addresses.
 */
export function createHttpFetcher(limits: Partial<FetchLimits> = {}): Fetcher {
  const options = { ...DEFAULT_FETCH_LIMITS, ...limits };
  const allowed = options.allowedAddresses ?? [];
  const dispatcher = new Agent(
    options.allowPrivateAddresses
      ? {}
      : { connect: { lookup: allowed.length ? guardedLookup(allowed) : publicOnlyLookup } },
  );

  async function fetchOnce(url: URL, signal: AbortSignal) {
    if (!['http:', 'https:'].includes(url.protocol)) {
      throw new InputError(url.href, `only http and https URLs can be fetched, not ${url.protocol}`);
    }
    if (
      !options.allowPrivateAddresses &&
      (hostIsLiteralPrivate(url, allowed) || url.hostname === 'localhost')
    ) {
      throw new InputError(
        url.href,
        'refused: the address is private, loopback or link-local; allow it with --allow-private-urls or VERITY_ALLOW_PRIVATE_URLS=1',
      );
    }
    return fetch(url, {
      dispatcher,
      redirect: 'manual',
      signal,
      headers: {
        'user-agent': options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      },
    });
  }

  return {
    async fetch(requestedUrl: string): Promise<FetchedResource> {
      const signal = AbortSignal.timeout(options.timeoutMs);
      let url = new URL(requestedUrl);
      try {
        for (let hop = 0; ; hop++) {
          const response = await fetchOnce(url, signal);
          const location = response.headers.get('location');
          if (response.status >= 300 && response.status < 400 && location) {
            await response.body?.cancel();
            if (hop >= options.maxRedirects) {
              throw new InputError(
                requestedUrl,
                `more than ${options.maxRedirects} redirects; the last pointed to ${location}`,
              );
            }
            url = new URL(location, url);
            continue;
          }
          if (!response.ok) {
            await response.body?.cancel();
            throw new InputError(
              requestedUrl,
              `the server answered HTTP ${response.status}; check the URL or try later`,
            );
          }
          const declaredLength = Number(response.headers.get('content-length') ?? 0);
          if (declaredLength > options.maxBytes) {
            await response.body?.cancel();
            throw new InputError(
              requestedUrl,
              `the response is ${(declaredLength / MB).toFixed(1)} MB, over the ${(options.maxBytes / MB).toFixed(1)} MB limit`,
            );
          }
          const chunks: Uint8Array[] = [];
          let size = 0;
          for await (const chunk of response.body ?? []) {
            size += chunk.length;
            if (size > options.maxBytes) {
              throw new InputError(
                requestedUrl,
                `the response grew past the ${(options.maxBytes / MB).toFixed(1)} MB limit; it was cut off`,
              );
            }
            chunks.push(chunk);
          }
          return {
            requestedUrl,
            url: url.href,
            status: response.status,
            ...parseContentType(response.headers.get('content-type')),
            bytes: Buffer.concat(chunks),
          };
        }
      } catch (error) {
        if (error instanceof InputError) throw error;
        const cause = (error as { cause?: { message?: string; code?: string } }).cause;
        if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
          throw new InputError(
            requestedUrl,
            `no complete answer within ${options.timeoutMs} ms; the server is slow or unreachable`,
            { cause: error },
          );
        }
        throw new InputError(requestedUrl, `could not fetch: ${cause?.message ?? (error as Error).message}`, {
          cause: error,
        });
      }
    },
  };
}

/** The fetcher a configuration asks for (size cap, timeout, which addresses may be reached). */
export function fetcherFor(
  config: Pick<VerityConfig, 'maxFileBytes' | 'fetchTimeoutMs' | 'allowPrivateUrls' | 'allowedAddresses'>,
): Fetcher {
  return createHttpFetcher({
    maxBytes: config.maxFileBytes,
    timeoutMs: config.fetchTimeoutMs,
    allowPrivateAddresses: config.allowPrivateUrls,
    allowedAddresses: config.allowedAddresses,
  });
}
