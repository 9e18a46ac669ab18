/** `npm run eval`: converts the four labelled sets in ../shared to the generic format and evaluates each. */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot, sharedDir } from '../src/config.js';
import { formatEvalTable } from '../src/cli/eval-command.js';
import { runEval } from '../src/eval/run-eval.js';
import { SHARED_SETS } from './lib/eval-sets.js';

const shared = sharedDir();
const outDir = path.join(packageRoot(), '.verity', 'eval');
fs.mkdirSync(outDir, { recursive: true });
console.log(`# Verity eval — ${new Date().toISOString().slice(0, 10)}\n`);
for (const build of SHARED_SETS) {
  const set = build(shared);
  // The converted files are written so that `verity eval --corpus --claims` can be run on them too.
  const slug = set.name
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
  console.log(formatEvalTable(set.name, runEval(set.corpus, set.claims)) + '\n');
}
