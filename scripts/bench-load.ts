/**
 * `npm run bench:load`: `verity serve` (the real command, in its own process) under 20 and 100
 * concurrent clients for 60 s each on the bench corpus, checks on worker threads and, for
 * comparison, on the main thread; beside the in-process baseline (checkClaim one at a time).
 * Prints throughput, latency of answered checks, 429/503 refusals (each must carry Retry-After),
 * every other error, and the server's resident memory after warm-up, at half-time and at the end.
 * `--duration <s>` shortens the runs; `--clients 20,100` picks the client counts;
 * `--server-heap-mb N` caps the server's heap, to tell a leak from memory the collector has not yet reclaimed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { checkClaim } from '../src/check-claim.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createStore } from '../src/store/create-store.js';
import { benchQuestions, buildBenchCorpus } from './lib/bench-corpus.js';
import { median, percentile, table } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    clients: { type: 'string', default: '20,100' },
    baseline: { type: 'string', default: '100' },
    // Caps the server's V8 heap (main thread and each worker): a leak then fails, lazy collection does not.
    'server-heap-mb': { type: 'string' },
  },
});
const DURATION = Number(flags.duration);
const CLIENTS = flags.clients.split(',').map(Number);
const BASELINE_CHECKS = Number(flags.baseline);
const AS_OF = '2026-01-01';
const CLI = path.join(packageRoot(), 'dist', 'src', 'cli', 'main.js');

const workDir = path.join(packageRoot(), '.verity', 'bench-load');
const db = path.join(workDir, 'load.db');
fs.mkdirSync(workDir, { recursive: true });
for (const suffix of ['', '-wal', '-shm', '.search-index']) fs.rmSync(db + suffix, { force: true });
const corpus = buildBenchCorpus(sharedDir(), path.join(workDir, 'corpus'));
const questions = benchQuestions(sharedDir());
const questionAt = (index: number) => questions[index % questions.length]!;
{
  const store = createStore({ dbPath: db, databaseUrl: null, searchIndex: true });
  await ingestSources(corpus.inputs, { store, maxFileBytes: 50e6 });
  const passages = (await store.corpusState()).passages;
  await store.close();
  console.error(`bench corpus: ${corpus.articles} articles, ${passages} passages`);
}

/** Resident memory of a process, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** `verity serve` on a free port; `workers` sets VERITY_CHECK_WORKERS (undefined: as configured, one per core by default). */
async function startServer(
  workers: string | undefined,
): Promise<{ child: ChildProcess; url: string; banner: string }> {
  const heap = flags['server-heap-mb'] ? [`--max-old-space-size=${flags['server-heap-mb']}`] : [];
  const child = spawn(process.execPath, [...heap, CLI, 'serve', '--port', '0', '--db', db], {
    env: {
      ...process.env,
      VERITY_CHECK_WORKER_HEAP_MB: flags['server-heap-mb'] ?? '',
      VERITY_DATABASE_URL: '',
      ...(workers === undefined ? {} : { VERITY_CHECK_WORKERS: workers }),
      // The per-client limit would refuse a load test from one address; the pool is what is measured.
      VERITY_RATE_LIMIT: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`verity serve exited with ${code}: ${out}`)));
  });
  return { child, url: `http://${/http:\/\/([\d.:]+)/.exec(banner)![1]}`, banner };
}

interface LoadRun {
  answered: number[];
  statuses: Map<number, number>;
  refusedWithoutRetryAfter: number;
  failed: number;
  seconds: number;
}

async function load(url: string, connections: number, duration: number): Promise<LoadRun> {
  let sent = 0;
  const run: LoadRun = {
    answered: [],
    statuses: new Map(),
    refusedWithoutRetryAfter: 0,
    failed: 0,
    seconds: 0,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            path: '/api/checks',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ question: questionAt(sent++), asOf: AS_OF }),
            }),
            onResponse: (status, _body, _context, headers) => {
              if ((status === 429 || status === 503) && !(headers as Record<string, string>)['retry-after'])
                run.refusedWithoutRetryAfter++;
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1);
      if (status === 201) run.answered.push(responseTime);
    });
  });
  run.failed = result.errors + result.timeouts;
  run.seconds = result.duration || duration;
  return run;
}

