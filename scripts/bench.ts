/**
 * `npm run bench [-- --backend sqlite|postgres] [--passages N]`: ingest throughput, database size
 * and check latency, on a corpus of over 10,000 real articles or (with --passages) a synthetic one
 * of N passages built from ../shared, with the backend's plain full-text query on the same terms
 * timed in the same run as the baseline (SQLite: the bare FTS5 BM25 query; PostgreSQL: a tsvector
 * GIN index ranked by ts_rank_cd). Prints Markdown tables. Machines are shared and noisy: read ratios.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { checkClaim } from '../src/check-claim.js';
import { packageRoot, searchIndexFile, sharedDir } from '../src/config.js';
import { withSearchIndex } from '../src/search-index/indexed-store.js';
import { loadIndexFile } from '../src/search-index/index-file.js';
import { MemoryIndex } from '../src/search-index/memory-index.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { parseArgs } from 'node:util';
import { DEFAULT_PASSAGE_POOL, retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { benchQuestions, buildBenchCorpus } from './lib/bench-corpus.js';
import { postgresBaseline, sqliteBaseline } from './lib/plain-search-baseline.js';
import { startLocalPostgres } from './lib/postgres-server.js';
import { buildSyntheticCorpus } from './lib/synthetic-corpus.js';
import { benchWorkerIngest } from './lib/worker-ingest-bench.js';
import { benchExtraction } from './lib/extract-bench.js';
import { benchIndexSearch } from './lib/index-search-bench.js';
import { benchWarcMemory } from './lib/warc-memory-bench.js';
import { latencyRow, table } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    backend: { type: 'string', default: 'sqlite' },
    passages: { type: 'string' },
    workers: { type: 'string' },
  },
});
const backend = flags.backend;
if (backend !== 'sqlite' && backend !== 'postgres')
  throw new Error(`--backend must be sqlite or postgres, got "${backend}".`);
const scale = flags.passages ? Number(flags.passages) : null;
if (scale !== null && !(scale >= 1000))
  throw new Error(`--passages must be a number of passages of at least 1000, got "${flags.passages}".`);
/** PostgreSQL: also ingest through the queue with these numbers of worker processes (`--workers 1,2,4`). */
const workerCounts = flags.workers ? flags.workers.split(',').map(Number) : [];
if (
  workerCounts.some((count) => !(Number.isInteger(count) && count > 0)) ||
  (workerCounts.length && backend !== 'postgres')
)
  throw new Error(`--workers takes counts like 1,2,4 and needs --backend postgres, got "${flags.workers}".`);
if (workerCounts.length && process.env.VERITY_DATABASE_URL)
  throw new Error(
    "--workers makes a fresh database per run on the bench's own server: unset VERITY_DATABASE_URL.",
  );
/** The default run also measures extraction and a large WARC; a scale or backend run measures the store. */
const fullRun = scale === null && backend === 'sqlite';

const root = packageRoot();
const workDir = path.join(root, '.verity', 'bench');
const db = path.join(workDir, 'bench.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });

console.log(
  `# Verity bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; backend ${backend}${scale ? `, ${scale} passages (synthetic)` : ''}\n`,
);
if (fullRun) {
  // Extraction first, in a fresh heap: after the 10k-article ingest the main thread's heap skews it.
  console.log(`## Extraction throughput (median of 3 rounds over the shared news HTML pages)\n`);
  console.log(await benchExtraction(sharedDir()));
  console.log('');
}
const corpus = scale
  ? (() => {
      const synthetic = buildSyntheticCorpus(sharedDir(), path.join(workDir, 'synthetic'), scale);
      return {
        inputs: [synthetic.file],
        articles: synthetic.articles,
        questions: benchQuestions(sharedDir()),
      };
    })()
  : buildBenchCorpus(sharedDir(), path.join(workDir, 'corpus'));
const inputBytes = corpus.inputs.reduce((sum, input) => {
  const stat = fs.statSync(input);
  if (stat.isFile()) return sum + stat.size;
  return (
    sum + fs.readdirSync(input).reduce((inner, name) => inner + fs.statSync(path.join(input, name)).size, 0)
  );
}, 0);

const server = backend === 'postgres' && !process.env.VERITY_DATABASE_URL ? await startLocalPostgres() : null;
const databaseUrl =
  backend === 'postgres' ? (process.env.VERITY_DATABASE_URL ?? (await server!.freshDatabaseUrl())) : null;
const store = databaseUrl ? createPostgresStore({ url: databaseUrl }) : createSqliteStore({ path: db });
const baseline = databaseUrl ? await postgresBaseline(databaseUrl) : sqliteBaseline(db);
const rssBefore = process.memoryUsage().rss;
const ingestStart = performance.now();
const summary = await ingestSources(corpus.inputs, { store, maxFileBytes: 2e9 });
const ingestSeconds = (performance.now() - ingestStart) / 1000;
const stored = await store.corpusState();
await baseline.prepare();
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
      'passages/s',
      'MB/s',
      'database MB',
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
        (stored.passages / ingestSeconds).toFixed(0),
        (inputBytes / 1e6 / ingestSeconds).toFixed(2),
        ((await baseline.databaseBytes()) / 1e6).toFixed(0),
        ((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0),
      ],
    ],
  ),
);

