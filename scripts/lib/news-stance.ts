/**
 * FNC-1 as a news-stance set: every related headline–body pair (agree / disagree / discuss) of a
 * split (`test`: the competition test; `train`: the training stances over the training bodies).
 * Each pair is read as a check reads evidence: the headline is the claim, and the body's sentences
 * are scored against it after a search of the split's whole corpus.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import type { ArticleSentence } from '../../src/assess/article-stance.js';
import { getLearnedModels, type LearnedModels } from '../../src/assess/learned-models.js';
import { packageRoot } from '../../src/config.js';
import { loadEvalStore } from '../../src/eval/load-eval-store.js';
import { rankScore } from '../../src/retrieve/rank-score.js';
import { retrievePassages } from '../../src/retrieve/retrieve-passages.js';
import { scorePool, type PoolSentence } from '../../src/retrieve/score-pool.js';
import type { VectorScorer } from '../../src/retrieve/vector-score.js';
import { bodySentences, readSharedCsv, type Split } from './eval-sets.js';

export type NewsStance = 'agree' | 'disagree' | 'discuss';

export interface NewsStancePair {
  headline: string;
  stance: NewsStance;
  body: string;
  /** The body's sentences that share a word with the headline, with their features. */
  sentences: PoolSentence[];
}

const FILES: Record<Split, { bodies: string; stances: string }> = {
  test: { bodies: 'competition_test_bodies.csv', stances: 'competition_test_stances.csv' },
  train: { bodies: 'train_bodies.csv', stances: 'train_stances.csv' },
};

/** The related pairs of a split and the body sentences in play (the corpus). */
export function newsStanceCorpus(shared: string, split: Split = 'test') {
  const read = (file: string) => readSharedCsv(shared, 'fnc-1', file);
  const bodies = new Map(read(FILES[split].bodies).map((row) => [row['Body ID']!, row['articleBody']!]));
  const rows = read(FILES[split].stances).filter((row) =>
    ['agree', 'disagree', 'discuss'].includes(row['Stance']!),
  );
  // Every sentence of the bodies in play is a corpus line; the lines of one body are one article.
  const corpus = [...new Set(rows.map((row) => row['Body ID']!))].flatMap((id) =>
    bodySentences(bodies.get(id)!).map((text, index) => ({ id: `${id}:${index}`, text, article: id })),
  );
  return { rows, corpus };
}

/**
 * The related pairs of a split, each with its body's scored sentences; with `dense` (an encoder's
 * scorer over the corpus and headlines), the features end with its similarity.
 */
export async function newsStancePairs(
  shared: string,
  dense?: VectorScorer,
  split: Split = 'test',
  /** Only the first this many pairs (the whole corpus is still searched). */
  limit = Infinity,
): Promise<{ pairs: NewsStancePair[]; sentences: number }> {
  const { rows: all, corpus } = newsStanceCorpus(shared, split);
  const rows = all.slice(0, limit);
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
      body: row['Body ID']!,
      sentences: items.filter((item) => item.matchedTerms.length > 0),
    });
  }
  await store.close();
  return { pairs, sentences: corpus.length };
}

/** A related pair with its body's sentences as the article-stance reader takes them. */
export interface ArticlePair {
  headline: string;
  stance: NewsStance;
  body: string;
  sentences: ArticleSentence[];
}

/** How many pairs are scored afresh to check that a cache still holds what the code computes. */
const PROBE_PAIRS = 40;

function digest(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

/** The pairs as the article-stance reader takes them, sentences ordered by the given models. */
function asArticlePairs(
  pairs: NewsStancePair[],
  models: Pick<LearnedModels, 'ranker' | 'relevance'>,
): ArticlePair[] {
  return pairs.map((pair) => ({
    headline: pair.headline,
    stance: pair.stance,
    body: pair.body,
    sentences: pair.sentences.map((item) => ({
      text: item.sentence.text,
      features: item.features.map((value) => +value.toPrecision(6)),
      score: +rankScore(models, item.features).toPrecision(6),
      restates: item.restates,
    })),
  }));
}

/**
 * The related pairs of a split as article-stance input, scored once and cached in .verity/eval
 * (about 90 ms a pair: 20 minutes for the training split). The cache is used only when the first
 * pairs, scored afresh by the code and models at hand, come out exactly as stored; otherwise the
 * whole split is scored again.
 */
export async function articlePairs(
  shared: string,
  split: Split,
  models: Pick<LearnedModels, 'ranker' | 'relevance'> = getLearnedModels(),
): Promise<ArticlePair[]> {
  const file = path.join(packageRoot(), '.verity', 'eval', `news-stance-${split}.json`);
  const probe = asArticlePairs((await newsStancePairs(shared, undefined, split, PROBE_PAIRS)).pairs, models);
  if (fs.existsSync(file)) {
    const cached = JSON.parse(fs.readFileSync(file, 'utf8')) as { probe: string; pairs: ArticlePair[] };
    if (cached.probe === digest(probe)) return cached.pairs;
  }
  const pairs = asArticlePairs((await newsStancePairs(shared, undefined, split)).pairs, models);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ probe: digest(pairs.slice(0, PROBE_PAIRS)), pairs }));
  return pairs;
}
