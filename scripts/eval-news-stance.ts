/**
 * `npm run eval:stance`: how well Verity reads stance on news prose, on FNC-1's competition test
 * (every related headline–body pair: agree / disagree / discuss, read as supports / refutes / no
 * side). Two readers: the sentence reader ranks the body's sentences against the headline as a
 * check ranks evidence and takes the best three's mean stance; the article reader
 * (src/assess/article-stance.ts) reads the body as a whole, fitted on FNC-1's training stances and
 * weighed there by cross-validation grouped by body. Beside them, in the same run: the majority
 * label, and FNC-1's baseline "refuting words" cue. The shipped sentence models were fitted on
 * FNC-1's training stances (other bodies); `--protocol lodo` fits them afresh without FNC-1 (how
 * stance carries over to news from the other sets alone; the article reader, fitted on FNC-1
 * alone, is then marked as not left out). `--dense` adds the Universal Sentence Encoder's
 * similarity to the features and `--pair-vectors` also the pair's vectors (u∘v, |u−v|) to the
 * stance models; both fit the models in the run (with FNC-1's training stances unless
 * `--protocol lodo`). Scored pairs are cached in .verity/eval (news-stance.ts, `articlePairs`).
 */
import type { LearnedModels } from '../src/assess/learned-models.js';
import { getLearnedModels } from '../src/assess/learned-models.js';
import { pooledStance } from '../src/assess/stance-of.js';
import { sharedDir } from '../src/config.js';
import { accuracy, macroF1, macroF1Difference } from '../src/eval/metrics.js';
import { signed } from '../src/cli/eval-command.js';
import type { EvalLabel } from '../src/eval/eval-format.js';
import { rankScore } from '../src/retrieve/rank-score.js';
import { INFERENCE_SETS, SHARED_SETS, STANCE_SETS } from './lib/eval-sets.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import type { VectorScorer } from '../src/retrieve/vector-score.js';
import { cachedEvalEncoder, evalDenseScorer } from './lib/embedding-file-cache.js';
import { fitModels, pools } from './lib/fit-models.js';
import {
  articlePairs,
  newsStanceCorpus,
  newsStancePairs,
  type ArticlePair,
  type NewsStance,
} from './lib/news-stance.js';
import {
  crossValidatedReadings,
  decisionWeights,
  shifted,
  STANCE_AS_EVAL_LABEL,
  fitArticleStance,
  fitShownArticleStance,
  predictArticleStances,
  readArticleStances,
} from './lib/fit-article-stance.js';
import {
  CLEAR_ARTICLE_LEAD,
  clearStance,
  likeliestStance,
  type ArticleStanceLabel,
} from '../src/assess/article-stance.js';
import { table } from './lib/stats.js';

const lodo = process.argv.includes('--protocol') && process.argv.includes('lodo');
const pairVectors = process.argv.includes('--pair-vectors');
const dense = pairVectors || process.argv.includes('--dense');
const shared = sharedDir();
const encoder = dense ? cachedEvalEncoder() : null;

/** A scorer over a set's corpus lines and claims (and whatever else is given), when encoding. */
async function scorerFor(texts: Iterable<string>): Promise<VectorScorer | undefined> {
  return encoder ? evalDenseScorer(encoder, texts, pairVectors) : undefined;
}

async function fittedModels(): Promise<LearnedModels> {
  console.log(
    `Fitting every learned part on the training splits of ${lodo ? 'every set but FNC-1' : 'every set'}${dense ? ', with the encoder' : ''}…`,
  );
  const train = [];
  for (const build of [...SHARED_SETS, ...(lodo ? [] : STANCE_SETS), ...INFERENCE_SETS]) {
    const set = build(shared, 'train');
    const scorer = await scorerFor([
      ...set.corpus.map((line) => line.text),
      ...set.claims.flatMap((claim) => {
        const analysed = analyzeClaim(claim.claim);
        return [analysed.text, ...analysed.subClaims.map((part) => analyzeClaim(part).text)];
      }),
    ]);
    train.push({ name: set.name, pools: await pools(set, scorer), teaches: set.teaches });
  }
  return fitModels(train, () => {}, dense).models;
}

const models = lodo || dense ? await fittedModels() : getLearnedModels();
// FNC-1's baseline feature list of refuting words.
const REFUTING_WORDS =
  /\b(fake|fraud|hoax|false|deny|denies|not|despite|nope|doubt|doubts|bogus|debunk|pranks|retract)\b/i;
