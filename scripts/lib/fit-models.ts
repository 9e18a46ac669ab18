/**
 * Fitting Verity's learned parts from labelled claim pools, shared by `npm run train` (the shipped
 * models) and `npm run eval -- --protocol lodo` (models fitted without the set they are scored on).
 * - ranker: pairwise, which of two sentences of one claim's pool is gold evidence;
 * - relevance: does a sentence bear on the claim (gold evidence vs other retrieved sentences);
 * - stance: supports / refutes / neutral (gold evidence with its label vs retrieved non-evidence);
 * - polarity: supports vs refutes, on gold evidence with its label only (see stance-of.ts);
 * - verdict: supported / refuted / not enough info / conflicting from the best five sentences.
 * Every choice made here (the evidence cut, the temperature) is weighed on the training pools only.
 */
import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import {
  bestFThreshold,
  cellWeights,
  DEFAULT_FIT,
  fitLogistic,
  fitTemperature,
  predictProba,
  type FitOptions,
  type LinearModel,
} from '../../src/assess/logistic-regression.js';
import {
  DENSE_PAIR_FEATURES,
  PAIR_FEATURES,
  polaritySigns,
  relevanceSigns,
} from '../../src/assess/pair-features.js';
import type { VectorScorer } from '../../src/retrieve/vector-score.js';
import {
  verdictFeatureNames,
  verdictFeatures,
  type ScoredSentence,
} from '../../src/assess/verdict-features.js';
import { EVAL_LABELS, type EvalLabel } from '../../src/eval/eval-format.js';
import { macroF1 } from '../../src/eval/metrics.js';
import { DEFAULT_EVIDENCE_OPTIONS } from '../../src/retrieve/select-evidence.js';
import { loadEvalStore } from '../../src/eval/load-eval-store.js';
import { retrievePassages } from '../../src/retrieve/retrieve-passages.js';
import { correctSpelling } from '../../src/retrieve/correct-spelling.js';
import { scorePool, type PoolSentence } from '../../src/retrieve/score-pool.js';
import { rankerFeatures, rankerInput, rankScore } from '../../src/retrieve/rank-score.js';
import { pooledStance, wholeClaimReading } from '../../src/assess/stance-of.js';
import { pairVectorFeatureNames, stanceRow } from '../../src/assess/pair-vector-features.js';
import { detectModality } from '../../src/assess/detect-modality.js';
import type { LearnedModels } from '../../src/assess/learned-models.js';
import { TEACHES_ALL, type EvalSet, type LabelledClaim, type Teaches } from './eval-sets.js';

const STANCE_CLASSES = ['neutral', 'supports', 'refutes'];
/**
 * Negatives kept per claim for relevance: the whole pool (every sentence of the retrieved passages), because the
 * model must rank the whole pool; keeping only the top-ranked ones would teach it that BM25 does not matter.
 */
const NEGATIVES_PER_CLAIM = Infinity;
/** Non-evidence sentences kept per claim as "neutral" stance examples. */
const NEUTRAL_PER_CLAIM = 3;

export interface ClaimPool {
  claim: LabelledClaim;
  items: PoolSentence[];
  negated: boolean;
}

/** Every claim's scored pool; with `dense`, each sentence's features end with its encoder similarity. */
export async function pools(set: EvalSet, dense?: VectorScorer): Promise<ClaimPool[]> {
  const store = await loadEvalStore(set.corpus);
  const out: ClaimPool[] = [];
  for (const claim of set.claims) {
    // As a check reads it: typos read as the stored word one edit away.
    const analysed = (await correctSpelling(store, analyzeClaim(claim.claim))).claim;
    const { profile, items } = await scorePool(
      store,
      analysed,
      await retrievePassages(store, analysed, { asOf: '2100-01-01' }),
      dense,
    );
    out.push({
      claim,
      items: items.filter((item) => item.matchedTerms.length > 0),
      negated: profile.negated,
    });
  }
  await store.close();
  return out;
}

