/**
 * FNC-1's competition test as a news-stance set: every related headline–body pair (agree /
 * disagree / discuss). Each pair is read as a check reads evidence: the headline is the claim, and
 * the body's sentences are scored against it after a search of the whole test corpus. The
 * training stances (train_stances.csv over other bodies) are what the stance model is fitted on.
 */
import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import { loadEvalStore } from '../../src/eval/load-eval-store.js';
import { retrievePassages } from '../../src/retrieve/retrieve-passages.js';
import { scorePool, type PoolSentence } from '../../src/retrieve/score-pool.js';
import type { VectorScorer } from '../../src/retrieve/vector-score.js';
import { bodySentences, readSharedCsv } from './eval-sets.js';

export type NewsStance = 'agree' | 'disagree' | 'discuss';

export interface NewsStancePair {
  headline: string;
  stance: NewsStance;
  /** The body's sentences that share a word with the headline, with their features. */
  sentences: PoolSentence[];
}

/** The related pairs of the competition test and the body sentences in play (the corpus). */
export function newsStanceCorpus(shared: string) {
  const read = (file: string) => readSharedCsv(shared, 'fnc-1', file);
  const bodies = new Map(
    read('competition_test_bodies.csv').map((row) => [row['Body ID']!, row['articleBody']!]),
  );
  const rows = read('competition_test_stances.csv').filter((row) =>
    ['agree', 'disagree', 'discuss'].includes(row['Stance']!),
  );
  // Every sentence of the bodies in play is a corpus line; the lines of one body are one article.
  const corpus = [...new Set(rows.map((row) => row['Body ID']!))].flatMap((id) =>
    bodySentences(bodies.get(id)!).map((text, index) => ({ id: `${id}:${index}`, text, article: id })),
  );
  return { rows, corpus };
}

/**
 * The related pairs of the competition test, each with its body's scored sentences; with `dense`
 * (an encoder's scorer over the corpus and headlines), the features end with its similarity.
 */
export async function newsStancePairs(
  shared: string,
  dense?: VectorScorer,
): Promise<{ pairs: NewsStancePair[]; sentences: number }> {
  const { rows, corpus } = newsStanceCorpus(shared);
  const store = await loadEvalStore(corpus);
  const pairs: NewsStancePair[] = [];
  for (const row of rows) {
    const claim = analyzeClaim(row['Headline']!);
    // The whole corpus is searched, as in a check; only the pair's own body is read.
    const passages = (await retrievePassages(store, claim, { pool: 5000 })).filter(
      (hit) => hit.article.source.split(':')[0] === row['Body ID'],
    );
    const { items } = await scorePool(store, claim, passages, dense);
    pairs.push({
      headline: row['Headline']!,
      stance: row['Stance'] as NewsStance,
      sentences: items.filter((item) => item.matchedTerms.length > 0),
    });
  }
  await store.close();
  return { pairs, sentences: corpus.length };
}
