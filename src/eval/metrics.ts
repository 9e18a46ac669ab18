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
