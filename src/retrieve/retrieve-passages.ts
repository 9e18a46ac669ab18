import { claimLexicalSets } from '../assess/predicate-synonyms.js';
import { surfaceForms } from '../analyze/term-variants.js';
import type { Store } from '../store/store.js';
import type { Claim, RankedPassage } from '../types.js';

/** How many passages BM25 returns for sentence selection. Default 100 (60 found 8 points less of the gold evidence of Climate-FEVER and SciFact for the ranker to lift). */
export const DEFAULT_PASSAGE_POOL = 100;

/** Passages that only the predicate's synonyms find, added to the pool: at most a quarter of it. */
const EXPANSION_SHARE = 0.25;

export interface RetrieveOptions {
  pool?: number;
  /** ISO date: passages of articles published after it are left out (`--as-of`). */
  asOf?: string;
  /** Also search with the WordNet synonyms of the claim's verbs ("penned" → "written"). Default true. */
  expandPredicate?: boolean;
}

/**
 * First stage: BM25 over passages with the claim's terms OR-ed (FTS5), then the same query with
 * the predicate's synonyms added; passages only the second finds join the pool (up to a quarter
 * of it), so that "handed over" finds "returned" without synonyms of common verbs crowding out
 * what the claim's own words find. Their BM25 is rescaled to the first query's best.
 */
export async function retrievePassages(
  store: Store,
  claim: Claim,
  options: RetrieveOptions = {},
): Promise<RankedPassage[]> {
  const pool = options.pool ?? DEFAULT_PASSAGE_POOL;
  // Each term in every form a passage may write it ("doj" → "justice department", "ms-13" → "ms13").
  const terms = [...new Set(claim.terms.flatMap(surfaceForms))];
  // The date is applied inside the search, so that a past --as-of still gets a full pool.
  const publishedBy = options.asOf;
  const hits = await store.searchPassages({ terms, limit: pool, publishedBy });
  if (options.expandPredicate !== false) {
    const synonyms = claimLexicalSets(claim.text)
      .verbSynonyms.flat()
      .filter((word) => !claim.terms.includes(word));
    if (synonyms.length > 0) {
      const seen = new Set(hits.map((hit) => hit.passage.id));
      const expanded = await store.searchPassages({
        terms: [...terms, ...synonyms],
        limit: pool,
        publishedBy,
        // The expanded query holds the claim's query and more, so each passage scores at least
        // as much in it: a full first pool's last score is a floor for the second's.
        atLeast: hits.length >= pool ? hits[hits.length - 1]!.score : undefined,
      });
      const scale = (hits[0]?.score ?? 1) / (expanded[0]?.score || 1);
      hits.push(
        ...expanded
          .filter((hit) => !seen.has(hit.passage.id))
          .slice(0, Math.ceil(pool * EXPANSION_SHARE))
          .map((hit) => ({ ...hit, score: hit.score * scale })),
      );
    }
  }
  return hits;
}