/** FNC-1's labels read as Verity's stance classes (the eval's label names stand in for them). */
const AS_LABEL: Record<NewsStance, EvalLabel> = {
  agree: 'supported',
  disagree: 'refuted',
  discuss: 'not enough info',
};

const started = performance.now();
/**
 * The test pairs: scored with the encoder's similarity when it is asked for, else read from the
 * cache of scored pairs (the same scoring; `articlePairs`).
 */
async function testPairs(): Promise<{ pairs: ArticlePair[]; sentences: number }> {
  const { rows: testRows, corpus: testCorpus } = newsStanceCorpus(shared);
  if (!dense) return { pairs: await articlePairs(shared, 'test'), sentences: testCorpus.length };
  const testScorer = await scorerFor([
    ...testCorpus.map((line) => line.text),
    ...testRows.map((row) => analyzeClaim(row['Headline']!).text),
  ]);
  const { pairs, sentences } = await newsStancePairs(shared, testScorer);
  return {
    sentences,
    pairs: pairs.map((pair) => ({
      ...pair,
      sentences: pair.sentences.map((item) => ({
        text: item.sentence.text,
        features: item.features,
        score: rankScore(models, item.features),
        restates: item.restates,
        vectors: item.vectors,
      })),
    })),
  };
}
const { pairs, sentences } = await testPairs();
const gold = pairs.map((pair) => AS_LABEL[pair.stance]);
const verity: EvalLabel[] = pairs.map((pair) => {
  const best = pair.sentences
    .map((item) => ({ score: rankScore(models, item.features), stance: pooledStance(models, item) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  if (best.length === 0) return 'not enough info';
  const mean = (key: 'supports' | 'refutes' | 'neutral') =>
    best.reduce((sum, item) => sum + item.stance[key], 0) / best.length;
  const [supports, refutes, neutral] = [mean('supports'), mean('refutes'), mean('neutral')];
  return neutral >= supports && neutral >= refutes
    ? 'not enough info'
    : supports >= refutes
      ? 'supported'
      : 'refuted';
});
const perPair = (performance.now() - started) / pairs.length;
// The article-stance reader: fitted on FNC-1's training stances, weighed there by cross-validation.
console.log('Reading the training stances for the article-stance reader (cached after the first run)…');
const trainPairs = await articlePairs(shared, 'train');
const ARTICLE_AS_LABEL: Record<ArticleStanceLabel, EvalLabel> = STANCE_AS_EVAL_LABEL;
const trainGold = trainPairs.map((pair) => AS_LABEL[pair.stance]);
const readingsCv = crossValidatedReadings(trainPairs);
const crossValidated = readingsCv.map((reading) => ARTICLE_AS_LABEL[likeliestStance(reading)]);
const weightsCv = decisionWeights(trainPairs, readingsCv);
const weightedCv = shifted(readingsCv, weightsCv).map(
  (reading) => ARTICLE_AS_LABEL[likeliestStance(reading)],
);
const articleModel = fitShownArticleStance(trainPairs);
const article = predictArticleStances(articleModel, pairs).map((label) => ARTICLE_AS_LABEL[label]);
const articleUnweighted = predictArticleStances(fitArticleStance(trainPairs), pairs).map(
  (label) => ARTICLE_AS_LABEL[label],
);
// The article reader learns from FNC-1 alone: under --protocol lodo it is not left out, and says so.
const fittedOn = lodo ? 'fitted on FNC-1 train: NOT left out' : 'fitted on FNC-1 train';
const cue: EvalLabel[] = pairs.map((pair) =>
  pair.sentences.some((item) => REFUTING_WORDS.test(item.text)) ? 'refuted' : 'not enough info',
);
const majority: EvalLabel[] = gold.map(() => 'not enough info');
const twoWay = (labels: EvalLabel[]) => {
  const kept = gold.map((label, index) => index).filter((index) => gold[index] !== 'not enough info');
  return macroF1(
    kept.map((index) => gold[index]!),
    kept.map((index) => (labels[index] === 'refuted' ? 'refuted' : 'supported')),
  );
};
const row = (name: string, predicted: EvalLabel[]) => [
  name,
  accuracy(gold, predicted).toFixed(3),
  macroF1(gold, predicted).toFixed(3),
  twoWay(predicted).toFixed(3),
];
const count = (stance: NewsStance) => pairs.filter((pair) => pair.stance === stance).length;
console.log(
  `# News stance (FNC-1 competition test, related pairs) — ${new Date().toISOString().slice(0, 10)}${lodo ? ' — models fitted without FNC-1' : ''}${pairVectors ? ' — with encoder pair vectors' : dense ? ' — with encoder similarity' : ''}\n`,
);
console.log(
  `${pairs.length} headline–body pairs (${count('agree')} agree, ${count('disagree')} disagree, ${count('discuss')} discuss), ${sentences} sentences; ${perPair.toFixed(1)} ms per pair\n`,
);
console.log(
  table(
    ['reader', 'accuracy', 'macro-F1 (agree / disagree / discuss)', 'macro-F1, agree vs disagree pairs only'],
    [
      row('baseline: majority (discuss)', majority),
      row('baseline: FNC-1 refuting words in the body', cue),
      row('Verity: best three sentences, mean stance', verity),
      row(`Verity: article stance, without decision weights (${fittedOn})`, articleUnweighted),
      row(`Verity: article stance, shipped (${fittedOn})`, article),
    ],
  ),
);
const lead = (reader: EvalLabel[], other: EvalLabel[]) => signed(macroF1Difference(gold, reader, other));
console.log(
  `\nMacro-F1 lead (95% paired-bootstrap interval) of the sentence reader: over the majority ${lead(verity, majority)}, over the refuting words ${lead(verity, cue)}; of the article reader: over the majority ${lead(article, majority)}, over the refuting words ${lead(article, cue)}, over the sentence reader ${lead(article, verity)}`,
);
const matrix = (title: string, gold: EvalLabel[], predicted: EvalLabel[]) => {
  const labels = ['supported', 'refuted', 'not enough info'] as const;
  const rows = labels.map((label) => [
    label === 'supported' ? 'agree' : label === 'refuted' ? 'disagree' : 'discuss',
    ...labels.map(
      (read) => gold.filter((value, index) => value === label && predicted[index] === read).length,
    ),
  ]);
  console.log(`\n${title}\n\n${table(['gold \\ read', 'supports', 'refutes', 'no side'], rows)}`);
};
matrix('Sentence reader (best three sentences), competition test:', gold, verity);
matrix('Article reader, competition test:', gold, article);
console.log(
  `\nArticle reader on the training stances (${trainPairs.length} related pairs), each read by a model fitted on the other four folds of bodies: accuracy ${accuracy(trainGold, crossValidated).toFixed(3)}, macro-F1 ${macroF1(trainGold, crossValidated).toFixed(3)}`,
);
matrix('Article reader, training stances, cross-validated:', trainGold, crossValidated);
console.log(
  `\nWith the decision weights ${JSON.stringify(weightsCv)} (chosen on these cross-validated readings for macro-F1; the shipped reader carries them): accuracy ${accuracy(trainGold, weightedCv).toFixed(3)}, macro-F1 ${macroF1(trainGold, weightedCv).toFixed(3)}`,
);
matrix('Article reader with the decision weights, training stances, cross-validated:', trainGold, weightedCv);
// What a report shows: an article's stance only where the reader is clear (clearStance).
const clear = readArticleStances(articleModel, pairs).map((reading) =>
  clearStance(reading, articleModel.floors),
);
const shown = clear.flatMap((label, index) => (label ? [index] : []));
console.log(
  `\nShown in reports (the likeliest stance leads the next by ${CLEAR_ARTICLE_LEAD} or more and reaches its floor, ${JSON.stringify(articleModel.floors)}, weighed on the training stances): ${shown.length} of ${pairs.length} test pairs (${((100 * shown.length) / pairs.length).toFixed(1)}%), accuracy ${accuracy(
    shown.map((index) => gold[index]!),
    shown.map((index) => ARTICLE_AS_LABEL[clear[index]!]),
  ).toFixed(3)}, macro-F1 ${macroF1(
    shown.map((index) => gold[index]!),
    shown.map((index) => ARTICLE_AS_LABEL[clear[index]!]),
  ).toFixed(3)} (all pairs: accuracy ${accuracy(gold, article).toFixed(3)})`,
);
const shownRows = (['states', 'disputes', 'discusses'] as const).map((label) => {
  const read = shown.filter((index) => clear[index] === label);
  const right = read.filter((index) => ARTICLE_AS_LABEL[label] === gold[index]).length;
  return [label, read.length, read.length ? (right / read.length).toFixed(3) : '–'];
});
console.log(`\n${table(['shown stance', 'test pairs', 'precision'], shownRows)}`);
