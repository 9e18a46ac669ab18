import type { LearnedModels } from '../assess/learned-models.js';
import { predictProba } from '../assess/logistic-regression.js';

function logit(probability: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(p / (1 - p));
}

/**
 * The order in which sentences are ranked: the pairwise ranker (fitted to put gold evidence above
 * the other sentences of the same claim's pool) plus the relevance model (fitted to tell evidence
 * from non-evidence across claims), both as log-odds. On the held-out splits the sum ranks better
 * than either alone (`npm run eval`, README "Quality").
 */
export function rankScore(models: Pick<LearnedModels, 'ranker' | 'relevance'>, features: number[]): number {
  return (
    logit(predictProba(models.ranker, features)[1]!) + logit(predictProba(models.relevance, features)[1]!)
  );
}
