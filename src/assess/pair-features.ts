import { contentStems } from '../analyze/tokenize.js';
import type { ClaimProfile } from './claim-profile.js';
import { NEGATION_COUNTED } from '../analyze/negation.js';
import { ALIGNMENT_FEATURES, alignmentFeatures } from './alignment-features.js';

const REFUTING =
  /\b(false|falsely|myth|hoax|fake|debunk\w*|no evidence|incorrect|wrong|untrue|denie[sd]|deny|refute\w*|rejected(?! (the |all )?(criticism|criticisms|concerns|calls|complaints))|misleading|baseless|unfounded|contrary|disprove\w*)\b/i;
const SUPPORTING =
  /\b(confirm\w*|show(s|ed|n)?|found|demonstrat\w*|evidence (that|of)|prove[sdn]?|according to|reported)\b/i;
const HEDGING =
  /\b(may|might|could|possibly|perhaps|suggest\w*|likely|unlikely|uncertain|unclear|rumou?r\w*|alleged\w*)\b/i;
const CONTRAST = /\b(but|however|although|though|despite|whereas|yet)\b/i;
/** Sweeping words in a claim ("only", "never", "all"): one counter-example is enough to refute it. */
const SWEEPING =
  /\b(only|always|never|exclusively|solely|entirely|all|none|every|no one|nobody|incapable)\b/i;

/** Names of the features `pairFeatures` returns, in order (they are the columns of the learned models). */
export const PAIR_FEATURES = [
  'bm25',
  'reciprocalRank',
  'weightedCoverage',
  'termCoverage',
  'entityCoverage',
  'bigramCoverage',
  'synonymCoverage',
  'logLength',
  'density',
  'sentenceNegations',
  'claimNegated',
  'negationMismatch',
  'antonym',
  'numberMismatch',
  'numberMatch',
  'refutingCue',
  'supportingCue',
  'hedgingCue',
  'contrastCue',
  'titleCoverage',
  'claimSweeping',
  'articleCoverage',
  ...ALIGNMENT_FEATURES,
] as const;

/**
 * Features that can only make a sentence more likely to be evidence (it holds more of the claim, its
 * passage and headline match better, a number, year or month agrees) and those that can only make
 * it less (a key term or more of the claim is missing). The relevance model and the ranker are
 * fitted with these signs held (logistic-regression.ts, `signs`).
 */
const MORE_RELEVANT = new Set([
  'bm25',
  'reciprocalRank',
  'weightedCoverage',
  'termCoverage',
  'entityCoverage',
  'bigramCoverage',
  'synonymCoverage',
  'titleCoverage',
  'articleCoverage',
  'signedCoverage',
  'numberMatch',
  'yearMatch',
  'monthMatch',
  'denseSimilarity',
]);
const LESS_RELEVANT = new Set(['missingKeyTerm', 'missingTerms']);

/** The sign each feature (or product "a×b" of two) must take in a relevance or ranking model; 0 is free. */
export function relevanceSigns(featureNames: readonly string[]): number[] {
  const signOf = (name: string) => (MORE_RELEVANT.has(name) ? 1 : LESS_RELEVANT.has(name) ? -1 : 0);
  return featureNames.map((name) => {
    const [a, b] = name.split('×');
    if (b === undefined) return signOf(a!);
    return signOf(a!) === 1 && signOf(b) === 1 ? 1 : 0;
  });
}

/**
 * Which way each feature may push the polarity model (supports vs refutes): a sentence is against
 * the claim only on evidence of contradiction — a denial the claim does not make, an antonym, a
 * different number, year, month or ordinal, a refuting word — so those may only push toward
 * "refutes"; agreeing numbers and dates, supporting words and holding more of the claim may only
 * push toward "supports". The rest (length, hedges, contrast) are free.
 */
const TOWARD_REFUTES = new Set([
  'negationMismatch',
  'antonym',
  'numberMismatch',
  'refutingCue',
  'oppositeWord',
  'polarityMismatch',
  'yearMismatch',
  'monthMismatch',
  'ordinalMismatch',
]);
const TOWARD_SUPPORTS = new Set([
  'numberMatch',
  'yearMatch',
  'monthMatch',
  'supportingCue',
  'weightedCoverage',
  'termCoverage',
  'signedCoverage',
  'entityCoverage',
  'bigramCoverage',
  'synonymCoverage',
]);

