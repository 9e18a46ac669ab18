import type { Modality } from '../types.js';

/** How many of the best-ranked sentences the verdict looks at. */
export const VERDICT_TOP_K = 5;

export interface ScoredSentence {
  relevance: number;
  stance: { supports: number; refutes: number; neutral: number };
  coverage: number;
  modality: Modality;
  restatesClaim: boolean;
  /**
   * It holds every term of the claim (states-whole-claim.ts), with no contradiction signal in its
   * features (`plain`) or with one (`contradicted`); absent when it does not hold the whole claim.
   */
  wholeClaim?: 'plain' | 'contradicted';
}

export const VERDICT_FEATURES = [
  'maxRelevance',
  'meanRelevanceTop3',
  'maxSupport',
  'maxRefute',
  'sumSupport',
  'sumRefute',
  'bothWays',
  'bestCoverage',
  'claimNegated',
  'relevantCount',
  'leanTop3',
  'denialTop5',
] as const;

/**
 * Read only by a verdict model fitted with them (`npm run eval -- --verdict-features whole`): the
 * relevance of the best top-five sentence that states the whole claim with nothing contradicting it,
 * and of the best one that states it with a contradiction signal.
 */
export const WHOLE_CLAIM_VERDICT_FEATURES = ['wholeClaimPlain', 'wholeClaimContradicted'] as const;

/** The feature names of a verdict model, with or without the whole-claim features. */
export function verdictFeatureNames(wholeClaim: boolean): string[] {
  return [...VERDICT_FEATURES, ...(wholeClaim ? WHOLE_CLAIM_VERDICT_FEATURES : [])];
}

/** Whether a fitted verdict model reads the whole-claim features. */
export function readsWholeClaim(model: { features: readonly string[] }): boolean {
  return model.features.includes(WHOLE_CLAIM_VERDICT_FEATURES[0]);
}

/** Which way a sentence leans, whatever its share of "no side": −1 against … +1 for the claim. */
export function lean(stance: ScoredSentence['stance']): number {
  return (stance.supports - stance.refutes) / (stance.supports + stance.refutes || 1);
}

/**
 * The sentences the verdict reads: the best five by rank score, or with `held` the five with the
 * most relevance × coverage (ties keep rank order) — a sentence that holds all of the claim before
 * one of the same relevance that holds a fifth of it.
 */
export function verdictTop<T extends ScoredSentence>(ranked: T[], order?: 'held'): T[] {
  if (order !== 'held') return ranked.slice(0, VERDICT_TOP_K);
  return ranked
    .map((item, index) => ({ item, index, held: item.relevance * item.coverage }))
    .sort((a, b) => b.held - a.held || a.index - b.index)
    .slice(0, VERDICT_TOP_K)
    .map(({ item }) => item);
}

/** Claim-level features from the pool's sentences in rank order, best first (`order`: verdictTop). */
export function verdictFeatures(
  ranked: ScoredSentence[],
  claimNegated: boolean,
  minRelevance: number,
  wholeClaim = false,
  order?: 'held',
): number[] {
  const top = verdictTop(ranked, order);
  const bestStating = (kind: 'plain' | 'contradicted') =>
    Math.max(0, ...top.filter((item) => item.wholeClaim === kind).map((item) => item.relevance));
  const support = top.map((item) => item.relevance * item.stance.supports);
  const refute = top.map((item) => item.relevance * item.stance.refutes);
  const sumSupport = support.reduce((sum, value) => sum + value, 0);
  const sumRefute = refute.reduce((sum, value) => sum + value, 0);
  const top3 = top.slice(0, 3);
  return [
    top[0]?.relevance ?? 0,
    top3.length ? top3.reduce((sum, item) => sum + item.relevance, 0) / top3.length : 0,
    Math.max(0, ...support),
    Math.max(0, ...refute),
    sumSupport,
    sumRefute,
    Math.min(sumSupport, sumRefute),
    Math.max(0, ...top.map((item) => item.coverage)),
    claimNegated ? 1 : 0,
    Math.log1p(ranked.filter((item) => item.relevance >= minRelevance).length),
    // Which way the best sentences lean, whatever their share of "no side" (-1 against … +1 for).
    top3.length ? top3.reduce((sum, item) => sum + lean(item.stance), 0) / top3.length : 0,
    // How much of the best evidence denies what a plain claim says ("no evidence that …", "debunked"),
    // which the sentence-level stance model reads poorly (docs/method.md, the verdict balance).
    claimNegated || top.length === 0
      ? 0
      : top.reduce(
          (sum, item) => sum + (item.modality === 'denied' && !item.restatesClaim ? item.relevance : 0),
          0,
        ) / top.length,
    ...(wholeClaim ? [bestStating('plain'), bestStating('contradicted')] : []),
  ];
}
