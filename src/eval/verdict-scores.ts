import type { VerdictLabel } from '../types.js';
import type { EvalLabel } from './eval-format.js';

/** Verity's six verdict labels, in the order the eval prints them. */
export const VERDICT_LABELS: readonly VerdictLabel[] = [
  'supported',
  'reported',
  'contradicted',
  'disputed',
  'unsettled',
  'not-found',
];

/**
 * How Verity's verdict labels map onto the evaluation scheme (docs/eval-format.md). A report is
 * not a confirmation: "reported, not confirmed" scores as not enough info, never as supported.
 */
export const VERDICT_TO_EVAL: Record<VerdictLabel, EvalLabel> = {
  supported: 'supported',
  reported: 'not enough info',
  contradicted: 'refuted',
  disputed: 'conflicting',
  unsettled: 'not enough info',
  'not-found': 'not enough info',
};

/** One row of the risk–coverage table: what a confidence floor on definite verdicts buys. */
export interface RiskCoverageRow {
  /** Least confidence for a supported or contradicted verdict to be counted as definite. */
  minConfidence: number;
  /** Share of all claims that get a definite verdict at this floor. */
  coverage: number;
  /** Share of those definite verdicts whose gold label is the one Verity gave. */
  precision: number;
  claims: number;
}

export interface VerdictScores {
  /** matrix[gold][Verity's label] = claims. */
  matrix: Partial<Record<EvalLabel, Partial<Record<VerdictLabel, number>>>>;
  /** Of the claims Verity calls supported, the share whose gold label is supported. */
  supportedPrecision: number;
  /** Of the claims Verity calls contradicted, the share whose gold label is refuted. */
  contradictedPrecision: number;
  /** Of the gold-refuted claims, the share Verity calls supported (the goal: at most 0.10). */
  refutedCalledSupported: number;
  /** The same with "reported, not confirmed" counted as a yes, as a hurried reader would. */
  refutedCalledSupportedOrReported: number;
  riskCoverage: RiskCoverageRow[];
}

export const RISK_COVERAGE_FLOORS = [0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

function share(part: number, whole: number): number {
  return whole ? part / whole : Number.NaN;
}

/** Scores Verity's verdicts (its own labels and confidences) against the gold labels. */
export function scoreVerdicts(
  gold: EvalLabel[],
  verdicts: VerdictLabel[],
  confidences: number[],
): VerdictScores {
  const matrix: VerdictScores['matrix'] = {};
  gold.forEach((label, index) => {
    const row = (matrix[label] ??= {});
    row[verdicts[index]!] = (row[verdicts[index]!] ?? 0) + 1;
  });
  const count = (test: (index: number) => boolean) => gold.filter((_, index) => test(index)).length;
  const refuted = count((index) => gold[index] === 'refuted');
  const definite = (index: number) => verdicts[index] === 'supported' || verdicts[index] === 'contradicted';
  const right = (index: number) => VERDICT_TO_EVAL[verdicts[index]!] === gold[index];
  return {
    matrix,
    supportedPrecision: share(
      count((index) => verdicts[index] === 'supported' && gold[index] === 'supported'),
      count((index) => verdicts[index] === 'supported'),
    ),
    contradictedPrecision: share(
      count((index) => verdicts[index] === 'contradicted' && gold[index] === 'refuted'),
      count((index) => verdicts[index] === 'contradicted'),
    ),
    refutedCalledSupported: share(
      count((index) => gold[index] === 'refuted' && verdicts[index] === 'supported'),
      refuted,
    ),
    refutedCalledSupportedOrReported: share(
      count(
        (index) =>
          gold[index] === 'refuted' && (verdicts[index] === 'supported' || verdicts[index] === 'reported'),
      ),
      refuted,
    ),
    riskCoverage: RISK_COVERAGE_FLOORS.map((minConfidence) => {
      const kept = gold
        .map((_, index) => index)
        .filter((index) => definite(index) && confidences[index]! >= minConfidence);
      return {
        minConfidence,
        claims: kept.length,
        coverage: share(kept.length, gold.length),
        precision: share(kept.filter(right).length, kept.length),
      };
    }),
  };
}
