import { bandKeys, estimateJaccard, minhashSignature } from '../analyze/minhash.js';
import type { Store } from '../store/store.js';

/**
 * Least estimated Jaccard similarity of word-3-shingle sets for two articles to count as copies or
 * light rewrites of one story. A wire story republished with a new intro and trimmed ending stays
 * well above it; two different stories on one event share few three-word runs and fall far below.
 */
export const SYNDICATION_MIN_JACCARD = 0.45;

export interface SyndicationLookup {
  signature: Uint32Array;
  bandKeys: string[];
  /** The most similar stored article at or above the threshold, if any. */
  match: { articleId: string; similarity: number } | null;
}

export async function findSyndication(store: Store, text: string): Promise<SyndicationLookup> {
  const signature = minhashSignature(text);
  const keys = bandKeys(signature);
  let match: SyndicationLookup['match'] = null;
  for (const candidate of await store.similarCandidates(keys)) {
    const similarity = estimateJaccard(signature, candidate.signature);
    if (similarity >= SYNDICATION_MIN_JACCARD && (!match || similarity > match.similarity)) {
      match = { articleId: candidate.articleId, similarity };
    }
  }
  return { signature, bandKeys: keys, match };
}
