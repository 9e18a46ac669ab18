import { getLexicon } from '../analyze/lexicon.js';
import { getFullNlp } from '../analyze/nlp.js';
import { contentTerms, stem } from '../analyze/tokenize.js';
import type { Claim } from '../types.js';
import { NEGATION } from '../analyze/negation.js';

/** What the learned scorers need of a claim, computed once per check. */
export interface ClaimProfile {
  claim: Claim;
  /** Stem → IDF weight of each content term (hyphenated terms split into their parts). */
  weights: Map<string, number>;
  /** Stems of the claim's entities, one set per entity. */
  entityStems: Array<Set<string>>;
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
  const nlp = getFullNlp();
  const tokens = nlp.readDoc(claim.text).tokens();
  const pos = tokens.out(nlp.its.pos);
  const lemmas = tokens.out(nlp.its.lemma as unknown as typeof nlp.its.value);
  const values = tokens.out(nlp.its.value);
  const lexicon = getLexicon();
  const verbSynonyms: Array<Set<string>> = [];
  const antonymStems = new Set<string>();
  pos.forEach((tag, index) => {
    const lemma = (lemmas[index] ?? values[index] ?? '').toLowerCase();
    if (tag === 'VERB') {
      const particle =
        pos[index + 1] === 'ADP' || pos[index + 1] === 'PART' ? values[index + 1]?.toLowerCase() : undefined;
      const synonyms = [
        ...(particle ? (lexicon.verbSynonyms[`${lemma} ${particle}`] ?? []) : []),
        ...(lexicon.verbSynonyms[lemma] ?? []),
      ];
      const single = synonyms.filter((word) => !word.includes(' ')).map(stem);
      const phrasalHeads = synonyms
        .filter((word) => word.includes(' '))
        .map((word) => stem(word.split(' ')[0]!));
      if (synonyms.length > 0) verbSynonyms.push(new Set([...single, ...phrasalHeads]));
    }
    if (tag === 'VERB' || tag === 'ADJ')
      for (const antonym of lexicon.antonyms[lemma] ?? []) antonymStems.add(stem(antonym.split(' ')[0]!));
  });
  return {
    claim,
    weights,
    entityStems: claim.entities
      .map(
        (entity) =>
          new Set(
            contentTerms(entity)
              .flatMap((term) => term.split('-'))
              .map(stem),
          ),
      )
      .filter((set) => set.size > 0),
    bigrams,
    verbSynonyms,
    antonymStems,
    numbers: new Set(claim.text.match(/\d+(?:[.,]\d+)?/g) ?? []),
    negated: NEGATION.test(claim.text),
  };
}
