/**
 * `npm run bench:load`: 200 checks from 20 concurrent clients (autocannon) against `verity serve`'s
 * app on the sample corpus, beside the in-process check time of the same questions in the same run.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { checkClaim } from '../src/check-claim.js';
import { loadConfig, packageRoot, sharedDir } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createApp } from '../src/server/create-app.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { buildSampleCorpus } from './lib/sample-corpus.js';
import { median, percentile, table } from './lib/stats.js';

const TOTAL = 200;
const CONNECTIONS = 20;
const workDir = path.join(packageRoot(), '.verity', 'bench-load');
const db = path.join(workDir, 'load.db');
fs.mkdirSync(workDir, { recursive: true });
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
const store = createSqliteStore({ path: db });
const corpus = buildSampleCorpus(sharedDir(), path.join(workDir, 'sample'));
await ingestSources(corpus.inputs, { store, maxFileBytes: 20e6 });

// Questions: FNC-1 headlines about the corpus' stories, rotated over the 200 requests.
const headlines = fs
  .readFileSync(path.join(sharedDir(), 'data', 'fnc-1', 'competition_test_stances.csv'), 'utf8')
  .split('\n')
  .slice(1, 2000)
  .map((line) => line.split(',')[0]!.replace(/^"|"$/g, ''))
  .filter((line, index, all) => line.length > 20 && all.indexOf(line) === index)
  .slice(0, 40);
const questionAt = (index: number) => headlines[index % headlines.length]!;

const inProcess: number[] = [];
for (let index = 0; index < TOTAL; index++) {
  const start = performance.now();
  await checkClaim(questionAt(index), { store, asOf: '2026-01-01' });
  inProcess.push(performance.now() - start);
}

const app = createApp({ store, config: loadConfig({ dbPath: db, rateLimitPerMinute: 100_000 }, {}) });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let sent = 0;
const httpMs: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url,
      connections: CONNECTIONS,
      amount: TOTAL,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path: '/api/checks',
          headers: { 'content-type': 'application/json' },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ question: questionAt(sent++), asOf: '2026-01-01' }),
          }),
        },
      ],
    },
    (error, finished) => (error ? reject(error) : resolve(finished)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => httpMs.push(responseTime));
});
server.close();
await store.close();

console.log(
  `# Verity load bench — ${new Date().toISOString().slice(0, 10)}: ${TOTAL} checks, ${CONNECTIONS} concurrent clients, sample corpus (${corpus.articleCount} articles)\n`,
);
console.log(
  table(
    ['path', 'requests', 'errors (non-2xx + failed)', 'throughput req/s', 'p50 ms', 'p95 ms', 'p99 ms'],
    [
      [
        'baseline: checkClaim in process, one at a time',
        TOTAL,
        0,
        (1000 / (inProcess.reduce((a, b) => a + b, 0) / TOTAL)).toFixed(1),
        median(inProcess).toFixed(1),
        percentile(inProcess, 95).toFixed(1),
        percentile(inProcess, 99).toFixed(1),
      ],
      [
        'POST /api/checks over HTTP (autocannon)',
        result.requests.total,
        result.non2xx + result.errors + result.timeouts,
        (result.requests.total / (result.duration || 1)).toFixed(1),
        median(httpMs).toFixed(1),
        percentile(httpMs, 95).toFixed(1),
        percentile(httpMs, 99).toFixed(1),
      ],
    ],
  ),
);
console.log(
  '\nHTTP latencies include queueing: checks are CPU-bound and run one at a time per process, so 20 clients wait in line.',
);
