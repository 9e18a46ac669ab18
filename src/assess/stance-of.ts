import type { LearnedModels } from './learned-models.js';
import { predictProba } from './logistic-regression.js';
import { contradictionSignals } from './contradiction-signals.js';
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
 *
 * A stance model fitted with `refutesNeedSignal` reads a sentence as against the claim only where
 * it shows a contradiction (contradiction-signals.ts: a denial, an antonym, a different number or
 * date, a refuting word); the polarity model's "refutes" for any other sentence is no side, since
 * sharing few of the claim's words shows that a sentence is off the point, not that it is against.
 */
export function stanceOf(models: Pick<LearnedModels, 'stance' | 'polarity'>, features: number[]): Stance {
  const neutral = predictProba(models.stance, features)[0]!;
  const [supports, refutes] = predictProba(models.polarity, features) as [number, number];
  const sided = { neutral, supports: (1 - neutral) * supports, refutes: (1 - neutral) * refutes };
  if (!models.stance.refutesNeedSignal || contradictionSignals(features).length > 0) return sided;
  return { supports: sided.supports, refutes: 0, neutral: sided.neutral + sided.refutes };
}

/**
 * Whether a pooled sentence states the whole claim, and whether its features show a contradiction
 * signal (any denial counted, as the models were fitted): what the verdict's whole-claim features read.
 */
export function wholeClaimReading(item: {
  statesClaim?: boolean;
  features: number[];
}): 'plain' | 'contradicted' | undefined {
  if (!item.statesClaim) return undefined;
  return contradictionSignals(item.features).length > 0 ? 'contradicted' : 'plain';
}

/** No side at all: a sentence that only reports that somebody made the claim. */
const NO_SIDE: Stance = { supports: 0, refutes: 0, neutral: 1 };

/** How many features a model takes: the whole row, even when it reads only some `columns` of it. */
function rowWidth(model: LearnedModels['stance']): number {
  return model.inputWidth ?? model.features.length;
}

/**
 * The stance of a sentence of the retrieved pool: a sentence that restates the claim in quotation
 * marks (restates-claim.ts) takes no side, whatever its words; the others as `stanceOf` reads them.
 */
export function pooledStance(
  models: Pick<LearnedModels, 'stance' | 'polarity'>,
  item: Parameters<typeof stanceRow>[0] & { restates: boolean; statesClaim?: boolean; features: number[] },
): Stance {
  if (item.restates) return NO_SIDE;
  const row = stanceRow(item);
  if (row.length !== rowWidth(models.stance))
    throw new Error(
      `The stance model reads ${rowWidth(models.stance)} features but the sentence has ${row.length}: models fitted with an encoder's pair vectors need the same encoder at check time.`,
    );
  const stance = stanceOf(models, row);
  // A sentence that holds the whole claim and shows nothing contradicting it is not against it
  // (states-whole-claim.ts): its "refutes" is read as "supports".
  if (models.stance.wholeClaimSupports && wholeClaimReading(item) === 'plain')
    return { supports: stance.supports + stance.refutes, refutes: 0, neutral: stance.neutral };
  return stance;
}
