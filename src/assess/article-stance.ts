import type { Modality } from '../types.js';
import { detectModality } from './detect-modality.js';
import { predictProba, type LinearModel } from './logistic-regression.js';
import { PAIR_FEATURES } from './pair-features.js';
import { citedOrigin } from './trace-provenance.js';

/**
 * How one article stands toward a claim, read from all of its sentences that touch the claim rather
 * than from one sentence: it states the claim as fact, disputes it, or only relays and discusses it
 * ("reportedly", "according to", "claims"). News stance is mostly this: an article that repeats a
 * rumour under a hedge is not confirming it, and one that calls it a hoax is against it whatever its
 * best-matching sentence reads. Fitted on FNC-1's training stances (agree / disagree / discuss),
 * scored on its competition test (`npm run eval:stance`).
 */
export const ARTICLE_STANCES = ['states', 'disputes', 'discusses'] as const;
export type ArticleStanceLabel = (typeof ARTICLE_STANCES)[number];
export type ArticleStance = Record<ArticleStanceLabel, number>;

/** One sentence of an article that shares a term with the claim, as the pool scored it. */
export interface ArticleSentence {
  text: string;
  /** Its PAIR_FEATURES row against the claim. */
  features: number[];
  /** The ranker's score: the best-ranked sentences say most about where the article stands. */
  score: number;
  /** It only quotes the claim (restates-claim.ts). */
  restates: boolean;
  /** The encoder's vectors of claim and sentence, for sentence readers that take them. */
  vectors?: { claim: Float32Array; sentence: Float32Array };
}

/** How many of an article's best-ranked sentences are read as its core. */
const CORE = 3;

const at = (name: (typeof PAIR_FEATURES)[number]) => PAIR_FEATURES.indexOf(name);
const CUES = ['refutingCue', 'hedgingCue', 'supportingCue', 'contrastCue'] as const;
const SIGNALS = ['negationMismatch', 'antonym', 'oppositeWord', 'numberMismatch', 'yearMismatch'] as const;
const MODALITIES: Modality[] = ['asserted', 'reported', 'denied', 'promised', 'speculative'];
/** Words that relay a story without vouching for it. */
const RELAYING =
  /\b(reportedly|allegedly|purportedly|supposedly|apparently|claim(s|ed|ing)?|rumou?r(s|ed)?|unconfirmed|unverified|believed to|said to|appears? to|according to)\b/i;
/** Words that vouch for it: confirmed, announced, officially. */
const VOUCHING = /\b(confirm(s|ed|ing)?|officially|announced|revealed|verified|has been|have been)\b/i;
/** Words that call it untrue. */
const DISPUTING =
  /\b(hoax(es)?|fake|false(ly)?|debunk\w*|not true|untrue|prank\w*|satir\w*|fabricat\w*|doctored|photoshopped|made up|myth|denie[sd]|deny(ing)?|no evidence|baseless)\b/i;
const LEXICONS = { relaying: RELAYING, vouching: VOUCHING, disputing: DISPUTING } as const;

export const ARTICLE_STANCE_FEATURES = [
  'bestCoverage',
  'coreCoverage',
  'sentencesOnClaim',
  ...CUES.flatMap((cue) => [`${cue}Core`, `${cue}Rest`]),
  ...MODALITIES.map((modality) => `${modality}Core`),
  ...(['reported', 'denied', 'speculative'] as const).map((modality) => `${modality}Rest`),
  ...Object.keys(LEXICONS).flatMap((name) => [`${name}Core`, `${name}Rest`]),
  'deniedCoverage',
  'coverageTimesDisputing',
  'coverageTimesRelaying',
  'creditedCore',
  'creditedRest',
  'contradictionCore',
  'numberMatchCore',
  'restatesArticle',
  'questionsArticle',
  'claimNegated',
  'claimHedged',
  'claimDisputes',
  'echoedDisputeCore',
  'echoedDisputeCoverage',
] as const;
type ArticleStanceFeature = (typeof ARTICLE_STANCE_FEATURES)[number];

/** Features that say the article calls something untrue: against a plain claim, with a debunking one. */
const DISPUTE_FEATURES = new Set<ArticleStanceFeature>([
  'refutingCueCore',
  'refutingCueRest',
  'deniedCore',
  'deniedRest',
  'disputingCore',
  'disputingRest',
  'deniedCoverage',
  'coverageTimesDisputing',
]);

const share = (items: ArticleSentence[], test: (item: ArticleSentence) => boolean) =>
  items.length === 0 ? 0 : items.filter(test).length / items.length;

/**
 * The article-level features: how much of the claim its best sentences hold, and how the article
 * holds it — cue words, the modality of its core sentences (stated, relayed, denied, promised,
 * hedged), credits to another outlet, contradiction signals, questions — as shares, so that long
 * and short articles read alike. A claim that itself calls something a hoax or denies it ("Photo
 * of a shark on the highway is fake") is agreed with by an article that says the same: there the
 * article's disputing words are read as echoes of the claim, in features of their own.
 */