const rows: Array<Array<string | number>> = [];
const baseline: number[] = [];
{
  const store = createStore({ dbPath: db, databaseUrl: null, searchIndex: true });
  await checkClaim(questionAt(0), { store, asOf: AS_OF }); // warm-up: the index is loaded
  for (let index = 0; index < BASELINE_CHECKS; index++) {
    const start = performance.now();
    await checkClaim(questionAt(index), { store, asOf: AS_OF });
    baseline.push(performance.now() - start);
  }
  await store.close();
  rows.push([
    'baseline: checkClaim in process, one at a time',
    '1',
    BASELINE_CHECKS,
    (1000 / (baseline.reduce((a, b) => a + b, 0) / BASELINE_CHECKS)).toFixed(1),
    median(baseline).toFixed(0),
    percentile(baseline, 95).toFixed(0),
    percentile(baseline, 99).toFixed(0),
    '–',
    '0',
    '–',
  ]);
}

// The main-thread run at the first client count shows what the pool changes.
const plans = [
  { label: 'verity serve, checks on the main thread', workers: '0', clients: CLIENTS[0]! },
  ...CLIENTS.map((clients) => ({
    label: 'verity serve, checks on worker threads',
    workers: undefined,
    clients,
  })),
];
let poolBanner = '';
for (const plan of plans) {
  const { child, url, banner } = await startServer(plan.workers);
  if (plan.workers === undefined) poolBanner = /checks on [^;]+/.exec(banner)?.[0] ?? '';
  try {
    await load(url, 4, 5); // warm-up: every worker has opened the store and loaded the index
    // Resident memory sampled through the run: growth that stops by half-time is the heap
    // reaching its working size; growth that goes on through the second half is a leak.
    const rssSamples = [rssMb(child.pid!)];
    const sampler = setInterval(() => rssSamples.push(rssMb(child.pid!)), 1000);
    const run = await load(url, plan.clients, DURATION);
    clearInterval(sampler);
    rssSamples.push(rssMb(child.pid!));
    const rssHalf = rssSamples[Math.floor(rssSamples.length / 2)]!;
    const refused = (run.statuses.get(429) ?? 0) + (run.statuses.get(503) ?? 0);
    const other = [...run.statuses].filter(([status]) => ![201, 429, 503].includes(status));
    const unexpected = run.failed + run.refusedWithoutRetryAfter + other.reduce((sum, [, n]) => sum + n, 0);
    rows.push([
      plan.label,
      plan.clients,
      run.answered.length,
      (run.answered.length / run.seconds).toFixed(1),
      median(run.answered).toFixed(0),
      percentile(run.answered, 95).toFixed(0),
      percentile(run.answered, 99).toFixed(0),
      `${refused} (${run.statuses.get(503) ?? 0} × 503)`,
      `${unexpected}${other.length ? ` (${other.map(([status, n]) => `${n} × ${status}`).join(', ')})` : ''}`,
      `${rssSamples[0]!.toFixed(0)} → ${rssHalf.toFixed(0)} → ${rssSamples.at(-1)!.toFixed(0)}`,
    ]);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

console.log(
  `# Verity load bench — ${new Date().toISOString().slice(0, 10)}: ${DURATION} s per run, bench corpus (${corpus.articles} articles), ${questions.length} questions in turn\n`,
);
console.log(
  table(
    [
      'server',
      'clients',
      'checks answered',
      'checks/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'refused (429/503, with Retry-After)',
      'other errors',
      'server RSS MB: after warm-up → half-time → end',
    ],
    rows,
  ),
);
console.log(
  `\nThe pool's server: ${poolBanner} (VERITY_CHECK_WORKERS, VERITY_CHECK_QUEUE). ` +
    'Latencies are of answered checks and include time in the queue; refused requests are answered at once and retried by the client.',
);
