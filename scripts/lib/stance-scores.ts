/**
 * Sentence-level stance scored on a set's claim pools, as fitting labels them (fit-models.ts
 * `examples`): gold evidence with its label (supports / refutes / no side), and up to three
 * retrieved non-evidence sentences per claim as no side. Two readings:
 * - three-way: the stance reader's most likely of no side / supports / refutes;
 * - sided: on gold sentences that take a side only, supports against refutes (is a supporting
 *   sentence read as against the claim? the inversion the evidence issue is about).
 * Each beside the majority label of the same sentences.
 */
import type { LearnedModels } from '../../src/assess/learned-models.js';
import { stanceOf } from '../../src/assess/stance-of.js';
import { examples, type ClaimPool } from './fit-models.js';

/** The order of `examples`' stance labels: 0 no side, 1 supports, 2 refutes. */
export const STANCE_LABELS = ['no side', 'supports', 'refutes'] as const;

export interface StanceScores {
  sentences: number;
  /** Gold sentences that take a side. */
  sided: number;
  macroF1: number;
  majorityMacroF1: number;
  sidedMacroF1: number;
  sidedMajorityMacroF1: number;
  /** Share of gold "supports" sentences read as refuting (three-way reading). */
  supportsReadAsRefutes: number;
  /** confusion[gold][read], in STANCE_LABELS order. */
  confusion: number[][];
}

/** Mean per-class F1 over the classes that occur in gold or predictions. */
export function macroF1Of(gold: number[], read: number[]): number {
  const classes = [...new Set([...gold, ...read])];
  const f1 = classes.map((label) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    gold.forEach((g, index) => {
      const r = read[index];
      if (g === label && r === label) tp++;
      else if (r === label) fp++;
      else if (g === label) fn++;
    });
    return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  });
  return f1.length ? f1.reduce((sum, value) => sum + value, 0) / f1.length : Number.NaN;
}

/** Every row given the most frequent gold label (ties: the lower label). */
function majority(gold: number[]): number[] {
  const counts = new Map<number, number>();
  for (const label of gold) counts.set(label, (counts.get(label) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return gold.map(() => best);
}

export function stanceScores(
  claimPools: ClaimPool[],
  models: Pick<LearnedModels, 'stance' | 'polarity'>,
): StanceScores {
  const { rows, labels } = examples(claimPools).stance;
  const readings = rows.map((row) => stanceOf(models, row));
  const threeWay = readings.map((stance) => {
    const values = [stance.neutral, stance.supports, stance.refutes];
    return values.indexOf(Math.max(...values));
  });
  const confusion = STANCE_LABELS.map(() => STANCE_LABELS.map(() => 0));
  labels.forEach((gold, index) => confusion[gold]![threeWay[index]!]!++);
  const sidedAt = labels.flatMap((label, index) => (label === 0 ? [] : [index]));
  const sidedGold = sidedAt.map((index) => labels[index]!);
  const sidedRead = sidedAt.map((index) => (readings[index]!.supports >= readings[index]!.refutes ? 1 : 2));
  const supports = confusion[1]!.reduce((sum, value) => sum + value, 0);
  return {
    sentences: labels.length,
    sided: sidedAt.length,
    macroF1: macroF1Of(labels, threeWay),
    majorityMacroF1: macroF1Of(labels, majority(labels)),
    sidedMacroF1: macroF1Of(sidedGold, sidedRead),
    sidedMajorityMacroF1: macroF1Of(sidedGold, majority(sidedGold)),
    supportsReadAsRefutes: supports ? confusion[1]![2]! / supports : Number.NaN,
    confusion,
  };
}