/** The sign each feature must take toward "refutes" (the polarity model's second class); 0 is free. */
export function polaritySigns(featureNames: readonly string[]): number[] {
  return featureNames.map((name) => (TOWARD_REFUTES.has(name) ? 1 : TOWARD_SUPPORTS.has(name) ? -1 : 0));
}

/** The features with a sentence encoder: the same, then the cosine of sentence and claim vectors. */
export const DENSE_PAIR_FEATURES = [...PAIR_FEATURES, 'denseSimilarity'] as const;

/** Share of the claim's IDF weight that a set of stems holds. */
function weightHeld(profile: ClaimProfile, stems: ReadonlySet<string>): number {
  let held = 0;
  let total = 0;
  for (const [key, weight] of profile.weights) {
    total += weight;
    if (stems.has(key)) held += weight;
  }
  return total ? held / total : 0;
}

/** What the features read of a sentence on its own, whatever the claim: worked out once per sentence. */
interface SentenceCues {
  bigrams: Set<string>;
  negations: number;
  numbers: string[];
  cues: [refuting: number, supporting: number, hedging: number, contrast: number];
}

function sentenceCues(sentence: string, stems: readonly string[]): SentenceCues {
  let cues = cuesCache.get(sentence);
  if (!cues) {
    cues = {
      bigrams: new Set(stems.slice(1).map((value, index) => `${stems[index]} ${value}`)),
      negations: (sentence.match(NEGATION_COUNTED) ?? []).length,
      numbers: sentence.match(/\d+(?:[.,]\d+)?/g) ?? [],
      cues: [REFUTING, SUPPORTING, HEDGING, CONTRAST].map((pattern) => (pattern.test(sentence) ? 1 : 0)) as [
        number,
        number,
        number,
        number,
      ],
    };
    if (cuesCache.size >= 50_000) cuesCache.clear();
    cuesCache.set(sentence, cues);
  }
  return cues;
}

/** Each sentence read once: a check, and a server's many checks, read the same sentences again. */
const cuesCache = new Map<string, SentenceCues>();

/**
 * What one sentence holds of one claim, as numbers. `bm25` is the passage score over the pool's
 * best; `title` is its article's headline, which names what the whole article is about;
 * `articleStems` are the stems of every pooled sentence of its article (what the article says of
 * the claim around this sentence).
 */
export function pairFeatures(
  profile: ClaimProfile,
  sentence: string,
  bm25: number,
  rank: number,
  title: string | null = null,
  articleStems: Set<string> | null = null,
): number[] {
  const { words, stems, set: stemSet } = contentStems(sentence);
  let held = 0;
  let total = 0;
  let matched = 0;
  for (const [key, weight] of profile.weights) {
    total += weight;
    if (stemSet.has(key)) {
      held += weight;
      matched++;
    }
  }
  const entities = profile.entityStems.length
    ? profile.entityStems.filter((entity) => [...entity].every((part) => stemSet.has(part))).length /
      profile.entityStems.length
    : 0;
  const { bigrams: sentenceBigrams, negations, numbers, cues } = sentenceCues(sentence, stems);
  const bigrams = profile.bigrams.size
    ? [...profile.bigrams].filter((pair) => sentenceBigrams.has(pair)).length / profile.bigrams.size
    : 0;
  const synonyms = profile.verbSynonyms.length
    ? profile.verbSynonyms.filter((set) => [...set].some((synonym) => stemSet.has(synonym))).length /
      profile.verbSynonyms.length
    : 0;
  const numberMatch = numbers.some((number) => profile.numbers.has(number));
  const antonym = [...profile.antonymStems].some(
    (value) => stemSet.has(value) && !profile.weights.has(value),
  );
  return [
    bm25,
    1 / (1 + rank),
    total ? held / total : 0,
    profile.weights.size ? matched / profile.weights.size : 0,
    entities,
    bigrams,
    synonyms,
    Math.log(1 + words.length),
    words.length ? matched / words.length : 0,
    Math.min(negations, 3),
    profile.negated ? 1 : 0,
    negations > 0 !== profile.negated ? 1 : 0,
    antonym ? 1 : 0,
    profile.numbers.size > 0 && numbers.length > 0 && !numberMatch ? 1 : 0,
    numberMatch ? 1 : 0,
    ...cues,
    title ? weightHeld(profile, contentStems(title).set) : 0,
    SWEEPING.test(profile.claim.text) ? 1 : 0,
    articleStems ? weightHeld(profile, articleStems) : 0,
    ...alignmentFeatures(profile, sentence),
  ];
}