// The in-process search index over the same store: built once from the store, saved, loaded again.
const indexFile = searchIndexFile({ dbPath: db, databaseUrl, indexDir: workDir })!;
fs.rmSync(indexFile, { force: true });
const rssBeforeIndex = process.memoryUsage().rss;
let start = performance.now();
const indexStatus = await withSearchIndex(store, { file: indexFile }).reindex();
const buildSeconds = (performance.now() - start) / 1000;
const rssIndex = process.memoryUsage().rss - rssBeforeIndex;
const indexed = withSearchIndex(store, { file: indexFile });
start = performance.now();
await indexed.indexStatus();
const loadSeconds = (performance.now() - start) / 1000;
console.log('\n## In-process search index (src/search-index)\n');
console.log(
  table(
    [
      'passages',
      'terms',
      'postings',
      'index MB',
      'file MB',
      'build s (from the store)',
      'load s (from the file)',
      'RSS growth MB',
    ],
    [
      [
        indexStatus.passages,
        indexStatus.terms,
        indexStatus.postings,
        (indexStatus.bytes / 1e6).toFixed(0),
        (fs.statSync(indexFile).size / 1e6).toFixed(0),
        buildSeconds.toFixed(1),
        loadSeconds.toFixed(2),
        (rssIndex / 1e6).toFixed(0),
      ],
    ],
  ),
);

// The index's own search, exhaustive against MaxScore, on a copy loaded from the saved file.
console.log('\n## Index search alone: MaxScore against scoring every posting\n');
console.log(benchIndexSearch(new MemoryIndex('bench', loadIndexFile(indexFile)), corpus.questions));

// Warm up every path once (wink-nlp model load, page caches), then time each question. The
// check on the database's own search is timed on at most 40 questions (it is the slow path).
await checkClaim(corpus.questions[0]!, { store: indexed, asOf: '2026-01-01' });
await checkClaim(corpus.questions[0]!, { store, asOf: '2026-01-01' });
const checkMs: number[] = [];
const checkStoreMs: number[] = [];
const retrievalMs: number[] = [];
const retrievalStoreMs: number[] = [];
const plainMs: number[] = [];
for (const [number, question] of corpus.questions.entries()) {
  const claim = analyzeClaim(question);
  start = performance.now();
  await baseline.query(claim.terms, DEFAULT_PASSAGE_POOL);
  plainMs.push(performance.now() - start);
  start = performance.now();
  await retrievePassages(store, claim);
  retrievalStoreMs.push(performance.now() - start);
  start = performance.now();
  await retrievePassages(indexed, claim);
  retrievalMs.push(performance.now() - start);
  start = performance.now();
  await checkClaim(question, { store: indexed, asOf: '2026-01-01' });
  checkMs.push(performance.now() - start);
  if (number < 40) {
    start = performance.now();
    await checkClaim(question, { store, asOf: '2026-01-01' });
    checkStoreMs.push(performance.now() - start);
  }
}
const rssAfterChecks = process.memoryUsage().rss;
await indexed.close();

const cli = path.join(root, 'dist', 'src', 'cli', 'main.js');
const cliMs: number[] = [];
for (const question of corpus.questions.slice(0, 7)) {
  start = performance.now();
  execFileSync(
    process.execPath,
    [cli, 'check', '--no-save', '--db', databaseUrl ?? db, '--as-of', '2026-01-01', question],
    { stdio: 'ignore', env: { ...process.env, VERITY_INDEX_DIR: workDir } },
  );
  cliMs.push(performance.now() - start);
}
await baseline.close();
if (workerCounts.length > 0) {
  const rows = await benchWorkerIngest(cli, corpus.inputs[0]!, workerCounts, () =>
    server!.freshDatabaseUrl(),
  );
  console.log(
    '\n## Ingest through the queue (`verity worker --until-empty` processes, 16 shard jobs, a fresh database each)\n',
  );
  const single = rows[0]!;
  console.log(
    table(
      ['workers', 'articles', 'passages', 'seconds', 'articles/s', 'passages/s', '× 1 worker'],
      rows.map((row) => [
        row.workers,
        row.articles,
        row.passages,
        row.seconds.toFixed(1),
        (row.articles / row.seconds).toFixed(0),
        (row.passages / row.seconds).toFixed(0),
        (single.seconds / row.seconds).toFixed(2),
      ]),
    ),
  );
}
await server?.stop();

const row = (name: string, values: number[], base: number[]) => latencyRow(name, values, base);
console.log(
  `\n## Check latency (${corpus.questions.length} questions: FNC-1 headlines and Climate-FEVER claims; RSS after ${(rssAfterChecks / 1e6).toFixed(0)} MB)\n`,
);
console.log(
  table(
    ['path', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', '× baseline p50'],
    [
      row(`baseline: ${baseline.name} (same terms, top ${DEFAULT_PASSAGE_POOL})`, plainMs, plainMs),
      row(`verity retrieval only, the database's own search (${store.kind})`, retrievalStoreMs, plainMs),
      row(
        'verity retrieval only, in-process index (first stage, both queries, with articles)',
        retrievalMs,
        plainMs,
      ),
      row(`verity check in process, the database's own search`, checkStoreMs, plainMs),
      row('verity check in process, in-process index (claim → report model)', checkMs, plainMs),
      row('verity check, whole CLI process (start, load the index file, check, print)', cliMs, plainMs),
    ],
  ),
);

if (fullRun) {
  const warcMegabytes = Number(process.env.BENCH_WARC_MB ?? 150);
  console.log(`\n## Memory on a large WARC (${warcMegabytes} MB of pages; BENCH_WARC_MB sets the size)\n`);
  console.log(await benchWarcMemory(sharedDir(), path.join(workDir, 'warc'), warcMegabytes));
}
