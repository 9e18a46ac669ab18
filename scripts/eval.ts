/**
 * `npm run eval`: converts the labelled sets in ../shared to the generic format and evaluates each.
 *
 * - `--protocol in-domain` (default): the shipped models (fitted by `npm run train` on every set's
 *   training split) on each set's held-out split;
 * - `--protocol lodo` (leave one dataset out): for each dataset, every learned part is fitted
 *   afresh on the OTHER datasets' training splits and scored on the held-out split of the one left
 *   out, which it has never seen in any form: how Verity does on claims of a kind it was not
 *   fitted on. Both worlds of FEVER-symmetric are one dataset and leave together.
 * - `--split train`: the table on the training splits (for weighing a change there first); with
 *   `--protocol lodo`, each dataset's training split is scored by models fitted on the other
 *   datasets' training splits: cross-validation by dataset that never reads a held-out split.
 * - `--only NAME`: only the sets whose name starts with NAME (case-insensitive).
 * - `--without NAME,NAME`: leave the sets whose names start so out of fitting and scoring (ablations).
 * - `--max-refuted-supported 1`: fit no confidence floor for "supported" (an ablation).
 * - `--signs ranker,relevance,polarity` or `--signs none`: which models are fitted holding the signs
 *   of pair-features.ts (default: the shipped setting, DEFAULT_SIGNED in scripts/lib/fit-models.ts).
 * - `--stance sentence,gated,whole` (or `none`): the stance models read only sentence-level features
 *   (`sentence`) / read "refutes" only where a contradiction signal shows (`gated`) / read a
 *   sentence holding the whole claim with no contradiction signal as not against it (`whole`);
 *   default: the shipped setting, DEFAULT_STANCE_READING.
 * - `--verdict-features whole`: the verdict model also reads the relevance of the best top-five
 *   sentence that states the whole claim (src/assess/states-whole-claim.ts) with no contradiction
 *   signal, and of the best that states it with one (an ablation, off by default).
 * - `--contradicted-needs-opposing`: a "refuted" reading of the verdict model stands as
 *   "contradicted" only when some cited sentence opposes the claim (a clear lean against it and a
 *   contradiction signal), not on the balance of "refutes" readings alone (an ablation, off by default).
 * - `--verdict-l2 0.1`: fit the verdict model with that L2 penalty (default 0.001): fewer, smaller
 *   weights may carry better to claims of a kind it was not fitted on (an ablation).
 * - `--with-inference`: also report SICK and RTE (fitted on, not claim verification);
 *   `--without-inference`: fit without them, to measure what they add.
 * - `--dense`: with the Universal Sentence Encoder: each sentence's similarity to the claim joins
 *   the features, and the models are fitted here (on every training split in-domain, without the
 *   left-out dataset under lodo). Vectors are cached in .verity/embeddings (`npm run encode` fills it).
 * - `--pair-vectors`: as `--dense`, and the stance models also read the pair's vectors (u∘v, |u−v|;
 *   src/assess/pair-vector-features.ts).
 * - `--floor cross-dataset`: weigh the confidence floor for "supported" on each training set as read
 *   by a verdict model fitted without it (default `training`: as read by the model fitted on it;
 *   `both`: the higher of the two); `--floor training,cross-dataset,both` scores each in one run.
 * - `--verdict-rows cross-fitted`: the verdict model (and its evidence cut and floor) is fitted on
 *   each training set's claims as read by sentence models fitted without that set's dataset
 *   (default `in-sample`: read by the sentence models fitted on every training set).
 * - After the verdict tables, sentence-level stance on every set that has stance gold, the pair
 *   sets (FNC-1, SICK, RTE) included, by the same models (each left out under lodo: the pair sets
 *   get folds of their own); `--skip-stance` leaves that out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, packageRoot, sharedDir } from '../src/config.js';
import { configuredVectors } from '../src/retrieve/word-vectors.js';
import { formatEvalTable } from '../src/cli/eval-command.js';
import { runEval, type EvalResult } from '../src/eval/run-eval.js';
import type { LearnedModels } from '../src/assess/learned-models.js';
import { INFERENCE_SETS, SHARED_SETS, STANCE_SETS, type EvalSet, type Split } from './lib/eval-sets.js';
import {
  DEFAULT_SIGNED,
  DEFAULT_FLOOR_WEIGHING,
  DEFAULT_VERDICT_ROWS,
  datasetOf,
  DEFAULT_STANCE_READING,
  fitModels,
  type FloorWeighing,
  MAX_REFUTED_SUPPORTED,
  pools,
  type PooledSet,
  type Signed,
  type StanceReading,
  type VerdictRows,
} from './lib/fit-models.js';
import { table } from './lib/stats.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import type { VectorScorer } from '../src/retrieve/vector-score.js';
import { cachedEvalEncoder, evalDenseScorer } from './lib/embedding-file-cache.js';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { STANCE_LABELS, stanceScores, type StanceScores } from './lib/stance-scores.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? '') : fallback;
}

const split = option('--split', 'test');
const protocol = option('--protocol', 'in-domain');
const only = option('--only', '').toLowerCase();
const withPairVectors = process.argv.includes('--pair-vectors');
const withDense = withPairVectors || process.argv.includes('--dense');
const withInference = process.argv.includes('--with-inference');
const withoutInference = process.argv.includes('--without-inference');
/** `--without fnc,emergent`: leave these sets (by name prefix) out of fitting and scoring alike. */
const without = option('--without', '').toLowerCase().split(',').filter(Boolean);
/** `--max-refuted-supported 1` fits no confidence floor for "supported" (an ablation). */
const maxRefutedSupported = Number(option('--max-refuted-supported', String(MAX_REFUTED_SUPPORTED)));
/** `--signs ranker,relevance,polarity` (or `none`): which models hold the signs of pair-features.ts. */
const signsOption = option('--signs', '');
const signed: Signed = signsOption
  ? {
      ranker: signsOption.split(',').includes('ranker'),
      relevance: signsOption.split(',').includes('relevance'),
      polarity: signsOption.split(',').includes('polarity'),
    }
  : DEFAULT_SIGNED;
