import { getLexicon } from '../analyze/lexicon.js';
import { IMPLICIT_NEGATION, NEGATION_COUNTED, scopedDenials } from '../analyze/negation.js';
import { stem, stemSet, tokenize } from '../analyze/tokenize.js';
import type { ClaimProfile } from './claim-profile.js';

/**
 * How a sentence lines up with a claim word by word, for telling "says the same" from "says the
 * opposite" once a sentence is known to be on topic: a claim word swapped for its opposite
 * ("best-selling" / "worst-selling", "able" / "unable"), a verb that denies ("refused", "failed")
 * on one side only, a year or month that differs, the claim's rarest word missing.
 */
export const ALIGNMENT_FEATURES = [
  'missingKeyTerm',
  'missingTerms',
  'oppositeWord',
  'polarityMismatch',
  'yearMismatch',
  'yearMatch',
  'monthMismatch',
  'monthMatch',
  'ordinalMismatch',
  'signedCoverage',
] as const;

const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/gi;
const ORDINAL =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\d+(st|nd|rd|th))\b/gi;
/** Prefixes that turn a word into its opposite ("unable", "insignificant", "non-violent", "dislike"). */
const NEGATING_PREFIX = /^(un|in|im|il|ir|dis|non-?)(.{4,})$/;

let antonymStems: Map<string, Set<string>> | undefined;

/** Stem → stems of its WordNet antonyms (built once from the lexicon's lemma table). */
function oppositesByStem(): Map<string, Set<string>> {
  if (antonymStems) return antonymStems;
  antonymStems = new Map();
  for (const [word, opposites] of Object.entries(getLexicon().antonyms)) {
    if (word.includes(' ')) continue;
    const key = stem(word);
    const set = antonymStems.get(key) ?? new Set<string>();
    for (const opposite of opposites) if (!opposite.includes(' ')) set.add(stem(opposite));
    antonymStems.set(key, set);
  }
  return antonymStems;
}

/** "22nd" and "22" are the same day. */
const bareNumber = (key: string) => key.replace(/^(\d+)(st|nd|rd|th)$/, '$1');

/** Lower-cased words, hyphenated ones also in their parts ("best-selling", "best", "selling"). */
function wordsOf(text: string): string[] {
  return [
    ...new Set(tokenize(text).flatMap((word) => (word.includes('-') ? [word, ...word.split('-')] : [word]))),
  ];
}

/** What the features need of the claim, worked out once per claim rather than once per sentence. */
interface ClaimSide extends TextSide {
  /** The claim's weighted stems, "22nd" read as "22". */
  bareWeights: Array<[string, number]>;
}

/** What the features read of one text (claim or sentence) on its own, worked out once per text. */
interface TextSide {
  words: string[];
  /** Its stemmed content terms (hyphenated ones split), "22nd" read as "22". */
  bareStems: Set<string>;
  wordStems: Set<string>;
  denies: boolean;
  years: Set<string>;
  months: Set<string>;
  ordinals: Set<string>;
}

function textSide(text: string): TextSide {
  let side = textSides.get(text);
  if (!side) {
    const words = wordsOf(text);
    const found = (pattern: RegExp) =>
      new Set((text.match(pattern) ?? []).map((value) => value.toLowerCase()));
    side = {
      words,
      bareStems: new Set([...stemSet(text)].map(bareNumber)),
      wordStems: new Set(words.map(stem)),
      denies: denies(text),
      years: found(YEAR),
      months: found(MONTH),
      ordinals: found(ORDINAL),
    };
    if (textSides.size >= 50_000) textSides.clear();
    textSides.set(text, side);
  }
  return side;
}

/** Each sentence read once: a check, and a server's many checks, read the same sentences again. */
const textSides = new Map<string, TextSide>();

const claimSides = new WeakMap<ClaimProfile, ClaimSide>();

function claimSide(profile: ClaimProfile): ClaimSide {
  let side = claimSides.get(profile);
  if (!side) {
    side = {
      ...textSide(profile.claim.text),
      bareWeights: [...profile.weights].map(([key, weight]) => [bareNumber(key), weight]),
    };
    claimSides.set(profile, side);
  }
  return side;
}