export function examples(claimPools: ClaimPool[]) {
  const relevance = { rows: [] as number[][], labels: [] as number[] };
  const stance = { rows: [] as number[][], labels: [] as number[] };
  for (const { claim, items } of claimPools) {
    const gold = new Set(claim.evidence);
    let negatives = 0;
    let neutral = 0;
    for (const item of items) {
      const isGold = gold.has(item.article.source);
      if (isGold || negatives < NEGATIVES_PER_CLAIM) {
        relevance.rows.push(item.features);
        relevance.labels.push(isGold ? 1 : 0);
        if (!isGold) negatives++;
      }
      // A sentence that only quotes the claim takes no side, whatever the claim's label.
      const label = item.restates ? undefined : claim.stance?.[item.article.source];
      if (label) {
        stance.rows.push(stanceRow(item));
        stance.labels.push(label === 'supports' ? 1 : label === 'refutes' ? 2 : 0);
      } else if (!isGold && !item.restates && neutral < NEUTRAL_PER_CLAIM) {
        stance.rows.push(stanceRow(item));
        stance.labels.push(0);
        neutral++;
      }
    }
  }
  return { relevance, stance };
}

/** The evidence cut-off maximises F-beta with this beta on the training pairs. */
export const RELEVANCE_BETA = 2;

/** Gold-vs-other pairs kept per claim for the ranker, so that every claim weighs about the same. */
const PAIRS_PER_CLAIM = 50;

/**
 * Ranking pairs: for each claim, (gold sentence − other sentence of its pool) features, spread
 * evenly over all such pairs; every other pair is flipped so that both classes are present.
 */
function rankingPairs(claimPools: ClaimPool[]) {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const { claim, items } of claimPools) {
    const gold = new Set(claim.evidence);
    const positives = items.filter((item) => gold.has(item.article.source));
    const negatives = items.filter((item) => !gold.has(item.article.source));
    const total = positives.length * negatives.length;
    const step = Math.max(1, total / PAIRS_PER_CLAIM);
    for (let at = 0; at < total; at += step) {
      const index = Math.floor(at);
      const positive = positives[Math.floor(index / negatives.length)]!;
      const negative = negatives[index % negatives.length]!;
      const [a, b] = [rankerInput(positive.features), rankerInput(negative.features)];
      const difference = a.map((value, feature) => value - b[feature]!);
      const flip = rows.length % 2 === 1;
      rows.push(flip ? difference.map((value) => -value) : difference);
      labels.push(flip ? 0 : 1);
    }
  }
  return { rows, labels };
}

function scored(items: PoolSentence[], models: Omit<LearnedModels, 'verdict'>): ScoredSentence[] {
  const { ranker, relevance } = models;
  return items
    .map((item) => {
      return {
        relevance: predictProba(relevance, item.features)[1]!,
        stance: pooledStance(models, item),
        coverage: item.coverage,
        modality: detectModality(item.sentence.text),
        restatesClaim: item.restates,
        wholeClaim: wholeClaimReading(item),
        score: rankScore({ ranker, relevance }, item.features),
      };
    })
    .sort((a, b) => b.score - a.score);
}

/** A labelled set's claim pools: what fitting reads (pools do not depend on the models). */
export interface PooledSet {
  name: string;
  pools: ClaimPool[];
  /** What the set's labels can teach (EvalSet.teaches); both by default. */
  teaches?: Teaches;
}

export interface FitReport {
  models: LearnedModels;
  /** The relevance cut with the best F2 on the training pairs, before the verdict-driven choice. */
  f2Cut: number;
  /** Mean training macro-F1 per evidence cut tried. */
  cuts: Array<{ cut: number; score: number }>;
  /** The confidence floor for "supported" as each weighing gives it (the models hold `floorBy`'s). */
  floors: Record<FloorWeighing, number>;
  counts: { rankerPairs: number; relevance: number; stance: number; verdict: number };
}

/** Which fitted models hold the signs of pair-features.ts (`npm run eval -- --signs …` measures each). */
export interface Signed {
  ranker: boolean;
  relevance: boolean;
  polarity: boolean;
}

/**
 * The shipped setting: no model holds the signs. Left out, none of the signed settings beat it on
 * every set, and the ranker's signs raised refuted → supported on FEVER-symmetric above 10%
 * (README, Quality: the ablation table).
 */
