import { getLexicon, isCommonWord } from '../analyze/lexicon.js';
import { contentTerms, stem } from '../analyze/tokenize.js';
import type { Claim } from '../types.js';
import { NEGATION } from '../analyze/negation.js';
import { claimLexicalSets } from './predicate-synonyms.js';

/** What the learned scorers need of a claim, computed once per check. */
export interface ClaimProfile {
  claim: Claim;
  /** Stem → IDF weight of each content term (hyphenated terms split into their parts). */
  weights: Map<string, number>;
  /** Stems of the claim's entities, one set per entity. */
  entityStems: Array<Set<string>>;
  /**
   * The entities that name someone or something (not a date, year or amount: "2019", "July 25"),
   * as stems, with the stem of the last word when it names them on its own in later mentions
   * ("Grisham" for "Michelle Lujan Grisham"; not "Senate" for "New Mexico Senate").
   */
  names: ClaimName[];
  /** Adjacent content-stem pairs of the claim ("hand over", "ms 13"). */
  bigrams: Set<string>;
  /** For each claim verb, the stems of its WordNet synonyms (single words only). */
  verbSynonyms: Array<Set<string>>;
  /** Stems of WordNet antonyms of the claim's verbs and adjectives ("increase" → "decreas"). */
  antonymStems: Set<string>;
  /** Numbers the claim states ("13", "2014", "3"). */
  numbers: Set<string>;
  negated: boolean;
}

/** Words of a date or an amount: months, weekdays, number words ("July 25", "$7.4 billion", "15%"). */
const DATE_OR_NUMBER_WORD =
  /^(?:[$€£]?\d[\d.,]*(?:%|st|nd|rd|th|s)?|(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:year|month|week|day|hour|minute)s?|old|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?|trillion|percent|the|of|and)$/i;

/** A name the claim gives: its words' stems, and its last word's stem for later mentions (or null). */
export interface ClaimName {
  stems: ReadonlySet<string>;
  last: string | null;
}

/** Do these stems name the person or thing: all the name's words, or its last word alone ("Grisham")? */
export function holdsName(stems: Pick<Set<string>, 'has'>, name: ClaimName): boolean {
  return [...name.stems].every((part) => stems.has(part)) || (name.last !== null && stems.has(name.last));
}

/** True when an entity is only a date, year or amount: it names no one and nothing. */
function isDateOrNumber(entity: string): boolean {
  return entity.split(/[\s,]+/).every((word) => word === '' || DATE_OR_NUMBER_WORD.test(word));
}

/** The last word of a name of two or more words, when it is a name itself and not a common word. */
function lastName(entity: string): string | null {
  const words = entity.split(/\s+/);
  const last = words[words.length - 1]!.replace(/['’]s$/, '');
  return words.length >= 2 && /^\p{Lu}\p{Ll}{2,}$/u.test(last) && !isCommonWord(last)
    ? stem(last.toLowerCase())
    : null;
}

export function claimProfile(claim: Claim, termWeight: (term: string) => number): ClaimProfile {
  const weights = new Map<string, number>();
  for (const term of claim.terms) {
    for (const part of term.split('-')) {
      const key = stem(part);
      weights.set(key, Math.max(weights.get(key) ?? 0, termWeight(term)));
    }
  }
  const stems = contentTerms(claim.text)
    .flatMap((term) => term.split('-'))
    .map(stem);
  const bigrams = new Set(stems.slice(1).map((value, index) => `${stems[index]} ${value}`));
  const lexicon = getLexicon();
  const sets = claimLexicalSets(claim.text);
  const verbSynonyms = sets.verbSynonyms.map(
    (synonyms) => new Set(synonyms.map((word) => stem(word.split(' ')[0]!))),
  );
  const antonymStems = new Set(
    sets.lemmas.flatMap((lemma) =>
      (lexicon.antonyms[lemma] ?? []).map((antonym) => stem(antonym.split(' ')[0]!)),
    ),
  );
  const stemsOf = (entity: string) =>
    new Set(
      contentTerms(entity)
        .flatMap((term) => term.split('-'))
        .map(stem),
    );
  return {
    claim,
    weights,
    entityStems: claim.entities.map(stemsOf).filter((set) => set.size > 0),
    // A name's numbers are not part of what names it ("Sotloff 41"): a wrong number is a conflict
    // to find in the evidence, not a reason to find none.
    names: claim.entities
      .filter((entity) => !isDateOrNumber(entity))
      .map((entity) => ({
        stems: stemsOf(
          entity
            .split(/\s+/)
            .filter((word) => !DATE_OR_NUMBER_WORD.test(word))
            .join(' '),
        ),
        last: lastName(entity),
      }))
      .filter((name) => name.stems.size > 0),
    bigrams,
    verbSynonyms,
    antonymStems,
    numbers: new Set(claim.text.match(/\d+(?:[.,]\d+)?/g) ?? []),
    negated: NEGATION.test(claim.text),
  };
}
