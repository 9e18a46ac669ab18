import type { Modality } from '../types.js';

/** How many of the best-ranked sentences the verdict looks at. */
export const VERDICT_TOP_K = 5;

export interface ScoredSentence {
  relevance: number;
  stance: { supports: number; refutes: number; neutral: number };
  coverage: number;
  modality: Modality;
  restatesClaim: boolean;
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

/** Which way a sentence leans, whatever its share of "no side": −1 against … +1 for the claim. */
export function lean(stance: ScoredSentence['stance']): number {
  return (stance.supports - stance.refutes) / (stance.supports + stance.refutes || 1);
}

/** Claim-level features from the best-ranked sentences (sorted by relevance, best first). */
export function verdictFeatures(
  ranked: ScoredSentence[],
  claimNegated: boolean,
  minRelevance: number,
): number[] {
  const top = ranked.slice(0, VERDICT_TOP_K);
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
  ];
}
