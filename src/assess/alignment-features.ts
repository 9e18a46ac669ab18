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
  let words = wordsCache.get(text);
  if (!words) {
    words = Object.freeze([
      ...new Set(
        tokenize(text).flatMap((word) => (word.includes('-') ? [word, ...word.split('-')] : [word])),
      ),
    ]) as string[];
    if (wordsCache.size >= 50_000) wordsCache.clear();
    wordsCache.set(text, words);
  }
  return words;
}

/** Each sentence's words, read once: a check, and a server's many checks, read the same sentences again. */
const wordsCache = new Map<string, string[]>();

/** What the features need of the claim, worked out once per claim rather than once per sentence. */
interface ClaimSide {
  words: string[];
  wordStems: Set<string>;
  denies: boolean;
}

const claimSides = new WeakMap<ClaimProfile, ClaimSide>();

function claimSide(profile: ClaimProfile): ClaimSide {
  let side = claimSides.get(profile);
  if (!side) {
    const words = wordsOf(profile.claim.text);
    side = { words, wordStems: new Set(words.map(stem)), denies: denies(profile.claim.text) };
    claimSides.set(profile, side);
  }
  return side;
}

/** One side says a word and the other its opposite, and neither says both. */
function saysTheOpposite(claim: ClaimSide, sentenceWords: string[]): boolean {
  const opposites = oppositesByStem();
  const claimWords = claim.words;
  const claimStems = claim.wordStems;
  const sentenceStems = new Set(sentenceWords.map(stem));
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

function mismatch(claim: string, sentence: string, pattern: RegExp): [number, number] {
  const inClaim = new Set((claim.match(pattern) ?? []).map((value) => value.toLowerCase()));
  const inSentence = new Set((sentence.match(pattern) ?? []).map((value) => value.toLowerCase()));
  if (inClaim.size === 0 || inSentence.size === 0) return [0, 0];
  const shared = [...inClaim].some((value) => inSentence.has(value));
  return shared ? [0, 1] : [1, 0];
}

/**
 * `stems` are the sentence's stemmed content terms (hyphenated ones split); pair-features passes
 * the ones it has already.
 */
export function alignmentFeatures(
  profile: ClaimProfile,
  sentence: string,
  stems: Iterable<string> = stemSet(sentence),
): number[] {
  const claim = profile.claim.text;
  const side = claimSide(profile);
  const sentenceStems = new Set([...stems].map(bareNumber));
  let missingWeight = 0;
  let topWeight = 0;
  let missing = 0;
  let held = 0;
  let total = 0;
  for (const [key, weight] of profile.weights) {
    topWeight = Math.max(topWeight, weight);
    total += weight;
    if (sentenceStems.has(bareNumber(key))) held += weight;
    else {
      missing++;
      missingWeight = Math.max(missingWeight, weight);
    }
  }
  const [yearMismatch, yearMatch] = mismatch(claim, sentence, YEAR);
  const [monthMismatch, monthMatch] = mismatch(claim, sentence, MONTH);
  const opposite = saysTheOpposite(side, wordsOf(sentence));
  const polarityMismatch = side.denies !== denies(sentence);
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
    mismatch(claim, sentence, ORDINAL)[0],
    (total ? held / total : 0) * (flipped ? -1 : 1),
  ];
}