export const DEFAULT_SIGNED: Signed = { ranker: false, relevance: false, polarity: false };

/** How the stance models read a sentence (`npm run eval -- --stance sentence,gated` measures each). */
export interface StanceReading {
  /** Only what the sentence itself holds: no passage score, rank, headline or article coverage. */
  sentenceOnly: boolean;
  /** "Refutes" needs a contradiction signal; otherwise it is no side (stance-of.ts). */
  refutesNeedSignal: boolean;
  /** A sentence holding the whole claim with no contradiction signal is not against it (stance-of.ts). */
  wholeClaimSupports: boolean;
  /** The verdict model also reads whether a top sentence states the whole claim (verdict-features.ts). */
  wholeClaimVerdict?: boolean;
  /** "Contradicted" needs a cited sentence that opposes the claim (decide-verdict.ts). */
  contradictedNeedsOpposing?: boolean;
  /** "Contradicted" is not said when more cited sentences lean toward the claim than against it (decide-verdict.ts). */
  contradictedNotOutvoted?: boolean;
  /** The verdict model's L2 penalty, when not DEFAULT_FIT's (`--verdict-l2`: stronger for transfer). */
  verdictL2?: number;
  /** The verdict reads the five sentences holding most of the claim, not the five best ranked (`--verdict-order held`). */
  verdictOrder?: 'held';
}

export const DEFAULT_STANCE_READING: StanceReading = {
  sentenceOnly: false,
  refutesNeedSignal: false,
  wholeClaimSupports: false,
};

/**
 * Features that say which passage or article is about the claim, not what side one sentence takes:
 * inside one article about the story (the usual news pool) they are the same for every sentence.
 */
export const ARTICLE_LEVEL_FEATURES = new Set(['bm25', 'reciprocalRank', 'titleCoverage', 'articleCoverage']);

/** Fits a stance model on the columns `names` keeps of the full rows; it still takes the full row. */
function fitOnColumns(
  name: string,
  names: string[],
  keep: (feature: string) => boolean,
  rows: number[][],
  labels: number[],
  classes: string[],
  options: FitOptions,
): LinearModel {
  const columns = names.flatMap((feature, index) => (keep(feature) ? [index] : []));
  if (columns.length === names.length) return fitLogistic(name, names, rows, labels, classes, options);
  const model = fitLogistic(
    name,
    columns.map((index) => names[index]!),
    rows.map((row) => columns.map((index) => row[index]!)),
    labels,
    classes,
    options.signs ? { ...options, signs: columns.map((index) => options.signs![index]!) } : options,
  );
  return { ...model, columns, inputWidth: names.length };
}

/** What the sentence-level models are fitted with: the feature names and the settings measured. */
interface SentenceFitSettings {
  pairFeatureNames: string[];
  stanceFeatureNames: string[];
  stanceKeeps: (feature: string) => boolean;
  signed: Signed;
  reading: StanceReading;
}

/**
 * The sentence-level models (ranker, relevance with its F2 cut, stance, polarity) fitted on the
 * given pools, each set teaching what its labels can (EvalSet.teaches).
 */
