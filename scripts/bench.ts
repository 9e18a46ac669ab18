/**
 * `npm run bench`: ingest throughput and check latency on a corpus of over 10,000 real articles,
 * with the bare FTS5 query (BM25 over the same passages, same terms) timed in the same run as the
 * baseline. Prints Markdown tables. Machines are shared and noisy: read ratios, not absolutes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { checkClaim } from '../src/check-claim.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { DEFAULT_PASSAGE_POOL } from '../src/retrieve/retrieve-passages.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { buildBenchCorpus } from './lib/bench-corpus.js';
import { benchExtraction } from './lib/extract-bench.js';
import { benchWarcMemory } from './lib/warc-memory-bench.js';
import { median, percentile, table } from './lib/stats.js';

const root = packageRoot();
const workDir = path.join(root, '.verity', 'bench');
const db = path.join(workDir, 'bench.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });

console.log(
  `# Verity bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`,
);
// Extraction first, in a fresh heap: after the 10k-article ingest the main thread's heap skews it.
console.log(`## Extraction throughput (median of 3 rounds over the shared news HTML pages)\n`);
console.log(await benchExtraction(sharedDir()));
console.log('');
const corpus = buildBenchCorpus(sharedDir(), path.join(workDir, 'corpus'));
const inputBytes = corpus.inputs.reduce((sum, input) => {
  const stat = fs.statSync(input);
  if (stat.isFile()) return sum + stat.size;
  return (
    sum + fs.readdirSync(input).reduce((inner, name) => inner + fs.statSync(path.join(input, name)).size, 0)
  );
}, 0);

const store = createSqliteStore({ path: db });
const heapBefore = process.memoryUsage().rss;
const ingestStart = performance.now();
const summary = await ingestSources(corpus.inputs, { store, maxFileBytes: 20e6 });
const ingestSeconds = (performance.now() - ingestStart) / 1000;
const stored = await store.corpusState();
console.log('## Ingest\n');
console.log(
  table(
    [
      'articles in',
      'stored',
      'duplicates skipped',
      'failed',
      'passages',
      'input MB',
      'seconds',
      'articles/s',
      'MB/s',
      'RSS growth MB',
    ],
    [
      [
        corpus.articles,
        summary.added,
        summary.skipped,
        summary.failed,
        stored.passages,
        (inputBytes / 1e6).toFixed(1),
        ingestSeconds.toFixed(1),
        (summary.added / ingestSeconds).toFixed(0),
        (inputBytes / 1e6 / ingestSeconds).toFixed(2),
        ((process.memoryUsage().rss - heapBefore) / 1e6).toFixed(0),
      ],
    ],
  ),
);

// Warm up both paths once (wink-nlp model load, SQLite page cache), then time each question.
await checkClaim(corpus.questions[0]!, { store, asOf: '2026-01-01' });
const checkMs: number[] = [];
const ftsMs: number[] = [];
for (const question of corpus.questions) {
  const terms = analyzeClaim(question).terms;
  let start = performance.now();
  await store.searchPassages({ terms, limit: DEFAULT_PASSAGE_POOL });
  ftsMs.push(performance.now() - start);
  start = performance.now();
  await checkClaim(question, { store, asOf: '2026-01-01' });
  checkMs.push(performance.now() - start);
}
await store.close();

const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const cliMs: number[] = [];
for (const question of corpus.questions.slice(0, 7)) {
  const start = performance.now();
  execFileSync(process.execPath, [cli, 'check', '--db', db, '--as-of', '2026-01-01', question], {
    stdio: 'ignore',
  });
  cliMs.push(performance.now() - start);
}

const row = (name: string, values: number[], base: number[]) => [
  name,
  values.length,
  median(values).toFixed(2),
  percentile(values, 95).toFixed(2),
  (median(values) / median(base)).toFixed(1),
];
console.log(
  `\n## Check latency (${corpus.questions.length} questions: FNC-1 headlines and Climate-FEVER claims)\n`,
);
console.log(
  table(
    ['path', 'runs', 'p50 ms', 'p95 ms', '× baseline p50'],
    [
      row(`baseline: bare FTS5 BM25 query (same terms, top ${DEFAULT_PASSAGE_POOL})`, ftsMs, ftsMs),
      row('verity check, in process (claim → report model)', checkMs, ftsMs),
      row('verity check, whole CLI process (start, load, check, print)', cliMs, ftsMs),
    ],
  ),
);

const warcMegabytes = Number(process.env.BENCH_WARC_MB ?? 150);
console.log(`\n## Memory on a large WARC (${warcMegabytes} MB of pages; BENCH_WARC_MB sets the size)\n`);
console.log(await benchWarcMemory(sharedDir(), path.join(workDir, 'warc'), warcMegabytes));
