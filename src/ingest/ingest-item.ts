import { InputError } from '../errors.js';
import type { ExtractedArticle } from '../types.js';
import type { Extractor } from '../extract/extraction-pool.js';
import type { Fetcher } from './fetcher.js';

/**
 * One article to store, or one item that failed, with the place it came from. The article is a
 * promise: pages are extracted in worker threads while the items before them are stored, so
 * several are in flight at once (ingest-sources.ts awaits them in order).
 */
export type IngestItem =
  | { source: string; article: Promise<ExtractedArticle>; warning?: string }
  | { source: string; error: string };

export interface SourceContext {
  /** Extracts pages and text files (worker threads, or this thread). */
  extractor: Extractor;
  fetcher: Fetcher;
  maxFileBytes: number;
  /** ISO date: feed entries and sitemap URLs dated before it are left out. */
  since: string | null;
  /** Most entries read from one feed or sitemap; the rest are reported as one failure. */
  maxFeedEntries: number;
}

export function failure(source: string, error: unknown): IngestItem {
  const reason =
    error instanceof InputError
      ? error.message
      : `unexpected error: ${(error as Error).message ?? String(error)}`;
  return { source, error: reason };
}

export function isBefore(date: string | null, since: string | null): boolean {
  return Boolean(since && date && date.slice(0, 10) < since);
}

/** A deferred article, marked handled so that a page failing before ingest awaits it is not an unhandled rejection. */
export function deferred(article: Promise<ExtractedArticle>): Promise<ExtractedArticle> {
  article.catch(() => {});
  return article;
}