function fitSentenceModels(train: PooledSet[], settings: SentenceFitSettings) {
  const { pairFeatureNames, stanceFeatureNames, stanceKeeps, signed, reading } = settings;
  // Each set teaches what its labels can (EvalSet.teaches): Emergent has no sentence-level gold,
  // the pair sets have no fact-check verdicts, and so on; their pools would mislabel the rest.
  const relevanceSets = train.filter((set) => (set.teaches ?? TEACHES_ALL).relevance);
  const stanceSets = train.filter((set) => (set.teaches ?? TEACHES_ALL).stance);
  const stanceBySet = stanceSets.map((set) => ({ name: set.name, ...examples(set.pools).stance }));
  const trainExamples = {
    relevance: examples(relevanceSets.flatMap((set) => set.pools)).relevance,
    stance: {
      rows: stanceBySet.flatMap((set) => set.rows),
      labels: stanceBySet.flatMap((set) => set.labels),
      groups: stanceBySet.flatMap((set) => set.rows.map(() => set.name)),
    },
  };
  const pairs = rankingPairs(relevanceSets.flatMap((set) => set.pools));
  const signs = (names: string[], on: boolean) =>
    on ? { ...DEFAULT_FIT, signs: relevanceSigns(names) } : DEFAULT_FIT;
  const rankerNames = rankerFeatures(pairFeatureNames);
  const ranker = fitLogistic(
    'ranker',
    rankerNames,
    pairs.rows,
    pairs.labels,
    ['lower', 'higher'],
    signs(rankerNames, signed.ranker),
  );
  const relevance = fitLogistic(
    'relevance',
    pairFeatureNames,
    trainExamples.relevance.rows,
    trainExamples.relevance.labels,
    ['other', 'evidence'],
    signs(pairFeatureNames, signed.relevance),
  );
  // F2: a report that leaves out a relevant sentence misleads more than one that quotes a borderline
  // sentence the reader can judge, so recall weighs more than precision in the evidence cut-off.
  const f2Cut = +bestFThreshold(
    relevance,
    trainExamples.relevance.rows,
    trainExamples.relevance.labels,
    RELEVANCE_BETA,
  ).toPrecision(4);
  relevance.threshold = f2Cut;
  // Every set, and each class within it, weighs the same: the pair sets hold far more rows than
  // the fact-checking sets, and would otherwise set what "no side" looks like for all of them.
  const stance = fitOnColumns(
    'stance',
    stanceFeatureNames,
    stanceKeeps,
    trainExamples.stance.rows,
    trainExamples.stance.labels,
    STANCE_CLASSES,
    {
      ...DEFAULT_FIT,
      balanced: false,
      rowWeights: cellWeights(trainExamples.stance.groups, trainExamples.stance.labels),
    },
  );
  // Polarity: every training set, and within it each side, weighs the same (the sets' sentences are
  // written very differently, and one set's many "refutes" would otherwise set the balance for all).
  const sidedBySet = stanceBySet.map((set) => ({ name: set.name, ...sided(set) }));
  const polarityLabels = sidedBySet.flatMap((set) => set.labels);
  const polarity = fitOnColumns(
    'polarity',
    stanceFeatureNames,
    stanceKeeps,
    sidedBySet.flatMap((set) => set.rows),
    polarityLabels,
    ['supports', 'refutes'],
    {
      ...DEFAULT_FIT,
      balanced: false,
      rowWeights: cellWeights(
        sidedBySet.flatMap((set) => set.rows.map(() => set.name)),
        polarityLabels,
      ),
      ...(signed.polarity ? { signs: polaritySigns(stanceFeatureNames) } : {}),
    },
  );
  if (reading.refutesNeedSignal) stance.refutesNeedSignal = true;
  if (reading.wholeClaimSupports) stance.wholeClaimSupports = true;
  return {
    models: { ranker, relevance, stance, polarity },
    f2Cut,
    counts: {
      rankerPairs: pairs.rows.length,
      relevance: trainExamples.relevance.rows.length,
      stance: trainExamples.stance.rows.length,
    },
  };
}

/**
 * How the verdict model's training rows are read:
 * - `in-sample`: by the sentence models fitted on every training set, its own included — which
 *   read their own training sets better than any claim a check meets, so that the verdict model
 *   learns to trust their readings more than they deserve;
 * - `cross-fitted`: each training set's claims by sentence models fitted on the other datasets'
 *   training sets only (stacking on out-of-fold readings), as a check reads a kind of claim it was
 *   never fitted on. The models shipped are fitted on every set either way.
 */
export type VerdictRows = 'in-sample' | 'cross-fitted';

export const DEFAULT_VERDICT_ROWS: VerdictRows = 'in-sample';

