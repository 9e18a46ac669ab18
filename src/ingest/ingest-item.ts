import { InputError } from '../errors.js';
import type { ExtractedArticle } from '../types.js';
import type { Fetcher } from './fetcher.js';

/** One article to store, or one item that failed, with the place it came from. */
export type IngestItem =
  { source: string; article: ExtractedArticle; warning?: string } | { source: string; error: string };

export interface SourceContext {
  fetcher: Fetcher;
  maxFileBytes: number;
  /** ISO date: feed entries and sitemap URLs dated before it are left out. */
  since: string | null;
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
