import { claimLexicalSets } from '../assess/predicate-synonyms.js';
import { surfaceForms } from '../analyze/term-variants.js';
import { contentTerms, stem, stemSet } from '../analyze/tokenize.js';
import type { Claim, Evidence } from '../types.js';

/**
 * Verbs that carry little meaning of their own ("to get access", "made a decision"): the word after
 * them says what the claim is about, so on their own they are no part of it that evidence can miss.
 */
const LIGHT_VERB =
  /^(get|gets|got|gotten|getting|make|makes|made|making|take|takes|took|taken|taking|give|gives|gave|given|giving|do|does|did|done|doing)$/;
/** The verb of "what happened (to X)": the question's form, not a part of it the evidence can miss. */
const QUESTION_VERB = /^(happen|happens|happened|happening|occur|occurs|occurred|occurring)$/;

/**
 * The claim's terms, as the claim writes them, that no evidence sentence holds in the claim's own
 * words nor, for a verb, in one of its WordNet synonyms ("turned over" said as "handed over" or
 * "return"): what the report lists as not covered. Retrieval already searches with those synonyms;
 * the report must not call a verb missing that the evidence states in other words. Light verbs
 * ("get", "make") are no part on their own.
 */
export function uncoveredTerms(claim: Claim, evidence: Evidence[]): string[] {
  const covered = new Set(evidence.flatMap((item) => item.matchedTerms));
  const missing = claim.terms.filter(
    (term) => !covered.has(term) && !LIGHT_VERB.test(term) && !QUESTION_VERB.test(term),
  );
  if (missing.length === 0) return missing;
  const { verbs, verbSynonyms } = claimLexicalSets(claim.text);
  const sentenceStems = evidence.map((item) => stemSet(item.sentence.text));
  const saidInOtherWords = (term: string) =>
    verbs.some(
      (verb, index) =>
        verb === term &&
        verbSynonyms[index]!.some((synonym) => {
          const parts = contentTerms(synonym).map(stem);
          return parts.length > 0 && sentenceStems.some((stems) => parts.every((part) => stems.has(part)));
        }),
    );
  // A person is named by surname once introduced ("Foley" for "James Foley"): a first or middle
  // name is covered where the evidence holds the last word of the name it belongs to.
  const namedBySurname = (term: string) =>
    claim.entities.some((entity) => {
      const words = contentTerms(entity);
      return words.length > 1 && words.slice(0, -1).includes(term) && covered.has(words.at(-1)!);
    });
  return missing
    .filter((term) => !saidInOtherWords(term) && !namedBySurname(term))
    .map((term) => asWritten(term, claim.text));
}

/**
 * A term as the claim writes it ("DOJ", not "doj"; "MS13" or "U.S." for the canonical "ms-13" and
 * "u-s"; "Justice Department" for "doj"), for the report to show.
 */
function asWritten(term: string, text: string): string {
  for (const form of [term, ...surfaceForms(term)]) {
    // Letters of a short form may be written with dots, hyphens or nothing between them.
    const pattern = /\s/.test(form)
      ? form.split(/\s+/).map(escapeRegExp).join('\\s+')
      : [...form.replace(/-/g, '')].map(escapeRegExp).join('[.\\-]?');
    const found = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}\\.?(?![\\p{L}\\p{N}])`, 'iu').exec(text)?.[0];
    if (found) return found.length > 2 && /^(?:\p{L}\.)+$/u.test(found) ? found : found.replace(/\.$/, '');
  }
  return term;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