export function articleStanceFeatures(claim: string, sentences: ArticleSentence[]): number[] {
  const ordered = [...sentences].sort((a, b) => b.score - a.score);
  // The core and the rest apart: "all sentences" would hold the core again, and in a short article
  // be the core, so that weights fitted on long articles to tell the two apart would cancel wrongly.
  const core = ordered.slice(0, CORE);
  const rest = ordered.slice(CORE);
  const coverage = (item: ArticleSentence) => item.features[at('weightedCoverage')]!;
  const modality = new Map(sentences.map((item) => [item, detectModality(item.text)]));
  const claimModality = detectModality(claim);
  const claimDisputes = DISPUTING.test(claim) || claimModality === 'denied';
  const disputes = (item: ArticleSentence) =>
    DISPUTING.test(item.text) || item.features[at('refutingCue')]! > 0 || modality.get(item) === 'denied';
  const values: Partial<Record<ArticleStanceFeature, number>> = {
    bestCoverage: Math.max(0, ...sentences.map(coverage)),
    coreCoverage: core.length ? core.reduce((sum, item) => sum + coverage(item), 0) / core.length : 0,
    sentencesOnClaim: Math.log1p(sentences.length),
    // The best-covered sentence that denies: a denial of the claim itself, not of a side detail.
    deniedCoverage: Math.max(0, ...sentences.filter((item) => modality.get(item) === 'denied').map(coverage)),
    // Holding the claim and calling it untrue, or holding it and relaying it, in one sentence.
    coverageTimesDisputing: Math.max(
      0,
      ...sentences.filter((item) => DISPUTING.test(item.text)).map(coverage),
    ),
    coverageTimesRelaying: Math.max(0, ...sentences.filter((item) => RELAYING.test(item.text)).map(coverage)),
    creditedCore: share(core, (item) => citedOrigin(item.text) !== null),
    creditedRest: share(rest, (item) => citedOrigin(item.text) !== null),
    contradictionCore: share(core, (item) => SIGNALS.some((signal) => item.features[at(signal)]! > 0)),
    numberMatchCore: share(core, (item) => item.features[at('numberMatch')]! > 0),
    restatesArticle: share(sentences, (item) => item.restates),
    questionsArticle: share(sentences, (item) => item.text.trim().endsWith('?')),
    claimNegated: sentences[0]?.features[at('claimNegated')] ?? 0,
    claimHedged: claimModality === 'asserted' || claimModality === 'denied' ? 0 : 1,
    claimDisputes: claimDisputes ? 1 : 0,
    echoedDisputeCore: claimDisputes ? share(core, disputes) : 0,
    echoedDisputeCoverage: claimDisputes ? Math.max(0, ...sentences.filter(disputes).map(coverage)) : 0,
  };
  for (const cue of CUES) {
    values[`${cue}Core`] = share(core, (item) => item.features[at(cue)]! > 0);
    values[`${cue}Rest`] = share(rest, (item) => item.features[at(cue)]! > 0);
  }
  for (const kind of MODALITIES) values[`${kind}Core`] = share(core, (item) => modality.get(item) === kind);
  for (const kind of ['reported', 'denied', 'speculative'] as const)
    values[`${kind}Rest`] = share(rest, (item) => modality.get(item) === kind);
  for (const [name, pattern] of Object.entries(LEXICONS) as Array<[keyof typeof LEXICONS, RegExp]>) {
    values[`${name}Core`] = share(core, (item) => pattern.test(item.text));
    values[`${name}Rest`] = share(rest, (item) => pattern.test(item.text));
  }
  return ARTICLE_STANCE_FEATURES.map((name) =>
    claimDisputes && DISPUTE_FEATURES.has(name) ? 0 : (values[name] ?? 0),
  );
}

/** The article's stance as the model reads it, and what a report shows of it. */
export function readArticle(model: LinearModel, claim: string, sentences: ArticleSentence[]): ArticleReading {
  const probabilities = readArticleStance(model, claim, sentences);
  return { probabilities, shown: clearStance(probabilities, model.floors) };
}

/** The article's stance: states / disputes / discusses, as probabilities. */
export function readArticleStance(
  model: LinearModel,
  claim: string,
  sentences: ArticleSentence[],
): ArticleStance {
  const row = articleStanceFeatures(claim, sentences);
  if (row.length !== model.features.length)
    throw new Error(
      `The article-stance model reads ${model.features.length} features but this Verity computes ${row.length}; refit it with \`npm run train -- --only article-stance\`.`,
    );
  const probabilities = predictProba(model, row);
  return Object.fromEntries(
    ARTICLE_STANCES.map((label) => [label, probabilities[model.classes.indexOf(label)] ?? 0]),
  ) as ArticleStance;
}

/**
 * How far the likeliest stance must lead the next for the article to be said to take it: the same
 * margin as a sentence's lean (decide-verdict.ts, CLEAR_LEAN). A 43%/42% reading is no reading.
 */
export const CLEAR_ARTICLE_LEAD = 0.1;

/**
 * The likeliest stance when it leads the next by CLEAR_ARTICLE_LEAD and reaches the floor the
 * model holds for showing it (fitted so that shown stances were mostly right), else null.
 */
export function clearStance(
  stance: ArticleStance,
  floors: Partial<Record<string, number>> = {},
): ArticleStanceLabel | null {
  const [first, second] = ARTICLE_STANCES.map((label) => stance[label]).sort((a, b) => b - a);
  const label = likeliestStance(stance);
  return first! - second! >= CLEAR_ARTICLE_LEAD && stance[label] >= (floors[label] ?? 0) ? label : null;
}

/** An article's stance probabilities and the stance a report shows (null: no clear stance). */
export interface ArticleReading {
  probabilities: ArticleStance;
  shown: ArticleStanceLabel | null;
}

/** The most likely of the three. */
export function likeliestStance(stance: ArticleStance): ArticleStanceLabel {
  return ARTICLE_STANCES.reduce((best, label) => (stance[label] > stance[best] ? label : best));
}

/** The stance as a reader reads it beside a source. */
export const ARTICLE_STANCE_PHRASES: Record<ArticleStanceLabel, string> = {
  states: 'states the claim as fact',
  disputes: 'disputes the claim',
  discusses: 'relays or discusses the claim',
};
