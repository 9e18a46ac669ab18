/**
 * `npm run train`: fits Verity's learned parts (scripts/lib/fit-models.ts) on the TRAINING splits
 * of the shared labelled sets and writes them to models/*.json (committed, so checks need no
 * training). Held-out figures (the test splits `npm run eval` reports on) are printed and stored
 * in the models. The article-stance reader is fitted on FNC-1's training stances (`--only
 * article-stance` refits it alone, on the shipped ranker and relevance models).
 */
import fs from 'node:fs';
import path from 'node:path';
import { predictProba, type LinearModel } from '../src/assess/logistic-regression.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { stanceOf } from '../src/assess/stance-of.js';
import { INFERENCE_SETS, SHARED_SETS, STANCE_SETS, type Split } from './lib/eval-sets.js';
import { examples, fitModels, pools, RELEVANCE_BETA, sided } from './lib/fit-models.js';
import { table } from './lib/stats.js';
import { articlePairs } from './lib/news-stance.js';
import {
  AS_ARTICLE_STANCE,
  fitShownArticleStance,
  predictArticleStances,
  STANCE_AS_EVAL_LABEL,
} from './lib/fit-article-stance.js';
import { loadModel, type LearnedModels } from '../src/assess/learned-models.js';
import { macroF1 } from '../src/eval/metrics.js';

function accuracyOf(model: LinearModel, rows: number[][], labels: number[]): number {
  const right = rows.filter((row, index) => {
    const probabilities = predictProba(model, row);
    return probabilities.indexOf(Math.max(...probabilities)) === labels[index];
  }).length;
  return rows.length ? right / rows.length : Number.NaN;
}

const shared = sharedDir();
const dir = path.join(packageRoot(), 'models');

/** Writes a model to models/<name>.json, numbers rounded to six significant digits. */
function writeModel(model: LinearModel) {
  const rounded = {
    ...model,
    mean: model.mean.map((value) => +value.toPrecision(6)),
    std: model.std.map((value) => +value.toPrecision(6)),
    weights: model.weights.map((row) => row.map((value) => +value.toPrecision(6))),
  };
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${model.name}.json`), `${JSON.stringify(rounded, null, 1)}\n`);
}

/**
 * The article-stance reader, fitted on FNC-1's training stances with its body sentences ordered by
 * the given ranker and relevance models; held-out macro-F1 on the competition test is stored in it.
 */
async function trainArticleStance(models: Pick<LearnedModels, 'ranker' | 'relevance'>) {
  console.log('Fitting the article-stance reader on FNC-1 training stances…');
  const model = fitShownArticleStance(await articlePairs(shared, 'train', models));
  const test = await articlePairs(shared, 'test', models);
  const gold = test.map((pair) => AS_ARTICLE_STANCE[pair.stance]);
  const read = predictArticleStances(model, test);
  model.heldOut['FNC-1 competition test, related pairs (macro-F1)'] = +macroF1(
    gold.map((label) => STANCE_AS_EVAL_LABEL[label]),
    read.map((label) => STANCE_AS_EVAL_LABEL[label]),
  ).toFixed(4);
  writeModel(model);
  console.log(
    `article stance: held-out ${JSON.stringify(model.heldOut)}; floors for showing each stance ${JSON.stringify(model.floors)}`,
  );
}

// `--only article-stance`: refit the article-stance reader alone, on the shipped ranker and relevance.
if (process.argv.includes('--only')) {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  if (only !== 'article-stance') {
    console.error(`--only takes "article-stance", not "${only}".`);
    process.exit(2);
  }
  await trainArticleStance({ ranker: loadModel('ranker'), relevance: loadModel('relevance') });
  process.exit(0);
}

const byPart = async (split: Split) => {
  const out = [];
  for (const build of [...SHARED_SETS, ...STANCE_SETS, ...INFERENCE_SETS]) {
    const set = build(shared, split);
    out.push({ name: set.name, pools: await pools(set), teaches: set.teaches });
  }
  return out;
};
console.log('Scoring the training splits…');
const train = await byPart('train');
console.log('Scoring the held-out splits…');
const test = await byPart('test');

const { models: fitted, f2Cut, counts } = fitModels(train, console.log);
const { relevance, stance, polarity, ranker, verdict } = fitted;
const rows: Array<Array<string | number>> = [];
for (const set of test) {
  const held = examples(set.pools);
  const goldStance = sided(held.stance);
  const relevanceAccuracy = accuracyOf(relevance, held.relevance.rows, held.relevance.labels);
  const stanceAccuracy = accuracyOf(stance, held.stance.rows, held.stance.labels);
  // Between the two stances only: does the model lean the right way on real evidence?
  const goldStanceAccuracy = goldStance.rows.length
    ? goldStance.rows.filter((row, index) => {
        const { supports, refutes } = stanceOf(fitted, row);
        return (supports >= refutes ? 0 : 1) === goldStance.labels[index];
      }).length / goldStance.rows.length
    : Number.NaN;
  rows.push([
    set.name,
    held.relevance.rows.length,
    relevanceAccuracy.toFixed(3),
    held.stance.rows.length,
    stanceAccuracy.toFixed(3),
    goldStance.rows.length,
    goldStanceAccuracy.toFixed(3),
  ]);
  relevance.heldOut[set.name] = relevanceAccuracy;
  stance.heldOut[`${set.name} (3-way)`] = stanceAccuracy;
  polarity.heldOut[`${set.name} (gold evidence, supports vs refutes)`] = goldStanceAccuracy;
}

for (const model of [ranker, relevance, stance, polarity, verdict]) writeModel(model);
await trainArticleStance(fitted);
console.log(`\nFitted on: ${train.map((set) => `${set.name} (${set.pools.length} claims)`).join(', ')}`);
console.log(
  `evidence cut: ${relevance.threshold} (best F${RELEVANCE_BETA} on the training pairs: ${+f2Cut.toPrecision(4)}; chosen for training verdict macro-F1)`,
);
console.log(
  `ranker: ${counts.rankerPairs} pairs; relevance: ${counts.relevance} examples; stance: ${counts.stance}; verdict: ${counts.verdict}\n`,
);
console.log('Held-out accuracy (test splits, never fitted on):\n');
console.log(
  table(
    [
      'set',
      'relevance pairs',
      'relevance acc.',
      'stance pairs (3-way)',
      'stance acc.',
      'gold evidence pairs',
      'supports vs refutes acc.',
    ],
    rows,
  ),
);
