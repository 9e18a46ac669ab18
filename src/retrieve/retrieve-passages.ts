import type { Store } from '../store/store.js';
import type { Claim, RankedPassage } from '../types.js';

/** How many passages BM25 returns for sentence selection. Default 60. */
export const DEFAULT_PASSAGE_POOL = 60;

export interface RetrieveOptions {
  pool?: number;
  /** ISO date: passages of articles published after it are left out (`--as-of`). */
  asOf?: string;
}

/** First stage: BM25 over passages with the claim's terms OR-ed (FTS5). */
export function retrievePassages(store: Store, claim: Claim, options: RetrieveOptions = {}): RankedPassage[] {
  const pool = options.pool ?? DEFAULT_PASSAGE_POOL;
  const hits = store.searchPassages({ terms: claim.terms, limit: pool });
  const asOf = options.asOf;
  return asOf
    ? hits.filter((hit) => !hit.article.published || hit.article.published.slice(0, 10) <= asOf)
    : hits;
}
