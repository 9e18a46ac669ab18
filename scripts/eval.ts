/** `npm run eval`: converts the four labelled sets in ../shared to the generic format and evaluates each. */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, packageRoot, sharedDir } from '../src/config.js';
import { configuredVectors } from '../src/retrieve/word-vectors.js';
import { formatEvalTable } from '../src/cli/eval-command.js';
import { runEval } from '../src/eval/run-eval.js';
import { SHARED_SETS } from './lib/eval-sets.js';

const shared = sharedDir();
// `npm run eval -- --split train` scores the training splits instead: for weighing a change on the
// data the models are fitted on before looking at the held-out figures.
const splitArg = process.argv.indexOf('--split');
const split = splitArg >= 0 ? process.argv[splitArg + 1] : 'test';
if (split !== 'test' && split !== 'train') {
  console.error(`--split must be "test" (the held-out splits, the default) or "train", not "${split}".`);
  process.exit(2);
}
const outDir = path.join(packageRoot(), '.verity', 'eval');
fs.mkdirSync(outDir, { recursive: true });
// With VERITY_WORD_VECTORS set, the ranking's vector slot is used (none by default).
const vectors = configuredVectors(loadConfig());
console.log(
  `# Verity eval — ${new Date().toISOString().slice(0, 10)}${split === 'train' ? ' — TRAINING splits' : ''}${vectors ? ` — with ${vectors.scorer.name}` : ''}\n`,
);
for (const build of SHARED_SETS) {
  const set = build(shared, split);
  // The converted files are written so that `verity eval --corpus --claims` can be run on them too.
  const slug = `${split === 'train' ? 'train-' : ''}${set.name}`
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
  console.log(formatEvalTable(set.name, runEval(set.corpus, set.claims, { vectors })) + '\n');
}
