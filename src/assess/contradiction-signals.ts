import { PAIR_FEATURES } from './pair-features.js';

/**
 * What in a sentence can show that it says the opposite of the claim, by the feature that finds
 * it: a denial one side makes and the other does not, an antonym or a negating prefix, a number,
 * year, month or ordinal that differs, a refuting word ("hoax", "debunked"). A sentence that
 * shares few of the claim's words shows none of these: it is off the point, not against it.
 */
export const CONTRADICTION_SIGNALS = {
  negationMismatch: 'a denial the claim does not make',
  polarityMismatch: 'a denial the claim does not make',
  antonym: 'a word of opposite meaning',
  oppositeWord: 'a word of opposite meaning',
  numberMismatch: 'a different number',
  yearMismatch: 'a different year',
  monthMismatch: 'a different month',
  ordinalMismatch: 'a different order',
  refutingCue: 'a refuting word',
} as const;

const AT = Object.keys(CONTRADICTION_SIGNALS).map((name) => ({
  name: name as keyof typeof CONTRADICTION_SIGNALS,
  index: (PAIR_FEATURES as readonly string[]).indexOf(name),
}));

const DENIALS = new Set<string>(['negationMismatch', 'polarityMismatch']);

/**
 * The contradiction signals a sentence's features hold, as phrases for the report (each once).
 * With `denial` (deniesUnlikeClaim: a denial that reaches the claim's terms), that decides the
 * denial signal instead of the features, which count a "not" anywhere in the sentence.
 */
export function contradictionSignals(features: number[], denial?: boolean): string[] {
  const holds = ({ name, index }: (typeof AT)[number]) =>
    denial !== undefined && DENIALS.has(name) ? denial : (features[index] ?? 0) > 0;
  return [...new Set(AT.filter(holds).map(({ name }) => CONTRADICTION_SIGNALS[name]))];
}
