import { isCommonWord } from '../analyze/lexicon.js';
import { splitSentences } from '../analyze/split-sentences.js';
import { stemSet } from '../analyze/tokenize.js';
import { analyzeClaim } from '../assess/analyze-claim.js';
import { claimProfile } from '../assess/claim-profile.js';
import { contradictionSignals } from '../assess/contradiction-signals.js';
import { opposes } from '../assess/decide-verdict.js';
import { getLearnedModels, type LearnedModels } from '../assess/learned-models.js';
import { PAIR_FEATURES, pairFeatures } from '../assess/pair-features.js';
import { stanceOf } from '../assess/stance-of.js';

/**
 * Of a generated sentence's content words, the share the cited passages must hold: a paraphrase
 * may reorder and inflect, but words the sources do not hold are the model's, not theirs.
 * Default 0.6 (docs/language-models.md).
 */
export const MIN_WORDS_HELD = 0.6;

/** Longest generated sentence accepted, in characters. */
export const MAX_SENTENCE_CHARS = 600;

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  twenty: '20',
  hundred: '100',
  thousand: '1000',
  million: '1000000',
};

/** "[3]", "[12]": citation markers a model copies into its text; citations travel in their own field. */
const COVERAGE = PAIR_FEATURES.indexOf('weightedCoverage');

const MARKER = /\s*\[\d{1,3}\](?:\s*\[\d{1,3}\])*/g;

/** The numbers a text states, digits only ("1,200" → "1200"; "three" → "3"). */
function numbersIn(text: string): string[] {
  const digits = (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((number) =>
    number.replace(/,/g, '').replace(/\.$/, ''),
  );
  const words = (text.toLowerCase().match(/\b[a-z]+\b/g) ?? []).filter((word) => word in NUMBER_WORDS);
  return [...digits, ...words.map((word) => NUMBER_WORDS[word]!)];
}

/** Capitalised words that name someone or something (not a common word opening the sentence). */
function namesIn(text: string): string[] {
  const words = text.match(/\p{Lu}[\p{L}'’-]*/gu) ?? [];
  const first = text.trimStart().match(/^\p{L}[\p{L}'’-]*/u)?.[0];
  return words
    .map((word) => word.replace(/['’]s$/, ''))
    .filter(
      (word) => word.length > 1 && !(word === first && isCommonWord(word)) && !/^(I|A|The)$/.test(word),
    );
}

export interface VerifiedSentence {
  text: string;
  citations: number[];
}

export type Verification = { ok: true; sentence: VerifiedSentence } | { ok: false; reason: string };

export interface VerifyInput {
  text: string;
  citations: number[];
  /** The citation numbers this sentence was given, each with the texts of the passages it stands for. */
  given: ReadonlyMap<number, string[]>;
  /**
   * Verity's own sentence it rewrites, when it rewrites one: what the draft states (a source's
   * date, how many outlets, a confidence) may be kept, though no passage holds it.
   */
  draft?: string;
  models?: LearnedModels;
}

/**
 * Whether a model's sentence may reach a reader: it cites only passages it was given (at least
 * one), and what it says is held by them — every number and name it states is in a cited
 * passage (or in the draft it rewrites), most of its content words are, and the cited sentence
 * closest to it shows no contradiction of it (a denial, an antonym, another number or date) and
 * is not read as against it by the stance model. The first rule it breaks is why it is dropped.
 */
export function verifySentence(input: VerifyInput): Verification {
  const text = input.text.replace(MARKER, '').replace(/\s+/g, ' ').trim();
  const citations = [...new Set(input.citations)].sort((a, b) => a - b);
  if (text.length < 3) return { ok: false, reason: 'it is empty' };
  if (text.length > MAX_SENTENCE_CHARS)
    return { ok: false, reason: `it is over ${MAX_SENTENCE_CHARS} characters` };
  if (citations.length === 0) return { ok: false, reason: 'it cites nothing' };
  const foreign = citations.filter((n) => !input.given.has(n));
  if (foreign.length > 0)
    return {
      ok: false,
      reason: `it cites ${foreign.map((n) => `[${n}]`).join(' ')}, which it was not given`,
    };
  const passages = citations.flatMap((n) => input.given.get(n)!);
  const joined = [...passages, input.draft ?? ''].join('\n');
  const tag = text.match(/<\/?[a-z!][^>]*>/i)?.[0];
  if (tag && !joined.includes(tag)) return { ok: false, reason: `it holds markup (${tag})` };
  const heldNumbers = new Set(numbersIn(joined));
  const missingNumber = numbersIn(text).find((number) => !heldNumbers.has(number));
  if (missingNumber) return { ok: false, reason: `it states ${missingNumber}, which no cited passage holds` };
  const heldWords = new Set(joined.match(/\p{L}[\p{L}'’-]*/gu) ?? []);
  const missingName = namesIn(text).find(
    (name) => !heldWords.has(name) && !heldWords.has(`${name}'s`) && !heldWords.has(`${name}’s`),
  );
  if (missingName) return { ok: false, reason: `it names "${missingName}", which no cited passage does` };
  const stems = [...stemSet(text)];
  const sourceStems = stemSet(joined);
  const held = stems.filter((value) => sourceStems.has(value)).length;
  if (stems.length === 0 || held / stems.length < MIN_WORDS_HELD)
    return {
      ok: false,
      reason: `${stems.length - held} of its ${stems.length} content words are in no cited passage`,
    };
  // The entailment check: the cited sentence that holds most of it must not read as against it.
  const profile = claimProfile(analyzeClaim(text), () => 1);
  // A rewrite is compared with its draft first (ties go to it): Verity's own sentence says what the
  // sources hold, and a rewrite of a verdict or a count need not resemble any one passage.
  const sentences = [
    ...(input.draft ? [input.draft] : []),
    ...passages.flatMap((passage) => splitSentences(passage)),
  ];
  let closest: { sentence: string; features: number[]; held: number } | null = null;
  for (const sentence of sentences) {
    const features = pairFeatures(profile, sentence, 1, 0);
    const share = features[COVERAGE]!;
    if (!closest || share > closest.held) closest = { sentence, features, held: share };
  }
  if (closest) {
    const models = input.models ?? getLearnedModels();
    const reading = {
      stance: stanceOf(models, closest.features),
      contradicts: contradictionSignals(closest.features),
    };
    // A rewrite should say what its source says: any sign of contradiction with the closest cited
    // sentence drops it, even where the stance model alone would not lean against it.
    if (reading.contradicts.length > 0 || opposes(reading))
      return {
        ok: false,
        reason: `the cited sentence closest to it reads as against it (${reading.contradicts.join(', ') || 'the stance model'})`,
      };
  }
  return { ok: true, sentence: { text, citations } };
}
