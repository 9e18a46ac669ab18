import { analyzeClaim } from '../assess/analyze-claim.js';
import type { Store } from '../store/store.js';
import type { RankedPassage } from '../types.js';
import { DEFAULT_PASSAGE_POOL, retrievePassages } from './retrieve-passages.js';

/** Passages that only the planner's sub-questions find, added to the pool: at most this share of it. Default 0.25. */
export const PLANNED_SHARE = 0.25;

/**
 * Widens the question's pool with what its sub-questions find (the planner role): each searched
 * on its own, new passages taken best first in turn, their BM25 rescaled to the question's best,
 * up to a quarter of the pool — as the predicate's synonyms are — so that a plan can add
 * evidence but not crowd out what the question's own words find.
 */
export async function widenPool(
  store: Store,
  pool: RankedPassage[],
  queries: string[],
  asOf: string,
): Promise<RankedPassage[]> {
  if (queries.length === 0) return pool;
  const seen = new Set(pool.map((hit) => hit.passage.id));
  const best = pool[0]?.score ?? 1;
  const found = await Promise.all(
    queries.map((query) => retrievePassages(store, analyzeClaim(query), { asOf, expandPredicate: false })),
  );
  const room = Math.ceil(DEFAULT_PASSAGE_POOL * PLANNED_SHARE);
  const added: RankedPassage[] = [];
  for (let rank = 0; added.length < room && found.some((hits) => rank < hits.length); rank++) {
    for (const hits of found) {
      const hit = hits[rank];
      if (!hit || seen.has(hit.passage.id) || added.length >= room) continue;
      seen.add(hit.passage.id);
      added.push({ ...hit, score: (hit.score * best) / (hits[0]!.score || 1) });
    }
  }
  return [...pool, ...added];
}