/** `--stance sentence,gated`: the stance models read sentence-level features only / "refutes" needs a signal. */
const stanceOption = option('--stance', '');
const reading: StanceReading = stanceOption
  ? {
      sentenceOnly: stanceOption.split(',').includes('sentence'),
      refutesNeedSignal: stanceOption.split(',').includes('gated'),
      wholeClaimSupports: stanceOption.split(',').includes('whole'),
    }
  : { ...DEFAULT_STANCE_READING };
/** `--verdict-features whole`: the verdict model also reads whether a top sentence states the whole claim. */
const verdictFeaturesOption = option('--verdict-features', '');
if (verdictFeaturesOption && verdictFeaturesOption !== 'whole') {
  console.error(`--verdict-features takes "whole", not "${verdictFeaturesOption}".`);
  process.exit(2);
}
if (verdictFeaturesOption === 'whole') reading.wholeClaimVerdict = true;
/** `--contradicted-needs-opposing`: "contradicted" needs a cited sentence that opposes the claim. */
const contradictedNeedsOpposing = process.argv.includes('--contradicted-needs-opposing');
if (contradictedNeedsOpposing) reading.contradictedNeedsOpposing = true;
/** `--contradicted-not-outvoted`: "contradicted" is not said when more cited sentences lean toward the claim than against it. */
const contradictedNotOutvoted = process.argv.includes('--contradicted-not-outvoted');
if (contradictedNotOutvoted) reading.contradictedNotOutvoted = true;
/** `--verdict-order held`: the verdict reads the five sentences holding most of the claim. */
const verdictOrderOption = option('--verdict-order', '');
if (verdictOrderOption && verdictOrderOption !== 'held') {
  console.error(`--verdict-order takes "held", not "${verdictOrderOption}".`);
  process.exit(2);
}
if (verdictOrderOption === 'held') reading.verdictOrder = 'held';
/** `--verdict-l2 0.1`: the verdict model's L2 penalty (default DEFAULT_FIT's, 0.001). */
const verdictL2Option = option('--verdict-l2', '');
if (verdictL2Option) {
  const value = Number(verdictL2Option);
  if (!(value >= 0)) {
    console.error(`--verdict-l2 takes a penalty of 0 or more, like 0.1, not "${verdictL2Option}".`);
    process.exit(2);
  }
  reading.verdictL2 = value;
}
const skipStance = process.argv.includes('--skip-stance');
/** `--verdict-rows cross-fitted`: the verdict model learns from readings by sentence models fitted without each set. */
const verdictRowsList = option('--verdict-rows', DEFAULT_VERDICT_ROWS).split(',') as VerdictRows[];
for (const rows of verdictRowsList)
  if (rows !== 'in-sample' && rows !== 'cross-fitted') {
    console.error(
      `--verdict-rows takes "in-sample" or "cross-fitted" (comma-separated to score both), not "${String(rows)}".`,
    );
    process.exit(2);
  }