/** One side says a word and the other its opposite, and neither says both. */
function saysTheOpposite(claim: TextSide, sentence: TextSide): boolean {
  const opposites = oppositesByStem();
  const claimWords = claim.words;
  const claimStems = claim.wordStems;
  const sentenceWords = sentence.words;
  const sentenceStems = sentence.wordStems;
  const contrary = (from: Set<string>, to: Set<string>) =>
    [...from].some(
      (key) =>
        !to.has(key) && [...(opposites.get(key) ?? [])].some((other) => to.has(other) && !from.has(other)),
    );
  const prefixed = (from: string[], to: Set<string>, toWords: Set<string>) =>
    from.some((word) => {
      const match = NEGATING_PREFIX.exec(word);
      return match !== null && !toWords.has(word) && (toWords.has(match[2]!) || to.has(stem(match[2]!)));
    });
  return (
    contrary(claimStems, sentenceStems) ||
    prefixed(claimWords, sentenceStems, new Set(sentenceWords)) ||
    prefixed(sentenceWords, claimStems, new Set(claimWords))
  );
}

/** Odd number of denials (explicit "not" or a denying verb): the text says something did not happen. */
function denies(text: string): boolean {
  const count = (text.match(NEGATION_COUNTED) ?? []).length + (text.match(IMPLICIT_NEGATION) ?? []).length;
  return count % 2 === 1;
}

/**
 * The denials of a sentence that reach the claim: a denying word followed, within a clause-sized
 * window, by one of the claim's terms or a synonym of its verb ("ISIS did not behead him", "no
 * evidence that ISIS beheaded"), not any "not" anywhere in a long news sentence.
 */
export function claimDenials(profile: ClaimProfile, sentence: string): number {
  const inScope = (token: string) => {
    const key = stem(token);
    return profile.weights.has(key) || profile.verbSynonyms.some((set) => set.has(key));
  };
  return scopedDenials(tokenize(sentence), inScope);
}

/**
 * A denial on one side only that reaches the claim: the claim denies and the sentence does not, or
 * the sentence denies one of the claim's terms and the claim does not. What a report may call "a
 * denial the claim does not make"; the fitted features count any denial (`polarityMismatch`).
 */
export function deniesUnlikeClaim(profile: ClaimProfile, sentence: string): boolean {
  return claimSide(profile).denies !== (claimDenials(profile, sentence) % 2 === 1);
}

function mismatch(inClaim: Set<string>, inSentence: Set<string>): [number, number] {
  if (inClaim.size === 0 || inSentence.size === 0) return [0, 0];
  const shared = [...inClaim].some((value) => inSentence.has(value));
  return shared ? [0, 1] : [1, 0];
}

export function alignmentFeatures(profile: ClaimProfile, sentence: string): number[] {
  const side = claimSide(profile);
  const read = textSide(sentence);
  const sentenceStems = read.bareStems;
  let missingWeight = 0;
  let topWeight = 0;
  let missing = 0;
  let held = 0;
  let total = 0;
  for (const [key, weight] of side.bareWeights) {
    topWeight = Math.max(topWeight, weight);
    total += weight;
    if (sentenceStems.has(key)) held += weight;
    else {
      missing++;
      missingWeight = Math.max(missingWeight, weight);
    }
  }
  const [yearMismatch, yearMatch] = mismatch(side.years, read.years);
  const [monthMismatch, monthMatch] = mismatch(side.months, read.months);
  const opposite = saysTheOpposite(side, read);
  const polarityMismatch = side.denies !== read.denies;
  // Coverage counts for the claim when both say it the same way, against it when one side flips it.
  const flipped = opposite !== polarityMismatch;
  return [
    topWeight ? missingWeight / topWeight : 0,
    Math.log1p(missing),
    opposite ? 1 : 0,
    polarityMismatch ? 1 : 0,
    yearMismatch,
    yearMatch,
    monthMismatch,
    monthMatch,
    mismatch(side.ordinals, read.ordinals)[0],
    (total ? held / total : 0) * (flipped ? -1 : 1),
  ];
}
