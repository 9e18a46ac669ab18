/**
 * `npm run eval:stance`: how well Verity's stance reading does on news prose. FNC-1's competition
 * test pairs (a headline, a news article body, and whether the body agrees with or disputes the
 * headline), held-out half only (the other half is kept apart for fitting), are read the way a
 * check reads its evidence: the body's sentences are ranked against the headline as the claim, and
 * the best three decide by which way they lean. Beside it, in the same run: the majority label, and
 * the FNC-1 baseline's "refuting words" cue (a body whose sentences on the headline hold "fake",
 * "hoax", "denies", … disputes).
 */
import { getLearnedModels } from '../src/assess/learned-models.js';
import { pooledStance } from '../src/assess/stance-of.js';
import { sharedDir } from '../src/config.js';
import { accuracy, macroF1, macroF1Difference } from '../src/eval/metrics.js';
import { signed } from '../src/cli/eval-command.js';
import { lean } from '../src/assess/verdict-features.js';
import type { EvalLabel } from '../src/eval/eval-format.js';
import { rankScore } from '../src/retrieve/rank-score.js';
import { newsStancePairs } from './lib/news-stance.js';

const models = getLearnedModels();
// FNC-1's baseline feature list of refuting words.
const REFUTING_WORDS =
  /\b(fake|fraud|hoax|false|deny|denies|not|despite|nope|doubt|doubts|bogus|debunk|pranks|retract)\b/i;

const started = performance.now();
const { pairs, sentences } = newsStancePairs(sharedDir(), 'test');
const gold: EvalLabel[] = pairs.map((pair) => (pair.agrees ? 'supported' : 'refuted'));
const verity: EvalLabel[] = pairs.map((pair) => {
  const best = pair.sentences
    .map((item) => ({ score: rankScore(models, item.features), stance: pooledStance(models, item) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
  return best.reduce((sum, { stance }) => sum + lean(stance), 0) >= 0 ? 'supported' : 'refuted';
});
const cue: EvalLabel[] = pairs.map((pair) =>
  pair.sentences.some((item) => REFUTING_WORDS.test(item.sentence.text)) ? 'refuted' : 'supported',
);
const majority: EvalLabel[] = gold.map(() => 'supported');
const lead = (other: EvalLabel[]) => signed(macroF1Difference(gold, verity, other));
const row = (name: string, predicted: EvalLabel[]) =>
  `| ${name} | ${accuracy(gold, predicted).toFixed(3)} | ${macroF1(gold, predicted).toFixed(3)} |`;
console.log(
  `# News stance (FNC-1 competition test, agree vs disagree, held-out half) — ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  `${pairs.length} held-out headline–body pairs (${gold.filter((label) => label === 'supported').length} agree), ${sentences} sentences; ${((performance.now() - started) / pairs.length).toFixed(1)} ms per pair\n`,
);
console.log('| reader | accuracy | macro-F1 |\n| --- | --- | --- |');
console.log(row('baseline: majority (agree)', majority));
console.log(row('baseline: FNC-1 refuting words in the body', cue));
console.log(row('Verity: best three sentences, which way they lean', verity));
console.log(
  `\nVerity's macro-F1 lead (95% paired-bootstrap interval): over the majority ${lead(majority)}, over the refuting words ${lead(cue)}`,
);