/** `--floor training,cross-dataset`: each weighing of the floor is scored in the same run. */
const floorWeighings = option('--floor', DEFAULT_FLOOR_WEIGHING).split(',') as FloorWeighing[];
for (const weighing of floorWeighings)
  if (weighing !== 'training' && weighing !== 'cross-dataset' && weighing !== 'both') {
    console.error(
      `--floor takes "training", "cross-dataset" or "both" (the higher), comma-separated, not "${String(weighing)}".`,
    );
    process.exit(2);
  }
const kept = (set: { name: string }) => !without.some((prefix) => set.name.toLowerCase().startsWith(prefix));
if (split !== 'test' && split !== 'train') {
  console.error(`--split must be "test" (the held-out splits, the default) or "train", not "${split}".`);
  process.exit(2);
}
if (protocol !== 'in-domain' && protocol !== 'lodo') {
  console.error(
    `--protocol must be "in-domain" (the default) or "lodo" (leave one dataset out), not "${protocol}".`,
  );
  process.exit(2);
}

const shared = sharedDir();
const outDir = path.join(packageRoot(), '.verity', 'eval');
fs.mkdirSync(outDir, { recursive: true });
// With VERITY_WORD_VECTORS set, the ranking's vector slot is used (none by default).
const vectors = configuredVectors(loadConfig());
const sets: EvalSet[] = [...SHARED_SETS, ...(withInference ? INFERENCE_SETS : [])]
  .map((build) => build(shared, split))
  .filter((set) => (!only || set.name.toLowerCase().startsWith(only)) && kept(set));
console.log(
  `# Verity eval — ${new Date().toISOString().slice(0, 10)} — ${protocol === 'lodo' ? 'leave one dataset out' : 'in-domain'}${split === 'train' ? ' — TRAINING splits' : ''}${vectors ? ` — with ${vectors.scorer.name}` : ''}${withDense ? ' — with the Universal Sentence Encoder' : ''}\n`,
);

