/**
 * `npm run eval:statements`: how well "the same statement" (assess/same-statement.ts) groups
 * sentences across outlets, on two labelled sets of sentence pairs:
 * - news: 120 pairs from different articles of one Emergent training rumour, labelled by hand
 *   (eval/same-statement-news.json says how they were drawn); the cut is weighed by five-fold
 *   cross-validation grouped by rumour, and the shipped cut is the one weighed on all of them;
 * - SICK: image captions, where two sentences state the same fact when one entails the other and
 *   neither contradicts it; weighed on SemEval TRAIN and TRIAL, scored on TEST. SICK is built of
 *   near-identical sentences that differ in one word, so it is the hard, out-of-domain check.
 * A setting (word measure, cut, least stems, vetoes) is chosen by F0.5 (merging two facts misleads more
 * than stating one twice). `--encoder`: also with the Universal Sentence Encoder's cosine
 * averaged in (encoded once per machine, .verity/embeddings).
 */
import {
  readStatement,
  SAME_STATEMENT,
  statementSimilarity,
  type StatementSetting,
} from '../src/assess/same-statement.js';
import { cachedEvalEncoder } from './lib/embedding-file-cache.js';
import { FOLDS, newsPairs, sickPairs, type Pair } from './lib/statement-pairs.js';
import { table } from './lib/stats.js';

type Setting = StatementSetting;

const BETA = 0.5;
const CUTS = Array.from({ length: 15 }, (_, index) => Math.round((0.3 + index * 0.05) * 100) / 100);
const SETTINGS: Setting[] = CUTS.flatMap((cut) =>
  [2, 3, 4, 5].flatMap((minStems) =>
    (['containment', 'mutual'] as const).flatMap((words) =>
      (['both', 'numbers', 'negation', 'none'] as const).map((vetoes) => ({ words, cut, minStems, vetoes })),
    ),
  ),
);
const SHIPPED: Setting = SAME_STATEMENT;

const withEncoder = process.argv.includes('--encoder');
const sick = sickPairs();
const news = newsPairs();
const vectors = new Map<string, Float32Array>();
if (withEncoder) {
  const texts = [...new Set([...sick, ...news].flatMap((pair) => [pair.a, pair.b]))];
  const encoded = await cachedEvalEncoder().embed(texts);
  texts.forEach((text, index) => vectors.set(text, encoded[index]!));
}

interface Scores {
  precision: number;
  recall: number;
  f: number;
}

/** Each pair judged "the same" at the setting `settingOf` gives it, pooled into P / R / F0.5. */
function score(pairs: Pair[], settingOf: (pair: Pair) => Setting, useVectors: boolean): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    const setting = settingOf(pair);
    const a = readStatement(pair.a, useVectors ? vectors.get(pair.a) : undefined);
    const b = readStatement(pair.b, useVectors ? vectors.get(pair.b) : undefined);
    const said = statementSimilarity(a, b, setting) >= setting.cut;
    if (said && pair.same) tp++;
    else if (said) fp++;
    else if (pair.same) fn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const b2 = BETA * BETA;
  const f = precision + recall > 0 ? ((1 + b2) * precision * recall) / (b2 * precision + recall) : 0;
  return { precision, recall, f };
}

function measure(pairs: Pair[], setting: Setting, useVectors: boolean): Scores {
  return score(pairs, () => setting, useVectors);
}

function weigh(pairs: Pair[], useVectors: boolean): Setting {
  return SETTINGS.map((setting) => ({ setting, f: measure(pairs, setting, useVectors).f })).sort(
    (x, y) => y.f - x.f,
  )[0]!.setting;
}

/** Cross-validated scores: each fold scored at the setting weighed on the other folds (pooled counts). */
function crossValidated(pairs: Pair[], useVectors: boolean): Scores {
  const byFold = Array.from({ length: FOLDS }, (_, fold) =>
    weigh(
      pairs.filter((pair) => pair.group !== String(fold)),
      useVectors,
    ),
  );
  return score(pairs, (pair) => byFold[Number(pair.group)]!, useVectors);
}

const f3 = (scores: Scores) =>
  `${scores.precision.toFixed(3)} / ${scores.recall.toFixed(3)} / ${scores.f.toFixed(3)}`;
const name = (setting: Setting) =>
  `${setting.words} ≥ ${setting.cut.toFixed(2)}, ${setting.minStems}+ stems, vetoes: ${setting.vetoes}`;
const sickTrain = sick.filter((pair) => pair.group === 'train');
const sickTest = sick.filter((pair) => pair.group === 'test');

console.log(
  `# Same statement — ${new Date().toISOString().slice(0, 10)}\n\nNews: ${news.length} hand-labelled pairs (${news.filter((pair) => pair.same).length} the same), ${FOLDS} folds by rumour. SICK: ${sickTrain.length} training pairs (${sickTrain.filter((pair) => pair.same).length} the same), ${sickTest.length} test pairs (${sickTest.filter((pair) => pair.same).length} the same). Settings chosen by F${BETA}; P / R / F${BETA} below.\n`,
);
const rows: string[][] = [];
for (const useVectors of withEncoder ? [false, true] : [false]) {
  const kind = useVectors ? 'words + encoder cosine' : 'words, with the vetoes';
  const onNews = weigh(news, useVectors);
  const onSick = weigh(sickTrain, useVectors);
  rows.push([
    kind,
    `news (all pairs): ${name(onNews)}`,
    `${f3(crossValidated(news, useVectors))} (cross-validated)`,
    f3(measure(sickTest, onNews, useVectors)),
  ]);
  rows.push([
    kind,
    `SICK train: ${name(onSick)}`,
    f3(measure(news, onSick, useVectors)),
    f3(measure(sickTest, onSick, useVectors)),
  ]);
  if (!useVectors)
    rows.push([
      kind,
      `shipped: ${name(SHIPPED)}`,
      `${f3(measure(news, SHIPPED, false))} (weighed on these)`,
      f3(measure(sickTest, SHIPPED, false)),
    ]);
}
console.log(table(['similarity', 'setting (weighed on)', 'news', 'SICK test'], rows));
