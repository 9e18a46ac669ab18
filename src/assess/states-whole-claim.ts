import { stem } from '../analyze/tokenize.js';
import type { ClaimProfile } from './claim-profile.js';

/**
 * Whether a sentence holds the whole claim: every content term of it, a verb either itself or by
 * one of its WordNet synonyms ("beheaded" / "decapitated"). Such a sentence that shows no sign of
 * contradiction (contradiction-signals.ts) is not against the claim, whatever a fitted stance model
 * reads from how many other words it holds: on the training splits' gold evidence, 94–100% of them
 * support it on FEVER-symmetric, Climate-FEVER, SciFact and SICK (docs/method.md, "Stance").
 * `verbs` are the claim's verbs as `claimLexicalSets` reads them, one per `profile.verbSynonyms` set.
 */
export function statesWholeClaim(
  stems: ReadonlySet<string>,
  profile: Pick<ClaimProfile, 'weights' | 'verbSynonyms'>,
  verbs: readonly string[],
): boolean {
  if (profile.weights.size === 0) return false;
  for (const key of profile.weights.keys()) {
    if (stems.has(key)) continue;
    const at = verbs.findIndex((verb) => stem(verb) === key);
    if (at < 0 || ![...(profile.verbSynonyms[at] ?? [])].some((synonym) => stems.has(synonym))) return false;
  }
  return true;
}