/** Writes the converted files so that `verity eval --corpus --claims` can be run on them too. */
function writeConverted(set: EvalSet, part: Split) {
  const slug = `${part === 'train' ? 'train-' : ''}${set.name}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  fs.writeFileSync(
    path.join(outDir, `${slug}.corpus.jsonl`),
    set.corpus.map((line) => JSON.stringify(line)).join('\n') + '\n',
  );
  fs.writeFileSync(
    path.join(outDir, `${slug}.claims.jsonl`),
    set.claims.map((line) => JSON.stringify(line)).join('\n') + '\n',
  );
}

const encoder = withDense ? cachedEvalEncoder() : null;

/** What a check of this set asks the encoder for: every corpus line, every claim and claim part. */
async function denseScorerFor(set: EvalSet): Promise<VectorScorer | undefined> {
  if (!encoder) return undefined;
  const texts = new Set(set.corpus.map((line) => line.text));
  for (const claim of set.claims) {
    const analysed = analyzeClaim(claim.claim);
    texts.add(analysed.text);
    for (const part of analysed.subClaims) texts.add(analyzeClaim(part).text);
  }
  console.log(`  ${set.name}: ${texts.size} texts for the encoder`);
  return evalDenseScorer(encoder, texts, withPairVectors);
}

interface FoldModels {
  models: LearnedModels;
  floors: Record<FloorWeighing, number>;
}
/** A fold's key: the dataset left out (or none, in-domain) and how its verdict rows were read. */
const foldKey = (dataset: string | null, rows: VerdictRows) => `${dataset ?? ''}|${rows}`;

/**
 * Models for each left-out dataset, fitted on the training splits of all the others (or of all,
 * `null`), with the floor for "supported" of each weighing.
 */
async function foldModelsFor(datasets: Array<string | null>): Promise<Map<string, FoldModels>> {
  console.log('Scoring the training splits of every set (pools do not depend on the models)…');
  const trainPools: PooledSet[] = [];
  for (const build of [...SHARED_SETS, ...STANCE_SETS, ...(withoutInference ? [] : INFERENCE_SETS)]) {
    const set = build(shared, 'train');
    if (!kept(set)) continue;
    const dense = await denseScorerFor(set);
    const started = performance.now();
    const pooled = { name: set.name, pools: await pools(set, dense), teaches: set.teaches };
    console.log(
      `  ${set.name}: ${set.claims.length} claims, ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    trainPools.push(pooled);
  }
  const out = new Map<string, FoldModels>();
  for (const dataset of datasets) {
    const others = trainPools.filter((set) => datasetOf(set) !== dataset);
    for (const verdictRows of verdictRowsList) {
      const started = performance.now();
      const { models, floors } = fitModels(
        others,
        () => {},
        withDense,
        maxRefutedSupported,
        signed,
        reading,
        DEFAULT_FLOOR_WEIGHING,
        verdictRows,
      );
      console.log(
        `  ${dataset ? `without ${dataset}` : 'in-domain'}, verdict rows ${verdictRows}: fitted on ${others.map((set) => set.name).join(', ')}; evidence cut ${models.relevance.threshold}, floor for supported ${floors.training} (weighed on the training claims) / ${floors['cross-dataset']} (cross-dataset) / ${floors.both} (both) (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
      out.set(foldKey(dataset, verdictRows), { models, floors });
    }
  }
  console.log('');
  return out;
}

/** The sets whose sentence-level stance is scored: those scored here with stance gold, and the pair sets. */
const stanceSets: EvalSet[] = skipStance
  ? []
  : [
      ...sets.filter((set) => (set.teaches ?? { stance: true }).stance),
      ...[...STANCE_SETS, ...(withoutInference ? [] : INFERENCE_SETS)]
        .map((build) => build(shared, split as Split))
        .filter((set) => (!only || set.name.toLowerCase().startsWith(only)) && kept(set)),
    ];
const foldModels =
  protocol === 'lodo'
    ? await foldModelsFor([...new Set([...sets, ...stanceSets].map(datasetOf))])
    : withDense
      ? await foldModelsFor([null])
      : null;
/** The fold's models with the floor of one weighing (or the shipped models, `undefined`). */
function modelsFor(set: EvalSet, weighing: FloorWeighing, rows: VerdictRows): LearnedModels | undefined {
  const fold = foldModels?.get(foldKey(protocol === 'lodo' ? datasetOf(set) : null, rows));
  if (!fold) return undefined;
  const floors = { ...fold.models.verdict.floors, supported: fold.floors[weighing] };
  return { ...fold.models, verdict: { ...fold.models.verdict, floors } };
}

const cell = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(3));
// The shipped models carry one floor: other weighings need models fitted in the run.
const weighings = foldModels ? floorWeighings : [DEFAULT_FLOOR_WEIGHING];
// Likewise each reading of the verdict rows.
const rowsVariants = foldModels ? verdictRowsList : [DEFAULT_VERDICT_ROWS];
const results: Array<{ name: string; floor: FloorWeighing; verdictRows: VerdictRows; result: EvalResult }> =
  [];
for (const verdictRows of rowsVariants)
  for (const weighing of weighings) {
    const scored: typeof results = [];
    const variant = [
      weighings.length > 1 ? `floor weighed: ${weighing}` : '',
      rowsVariants.length > 1 ? `verdict rows: ${verdictRows}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    for (const set of sets) {
      writeConverted(set, split as Split);
      const dense = await denseScorerFor(set);
      const result = await runEval(set.corpus, set.claims, {
        vectors,
        models: modelsFor(set, weighing, verdictRows),
        dense,
      });
      scored.push({ name: set.name, floor: weighing, verdictRows, result });
      const title = `${set.name}${protocol === 'lodo' ? ', left out' : ''}${variant ? ` (${variant})` : ''}`;
      console.log(formatEvalTable(title, result) + '\n');
    }
    results.push(...scored);
    console.log(
      `## Summary (${protocol === 'lodo' ? 'each set scored by models fitted without its dataset' : 'in-domain'}${foldModels ? `; floor for "supported" weighed: ${weighing}` : ''}${rowsVariants.length > 1 ? `; verdict rows: ${verdictRows}` : ''})\n`,
    );
    console.log(
      table(
        [
          'set',
          'claims',
          'recall@10 Verity',
          'recall@10 BM25',
          'macro-F1 Verity',
          'macro-F1 majority',
          'lead (95% interval)',
          'precision supported',
          'precision contradicted',
          'refuted → supported',
          'refuted → supported or reported',
        ],
        scored.map(({ name, result }) => {
          const lead = result.difference.macroF1;
          return [
            name,
            result.claims,
            cell(result['recall@10']),
            cell(result.baseline['recall@10']),
            cell(result.macroF1),
            cell(result.baseline.macroF1),
            `${cell(lead.value)} (${cell(lead.low)}…${cell(lead.high)})`,
            cell(result.verdicts.supportedPrecision),
            cell(result.verdicts.contradictedPrecision),
            cell(result.verdicts.refutedCalledSupported),
            cell(result.verdicts.refutedCalledSupportedOrReported),
          ];
        }),
      ),
    );
    console.log('');
  }
const file = path.join(
  outDir,
  `results-${protocol}${split === 'train' ? '-train' : ''}${withPairVectors ? '-pair-vectors' : withDense ? '-dense' : ''}${maxRefutedSupported !== MAX_REFUTED_SUPPORTED ? `-max-refuted-supported-${maxRefutedSupported}` : ''}${without.length ? `-without-${without.join('-')}` : ''}${stanceOption ? `-stance-${stanceOption.replace(/,/g, '-')}` : ''}${weighings.join(',') !== DEFAULT_FLOOR_WEIGHING ? `-floor-${weighings.join('-')}` : ''}${rowsVariants.join(',') !== DEFAULT_VERDICT_ROWS ? `-verdict-rows-${rowsVariants.join('-')}` : ''}${verdictFeaturesOption ? `-verdict-features-${verdictFeaturesOption}` : ''}${contradictedNeedsOpposing ? '-contradicted-needs-opposing' : ''}${contradictedNotOutvoted ? '-contradicted-not-outvoted' : ''}${verdictL2Option ? `-verdict-l2-${verdictL2Option}` : ''}${verdictOrderOption ? `-verdict-order-${verdictOrderOption}` : ''}.json`,
);
const stance: Array<{ name: string; scores: StanceScores }> = [];
for (const set of stanceSets) {
  const models =
    foldModels?.get(foldKey(protocol === 'lodo' ? datasetOf(set) : null, rowsVariants[0]!))?.models ??
    getLearnedModels();
  stance.push({ name: set.name, scores: stanceScores(await pools(set, await denseScorerFor(set)), models) });
}
if (stance.length) {
  console.log(
    `\n## Sentence stance (${protocol === 'lodo' ? 'each set read by models fitted without its dataset' : 'in-domain'})\n`,
  );
  console.log(
    'Gold evidence sentences with their stance, and up to three retrieved non-evidence sentences per claim as no side (as fitting labels them). Sided: gold sentences that take a side, supports against refutes.\n',
  );
  console.log(
    table(
      [
        'set',
        'sentences',
        'macro-F1 (no side / supports / refutes)',
        'majority',
        'sided sentences',
        'sided macro-F1',
        'sided majority',
        'supports read as refutes',
      ],
      stance.map(({ name, scores }) => [
        name,
        scores.sentences,
        cell(scores.macroF1),
        cell(scores.majorityMacroF1),
        scores.sided,
        cell(scores.sidedMacroF1),
        cell(scores.sidedMajorityMacroF1),
        cell(scores.supportsReadAsRefutes),
      ]),
    ),
  );
  for (const { name, scores } of stance) {
    console.log(`\n**${name}** (rows: gold; columns: the stance reader's most likely)\n`);
    console.log(
      table(
        ['gold \\ read', ...STANCE_LABELS],
        STANCE_LABELS.map((label, index) => [label, ...scores.confusion[index]!]),
      ),
    );
  }
}
fs.writeFileSync(file, JSON.stringify({ verdicts: results, stance }, null, 1) + '\n');
console.log(`\nFull results: ${path.relative(process.cwd(), file)}`);
