import { surfaceForms } from '../analyze/term-variants.js';
import { stem } from '../analyze/tokenize.js';
import type { Store } from '../store/store.js';
import type { Claim } from '../types.js';
import { idf } from './idf.js';

/**
 * Claim terms with their IDF weights over the current passages. Terms no passage holds are left
 * out: nothing can match them, and their (maximal) weight would make every sentence look irrelevant.
 * The report lists them among what the sources do not say.
 */
export async function weightClaimTerms(store: Store, claim: Claim): Promise<Map<string, number>> {
  // A term's passages are those that write it in any of its forms (at least the most common form's).
  const forms = new Map(claim.terms.map((term) => [term, surfaceForms(term)]));
  const counts = await store.documentFrequencies([...new Set([...forms.values()].flat())]);
  const frequencies = new Map(
    claim.terms.map((term) => [term, Math.max(0, ...forms.get(term)!.map((form) => counts.get(form) ?? 0))]),
  );
  const total = (await store.corpusState()).passages;
  return new Map(
    claim.terms
      .filter((term) => (frequencies.get(term) ?? 0) > 0)
      .map((term) => [term, idf(frequencies.get(term)!, Math.max(total, 1))]),
  );
}

/**
 * Share of the claim's IDF weight a sentence holds, and which terms it holds (a hyphenated term
 * needs all its parts). `stems` is the sentence's `stemSet`.
 */
export function termCoverage(
  stems: ReadonlySet<string>,
  weights: Map<string, number>,
): { coverage: number; matched: string[] } {
  let held = 0;
  let all = 0;
  const matched: string[] = [];
  for (const [term, weight] of weights) {
    all += weight;
    if (term.split('-').every((part) => stems.has(stem(part)))) {
      held += weight;
      matched.push(term);
    }
  }
  return { coverage: all > 0 ? held / all : 0, matched };
}
