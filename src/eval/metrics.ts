import { EVAL_LABELS, type EvalLabel } from './eval-format.js';

/** 1 when any gold id is among the first k ranked ids. Claims without gold evidence are not scored. */
export function hitAt(ranked: string[], gold: string[], k: number): number {
  return ranked.slice(0, k).some((id) => gold.includes(id)) ? 1 : 0;
}

/** Share of the gold ids among the first k ranked ids. */
export function recallAt(ranked: string[], gold: string[], k: number): number {
  const top = new Set(ranked.slice(0, k));
  return gold.filter((id) => top.has(id)).length / gold.length;
}

/** Mean over labels that occur in gold or predictions of per-label F1. */
export function macroF1(gold: EvalLabel[], predicted: EvalLabel[]): number {
  const scores: number[] = [];
  for (const label of EVAL_LABELS) {
    const tp = gold.filter((g, i) => g === label && predicted[i] === label).length;
    const fp = predicted.filter((p, i) => p === label && gold[i] !== label).length;
    const fn = gold.filter((g, i) => g === label && predicted[i] !== label).length;
    if (tp + fp + fn === 0) continue;
    scores.push(tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
  }
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

export function accuracy(gold: EvalLabel[], predicted: EvalLabel[]): number {
  return gold.filter((label, index) => predicted[index] === label).length / gold.length;
}

/**
 * Expected calibration error: predictions binned by confidence (10 equal bins); the mean gap
 * between each bin's confidence and its accuracy, weighted by bin size. 0 is perfectly calibrated.
 */
export function expectedCalibrationError(confidences: number[], correct: boolean[], bins = 10): number {
  let total = 0;
  for (let bin = 0; bin < bins; bin++) {
    const members = confidences
      .map((confidence, index) => ({ confidence, correct: correct[index]! }))
      .filter(({ confidence }) => Math.min(bins - 1, Math.floor(confidence * bins)) === bin);
    if (members.length === 0) continue;
    const meanConfidence = members.reduce((sum, member) => sum + member.confidence, 0) / members.length;
    const accuracy = members.filter((member) => member.correct).length / members.length;
    total += (members.length / confidences.length) * Math.abs(meanConfidence - accuracy);
  }
  return total;
}

/** Percentile by nearest rank (p in 0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** A difference between two systems with its 95% paired-bootstrap interval. */
export interface Difference {
  value: number;
  low: number;
  high: number;
}

/** Small deterministic PRNG (mulberry32): the same run gives the same intervals. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paired bootstrap over items (claims): `statistic(indices)` is A's score minus B's on a resample
 * of item indices drawn with replacement. The interval is the 2.5th–97.5th percentile of
 * `resamples` draws; when it excludes 0 the difference is not a fluke of which claims were drawn.
 */
export function pairedBootstrap(
  items: number,
  statistic: (indices: number[]) => number,
  resamples = 1000,
  seed = 20261125,
): Difference {
  const all = Array.from({ length: items }, (_, index) => index);
  if (items === 0) return { value: Number.NaN, low: Number.NaN, high: Number.NaN };
  const random = seededRandom(seed);
  const draws: number[] = [];
  for (let draw = 0; draw < resamples; draw++)
    draws.push(statistic(all.map(() => Math.floor(random() * items))));
  return { value: statistic(all), low: percentile(draws, 2.5), high: percentile(draws, 97.5) };
}

/** A − B on the mean of per-item scores (hit@5, recall@10), with its paired-bootstrap interval. */
export function meanDifference(a: number[], b: number[]): Difference {
  const meanAt = (values: number[], indices: number[]) =>
    indices.reduce((sum, index) => sum + values[index]!, 0) / indices.length;
  return pairedBootstrap(a.length, (indices) => meanAt(a, indices) - meanAt(b, indices));
}

/** A − B on macro-F1 against the same gold labels, with its paired-bootstrap interval. */
export function macroF1Difference(gold: EvalLabel[], a: EvalLabel[], b: EvalLabel[]): Difference {
  const pick = (labels: EvalLabel[], indices: number[]) => indices.map((index) => labels[index]!);
  return pairedBootstrap(
    gold.length,
    (indices) =>
      macroF1(pick(gold, indices), pick(a, indices)) - macroF1(pick(gold, indices), pick(b, indices)),
  );
}
