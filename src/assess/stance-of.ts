import type { LearnedModels } from './learned-models.js';
import { predictProba } from './logistic-regression.js';
import { stanceRow } from './pair-vector-features.js';

export interface Stance {
  supports: number;
  refutes: number;
  neutral: number;
}

/**
 * Stance in two steps, each fitted on what it can learn from: the three-way stance model says how
 * likely the sentence takes no side (fitted against retrieved non-evidence), and the polarity
 * model, fitted on gold evidence only, splits the rest between "supports" and "refutes". Fitted
 * together, the "no side" examples swamp the word-by-word cues that tell the two sides apart.
 */
export function stanceOf(models: Pick<LearnedModels, 'stance' | 'polarity'>, features: number[]): Stance {
  const neutral = predictProba(models.stance, features)[0]!;
  const [supports, refutes] = predictProba(models.polarity, features) as [number, number];
  return { neutral, supports: (1 - neutral) * supports, refutes: (1 - neutral) * refutes };
}

/** No side at all: a sentence that only reports that somebody made the claim. */
const NO_SIDE: Stance = { supports: 0, refutes: 0, neutral: 1 };

/**
 * The stance of a sentence of the retrieved pool: a sentence that restates the claim in quotation
 * marks (restates-claim.ts) takes no side, whatever its words; the others as `stanceOf` reads them.
 */
export function pooledStance(
  models: Pick<LearnedModels, 'stance' | 'polarity'>,
  item: Parameters<typeof stanceRow>[0] & { restates: boolean },
): Stance {
  if (item.restates) return NO_SIDE;
  const row = stanceRow(item);
  if (row.length !== models.stance.features.length)
    throw new Error(
      `The stance model reads ${models.stance.features.length} features but the sentence has ${row.length}: models fitted with an encoder's pair vectors need the same encoder at check time.`,
    );
  return stanceOf(models, row);
}