/** The dataset a set belongs to: its name before the parenthesis (both FEVER-symmetric worlds are one). */
export const datasetOf = (set: { name: string }) => set.name.replace(/\s*\(.*$/, '');

/** Fits every learned part on the given training pools; `log` hears about each choice made. */
export function fitModels(
  train: PooledSet[],
  log: (line: string) => void = () => {},
  /** The pools were scored with a sentence encoder (their features end with `denseSimilarity`). */
  dense = false,
  /** Largest share of any training set's refuted claims a definite "supported" may take (1: no floor). */
  maxRefutedSupported = MAX_REFUTED_SUPPORTED,
  /** Which models are fitted holding the signs of pair-features.ts (relevance; contradiction for polarity). */
  signed: Signed = DEFAULT_SIGNED,
  /** What the stance models read (sentence-level features only; refutes needing a signal). */
  reading: StanceReading = DEFAULT_STANCE_READING,
  /** Where the confidence floor for "supported" is weighed (FloorWeighing). */
  floorBy: FloorWeighing = DEFAULT_FLOOR_WEIGHING,
  /** How the verdict model's training rows are read (VerdictRows). */
  verdictRows: VerdictRows = DEFAULT_VERDICT_ROWS,
): FitReport {
  const pairFeatureNames: string[] = [...(dense ? DENSE_PAIR_FEATURES : PAIR_FEATURES)];
  const settings: SentenceFitSettings = {
    pairFeatureNames,
    // With an encoder's vectors on every pooled sentence, the stance models also read the pair vectors.
    stanceFeatureNames: [...pairFeatureNames, ...pairVectorFeatureNames(pairVectorDimensions(train))],
    stanceKeeps: (feature: string) => !reading.sentenceOnly || !ARTICLE_LEVEL_FEATURES.has(feature),
    signed,
    reading,
  };
  const sentenceFit = fitSentenceModels(train, settings);
  const { ranker, relevance, stance, polarity } = sentenceFit.models;
  const f2Cut = sentenceFit.f2Cut;
  const verdictSets = train.filter((set) => (set.teaches ?? TEACHES_ALL).verdict);
  // Cross-fitted rows: a set's claims read by sentence models fitted without its dataset. A set
  // that taught the sentence models nothing (Emergent) is read by the models fitted on all.
  const readerFor = new Map<string, Omit<LearnedModels, 'verdict'>>();
  const readerOf = (set: PooledSet): Omit<LearnedModels, 'verdict'> => {
    const teaches = set.teaches ?? TEACHES_ALL;
    if (verdictRows === 'in-sample' || (!teaches.relevance && !teaches.stance)) return sentenceFit.models;
    const dataset = datasetOf(set);
    let reader = readerFor.get(dataset);
    if (!reader) {
      reader = fitSentenceModels(
        train.filter((other) => datasetOf(other) !== dataset),
        settings,
      ).models;
      readerFor.set(dataset, reader);
      log(`verdict rows of ${dataset}: read by sentence models fitted without it`);
    }
    return reader;
  };
  const trainScored = verdictSets.map((set) => {
    const reader = readerOf(set);
    return set.pools.map((pool) => scored(pool.items, reader));
  });
  const verdictLabels = verdictSets.flatMap((set) =>
    set.pools.map((pool) => EVAL_LABELS.indexOf(pool.claim.label)),
  );
  const verdictGroups = verdictSets.flatMap((set) => set.pools.map(() => set.name));
  const verdictNames = verdictFeatureNames(reading.wholeClaimVerdict ?? false);

  /** The verdict model for a given evidence cut (its "relevant sentences" count depends on the cut). */
  const fitVerdict = (cut: number) => {
    const rows = verdictSets.flatMap((set, index) =>
      set.pools.map((pool, claim) =>
        verdictFeatures(
          trainScored[index]![claim]!,
          pool.negated,
          cut,
          reading.wholeClaimVerdict ?? false,
          reading.verdictOrder,
        ),
      ),
    );
    // Each set, and each label within it, weighs the same: macro-F1 is judged per set.
    const model = fitLogistic('verdict', verdictNames, rows, verdictLabels, [...EVAL_LABELS], {
      ...DEFAULT_FIT,
      ...(reading.verdictL2 !== undefined ? { l2: reading.verdictL2 } : {}),
      balanced: false,
      rowWeights: cellWeights(verdictGroups, verdictLabels),
    });
    return { model, rows };
  };

  /**
   * Mean over the training sets of verdict macro-F1 when a claim with no sentence at or above the
   * cut (and holding 30% of the claim's weight) gets "not enough info", as in a check.
   */
  const trainingMacroF1 = (model: LinearModel, rows: number[][], cut: number): number => {
    let at = 0;
    const scores = verdictSets.map((set, index) => {
      const gold: EvalLabel[] = [];
      const predicted: EvalLabel[] = [];
      set.pools.forEach((pool, claim) => {
        const found = trainScored[index]![claim]!.some(
          (item) => item.relevance >= cut && item.coverage >= DEFAULT_EVIDENCE_OPTIONS.minCoverage,
        );
        const probabilities = predictProba(model, rows[at++]!);
        gold.push(pool.claim.label);
        predicted.push(
          found ? EVAL_LABELS[probabilities.indexOf(Math.max(...probabilities))]! : 'not enough info',
        );
      });
      return macroF1(gold, predicted);
    });
    return scores.reduce((sum, value) => sum + value, 0) / scores.length;
  };

  // The evidence cut: the F2 cut, or a lower one where that gives better verdicts on the training
  // claims (a claim whose best sentences fall under the cut is "not found", which is wrong whenever
  // the corpus does hold its story). Ties keep the higher cut.
  let chosen = { cut: f2Cut, score: -1, ...fitVerdict(f2Cut) };
  const cuts: FitReport['cuts'] = [];
  for (const cut of [f2Cut, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6].filter((value) => value <= f2Cut)) {
    const candidate = cut === f2Cut ? chosen : { cut, score: -1, ...fitVerdict(cut) };
    const score = trainingMacroF1(candidate.model, candidate.rows, cut);
    cuts.push({ cut, score });
    log(`evidence cut ${cut.toFixed(3)}: mean training macro-F1 ${score.toFixed(4)}`);
    if (score > chosen.score + 1e-3) chosen = { ...candidate, cut, score };
  }
  relevance.threshold = +chosen.cut.toPrecision(4);
  const verdict = chosen.model;
  verdict.temperature = fitTemperature(verdict, chosen.rows, verdictLabels);
  log(`verdict temperature (calibrated on the training claims): ${verdict.temperature}`);
  // The floor is read from what the verdict model says of each training claim: as fitted on it
  // (`training`), or fitted without that claim's set (`cross-dataset`, as a check meets claims of a
  // kind it was not fitted on). Both are weighed, so that one run can score either.
  const gold = verdictSets.flatMap((set) => set.pools.map((pool) => pool.claim.label));
  const floorFrom = (readings: number[][]) =>
    supportedFloor(readings, verdict.classes.indexOf('supported'), verdictGroups, gold, maxRefutedSupported);
  const training = floorFrom(chosen.rows.map((row) => predictProba(verdict, row)));
  // By dataset: the two worlds of FEVER-symmetric share their evidence and leave together.
  const crossDataset = floorFrom(
    outOfSetReadings(
      verdictNames,
      chosen.rows,
      verdictLabels,
      verdictGroups.map((name) => datasetOf({ name })),
    ),
  );
  const floors: Record<FloorWeighing, number> = {
    training,
    'cross-dataset': crossDataset,
    both: Math.max(training, crossDataset),
  };
  verdict.floors = { supported: floors[floorBy] };
  if (reading.contradictedNeedsOpposing) verdict.contradictedNeedsOpposing = true;
  if (reading.contradictedNotOutvoted) verdict.contradictedNotOutvoted = true;
  if (reading.verdictOrder) verdict.verdictOrder = reading.verdictOrder;
  log(
    `least confidence for "supported" (at most ${maxRefutedSupported * 100}% of any set's refuted claims): ${floors.training} weighed on the training claims, ${floors['cross-dataset']} on each set as read by a model fitted without it; ${floorBy} used`,
  );
  const models = { ranker, relevance, stance, polarity, verdict };
  for (const model of Object.values(models)) model.trainedOn = train.map((set) => set.name);
  return {
    models,
    f2Cut,
    cuts,
    floors,
    counts: { ...sentenceFit.counts, verdict: chosen.rows.length },
  };
}

/**
 * The length of the encoder vectors every pooled sentence carries (0 when none do). Some carrying
 * them and others not is an error: the stance rows would differ in length.
 */
function pairVectorDimensions(train: PooledSet[]): number {
  const lengths = new Set(
    train.flatMap((set) =>
      set.pools.flatMap((pool) => pool.items.map((item) => item.vectors?.claim.length ?? 0)),
    ),
  );
  if (lengths.size > 1)
    throw new Error(
      `Pooled sentences carry encoder vectors of lengths ${[...lengths].join(', ')}; encode every text of every set ahead (npm run encode), or none.`,
    );
  return [...lengths][0] ?? 0;
}

/** The largest share of any training set's refuted claims that may be called supported. */
export const MAX_REFUTED_SUPPORTED = 0.1;

/**
 * Where the confidence floor for "supported" is weighed:
 * - `training`: on the training claims as the verdict model fitted on them reads them (in sample);
 * - `cross-dataset`: on each training set's claims as read by a verdict model fitted on the other
 *   training sets only, the way a check meets claims of a kind it was never fitted on;
 * - `both`: the higher of the two, so that the floor holds in sample and across datasets (a model
 *   fitted without a set may seldom call anything supported, which alone would give a floor of 0).
 */
export type FloorWeighing = 'training' | 'cross-dataset' | 'both';

export const DEFAULT_FLOOR_WEIGHING: FloorWeighing = 'training';

/**
 * Each row's class probabilities from a verdict model fitted (with its temperature) on the rows of
 * the other groups only; a group with no other group beside it is read by a model fitted on itself.
 */
export function outOfSetReadings(
  names: string[],
  rows: number[][],
  labels: number[],
  groups: string[],
): number[][] {
  const readings: number[][] = new Array(rows.length);
  for (const group of new Set(groups)) {
    const inside = groups.flatMap((name, index) => (name === group ? [index] : []));
    let outside = groups.flatMap((name, index) => (name === group ? [] : [index]));
    if (outside.length === 0) outside = inside;
    const model = fitLogistic(
      'verdict',
      names,
      outside.map((index) => rows[index]!),
      outside.map((index) => labels[index]!),
      [...EVAL_LABELS],
      {
        ...DEFAULT_FIT,
        balanced: false,
        rowWeights: cellWeights(
          outside.map((index) => groups[index]!),
          outside.map((index) => labels[index]!),
        ),
      },
    );
    model.temperature = fitTemperature(
      model,
      outside.map((index) => rows[index]!),
      outside.map((index) => labels[index]!),
    );
    for (const index of inside) readings[index] = predictProba(model, rows[index]!);
  }
  return readings;
}

/**
 * The least confidence at which the verdict model's "supported" stands as a definite verdict: the
 * lowest floor (in steps of 0.05) at which, on every training set, at most `most` of the refuted
 * claims get it, read from `readings` (each claim's class probabilities). Calling a false claim
 * supported misleads more than any other error.
 */
export function supportedFloor(
  readings: number[][],
  supported: number,
  groups: string[],
  gold: EvalLabel[],
  most: number,
): number {
  const read = readings.map((probabilities) => {
    const best = probabilities.indexOf(Math.max(...probabilities));
    return best === supported ? probabilities[supported]! : 0;
  });
  for (let floor = 0; floor <= 1; floor = +(floor + 0.05).toFixed(2)) {
    const worst = Math.max(
      0,
      ...[...new Set(groups)].map((group) => {
        const refuted = gold.flatMap((label, index) =>
          groups[index] === group && label === 'refuted' ? [index] : [],
        );
        return refuted.length
          ? refuted.filter((index) => read[index]! > 0 && read[index]! >= floor).length / refuted.length
          : 0;
      }),
    );
    if (worst <= most) return floor;
  }
  return 1;
}

/** Stance examples that take a side, relabelled supports 0 / refutes 1 (for the polarity model). */
export function sided(set: { rows: number[][]; labels: number[] }) {
  return {
    rows: set.rows.filter((_, index) => set.labels[index] !== 0),
    labels: set.labels.filter((label) => label !== 0).map((label) => label - 1),
  };
}
