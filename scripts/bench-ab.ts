/**
 * `npm run bench:ab -- --base <dir> --db <file> [--index <file>] [--questions N]`: this build's
 * `verity check` against another build's (`<dir>`: a checkout of an earlier commit, built with
 * `npx tsc`), on one existing database and index file, in one process: each question is checked by
 * both, in a random order per question, so that a busy machine slows both alike. Prints the
 * latency table (the other build is the baseline) and how many reports came out the same.
 *
 * A database and index come from `npm run bench` (.verity/bench/bench.db and its index file) or
 * any `verity ingest`. Both builds must read the same database schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDir } from '../src/config.js';
import type { Report } from '../src/types.js';
import type * as CheckModule from '../src/check-claim.js';
import type * as SqliteModule from '../src/store/sqlite/sqlite-store.js';
import type * as IndexModule from '../src/search-index/indexed-store.js';
import { benchQuestions } from './lib/bench-corpus.js';
import { latencyRow, table } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    base: { type: 'string' },
    db: { type: 'string' },
    index: { type: 'string' },
    questions: { type: 'string', default: '203' },
    'as-of': { type: 'string', default: '2026-01-01' },
  },
});
const baseDist = flags.base ? path.resolve(flags.base, 'dist') : null;
if (!baseDist || !fs.existsSync(path.join(baseDist, 'src', 'check-claim.js')))
  throw new Error(
    `--base must be a checkout of another commit, built (its dist/src/check-claim.js must exist); got "${flags.base}". ` +
      'For example: git worktree add /tmp/base <commit> && (cd /tmp/base && ln -s "$PWD/node_modules" . && npx tsc).',
  );
if (!flags.db || !fs.existsSync(flags.db))
  throw new Error(
    `--db must be an existing SQLite database (from npm run bench or verity ingest); got "${flags.db}".`,
  );
const count = Number(flags.questions);
if (!(Number.isInteger(count) && count > 0))
  throw new Error(`--questions must be a positive whole number, got "${flags.questions}".`);

type Check = (question: string) => Promise<Report>;

/** One build's check over the database, with the index file read but never written. */
async function loadBuild(dist: string): Promise<Check> {
  const { checkClaim } = (await import(path.join(dist, 'src', 'check-claim.js'))) as typeof CheckModule;
  const { createSqliteStore } = (await import(
    path.join(dist, 'src', 'store', 'sqlite', 'sqlite-store.js')
  )) as typeof SqliteModule;
  const { withSearchIndex } = (await import(
    path.join(dist, 'src', 'search-index', 'indexed-store.js')
  )) as typeof IndexModule;
  const sqlite = createSqliteStore({ path: flags.db! });
  const store = flags.index ? withSearchIndex(sqlite, { file: flags.index, save: false }) : sqlite;
  return (question) => checkClaim(question, { store, asOf: flags['as-of'] });
}

/** This build's dist/ (this file runs as dist/scripts/bench-ab.js). */
const thisDist = path.resolve(import.meta.dirname, '..');
const builds: Record<'base' | 'this', Check> = {
  base: await loadBuild(baseDist),
  this: await loadBuild(thisDist),
};
const questions = benchQuestions(sharedDir()).slice(0, count);
// Warm-up: each build loads its index and models before anything is timed.
for (const check of Object.values(builds)) await check(questions[0]!);

const times: Record<'base' | 'this', number[]> = { base: [], this: [] };
let same = 0;
// A fixed seed, so that the order of the two builds per question is the same run to run.
let seed = 12345;
const coin = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < 0.5 ? 0 : 1);
/** Reports are deterministic for one question, corpus and date: two builds that read alike write the same JSON. */
const comparable = (report: Report) => JSON.stringify(report);
for (const question of questions) {
  const order: Array<'base' | 'this'> = coin() ? ['base', 'this'] : ['this', 'base'];
  const reports: Partial<Record<'base' | 'this', Report>> = {};
  for (const name of order) {
    const started = performance.now();
    reports[name] = await builds[name](question);
    times[name].push(performance.now() - started);
  }
  if (comparable(reports.base!) === comparable(reports.this!)) same++;
}

console.log(
  `# verity check, this build against ${flags.base} — ${new Date().toISOString().slice(0, 10)}, ${path.basename(flags.db)}${flags.index ? ' with its index' : ''}, ${questions.length} questions\n`,
);
console.log(
  table(
    ['build', 'checks', 'p50 ms', 'p95 ms', 'p99 ms', '× baseline p50'],
    [
      latencyRow(`baseline: ${flags.base}`, times.base, times.base, 2),
      latencyRow('this build', times.this, times.base, 2),
    ],
  ),
);
console.log(`\nReports the same in both builds: ${same} of ${questions.length}.`);
