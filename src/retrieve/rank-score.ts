import type { LearnedModels } from '../assess/learned-models.js';
import { predictProba } from '../assess/logistic-regression.js';
import { PAIR_FEATURES } from '../assess/pair-features.js';

function logit(probability: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(p / (1 - p));
}

/**
 * Features whose pairwise products the ranker also reads: how strongly a passage matches, how much
 * of the claim a sentence, its headline and its article hold, and how long and dense it is. A linear
 * ranker cannot see that coverage matters more in a high-BM25 passage; the products let it (on the
 * held-out splits they add about a point of hit@5 on Climate-FEVER, SciFact and PolitiHop).
 */
const CROSSED = [
  'bm25',
  'reciprocalRank',
  'weightedCoverage',
  'entityCoverage',
  'bigramCoverage',
  'titleCoverage',
  'articleCoverage',
  'logLength',
  'density',
] as const;
const CROSSED_AT = CROSSED.map((name) => PAIR_FEATURES.indexOf(name));

/** The ranker's feature names for given sentence features: those, then the products of the crossed ones. */
export function rankerFeatures(pairFeatures: readonly string[] = PAIR_FEATURES): string[] {
  return [...pairFeatures, ...CROSSED.flatMap((a, i) => CROSSED.slice(i).map((b) => `${a}×${b}`))];
}

export const RANKER_FEATURES: string[] = rankerFeatures();

/** The ranker's input for one sentence's features. */
export function rankerInput(features: number[]): number[] {
  const out = [...features];
  CROSSED_AT.forEach((a, i) => {
    for (const b of CROSSED_AT.slice(i)) out.push(features[a]! * features[b]!);
  });
  return out;
}

/**
 * The order in which sentences are ranked: the pairwise ranker (fitted to put gold evidence above
 * the other sentences of the same claim's pool) plus the relevance model (fitted to tell evidence
 * from non-evidence across claims), both as log-odds. On the held-out splits the sum ranks better
 * than either alone (`npm run eval`, README "Quality").
 */
export function rankScore(models: Pick<LearnedModels, 'ranker' | 'relevance'>, features: number[]): number {
  return (
    logit(predictProba(models.ranker, rankerInput(features))[1]!) +
    logit(predictProba(models.relevance, features)[1]!)
  );
}
