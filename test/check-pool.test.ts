import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { loadConfig, type VerityConfig } from '../src/config.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { boundedRunner, type CheckRunner, ServerBusyError } from '../src/server/check-runner.js';
import type * as CheckRunnerModule from '../src/server/check-runner.js';
import type { CheckResult, CheckTask } from '../src/server/check-task.js';
import { createApp } from '../src/server/create-app.js';
import { createStore } from '../src/store/create-store.js';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { buildSampleCorpus } from '../scripts/lib/sample-corpus.js';
import type { Report } from '../src/types.js';
import { HAS_SHARED, SHARED, tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');
const QUESTION = 'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?';
const NOW = '2026-01-02T03:04:05.000Z';

/** The compiled pool: its worker file exists only under dist/ (npm test builds first). */
async function compiledPool(config: VerityConfig, threads: number): Promise<CheckRunner> {
  const compiled = (await import(
    path.resolve('dist/src/server/check-runner.js')
  )) as typeof CheckRunnerModule;
  const pool = compiled.createCheckPool(config, threads);
  if (!pool) throw new Error('no check pool: is dist/src/server/check-worker.js built?');
  return pool;
}

/** A runner whose checks finish only when the test says so, with the report `report` makes. */
function heldRunner(
  workers: number,
  report: (task: CheckTask) => Promise<Report> = async (task) => ({ question: task.question }) as Report,
) {
  const held: Array<() => void> = [];
  const runner: CheckRunner = {
    workers,
    run: (task: CheckTask) =>
      new Promise<CheckResult>((resolve, reject) =>
        held.push(() => report(task).then((made) => resolve({ report: made, seconds: 4 }), reject)),
      ),
    close: async () => {},
  };
  return { runner, held };
}

describe('the bounded check queue', () => {
  it('holds workers + queue checks, refuses the next with the expected wait, and frees places as checks end', async () => {
    const { runner, held } = heldRunner(2);
    const bounded = boundedRunner(runner, 1);
    const task = (question: string) => ({ question, now: NOW });
    const running = [bounded.run(task('a')), bounded.run(task('b')), bounded.run(task('c'))];
    expect(bounded.inFlight()).toBe(3);
    // Before any check has finished the wait is a guess of 1 s a check.
    await expect(bounded.run(task('d'))).rejects.toMatchObject({ retryAfterSeconds: 2 });
    held.shift()!();
    await running[0];
    expect(bounded.inFlight()).toBe(2);
    const fourth = bounded.run(task('e'));
    // Now the median check took 4 s: 3 in flight over 2 workers is a wait of 6 s.
    const refused = await bounded.run(task('f')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect(refused).toMatchObject({ retryAfterSeconds: 6 });
    expect((refused as Error).message).toMatch(/running 2 checks and has 1 waiting/);
    for (const release of held.splice(0)) release();
    await Promise.all([...running, fourth]);
    expect(bounded.inFlight()).toBe(0);
  });

  it('a failing check frees its place', async () => {
    const failing: CheckRunner = {
      workers: 1,
      run: async () => {
        throw new Error('broken');
      },
      close: async () => {},
    };
    const bounded = boundedRunner(failing, 0);
    await expect(bounded.run({ question: 'x', now: NOW })).rejects.toThrow('broken');
    expect(bounded.inFlight()).toBe(0);
  });

  it('over HTTP: 503 with Retry-After when the queue is full, while /healthz still answers', async () => {
    const dir = tempDir('busy');
    const config = loadConfig({ dbPath: path.join(dir, 'verity.db'), checkQueue: 1 }, {});
    const store = createStore(config);
    const { runner, held } = heldRunner(1, (task) =>
      checkClaim(task.question, { store, now: () => new Date(task.now) }),
    );
    const app = createApp({ store, config, checks: runner, languageModel: null });
    const post = async () =>
      app.request('/api/checks', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Did the council vote for the bridge?' }),
      });
    const accepted = [post(), post()];
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toHaveLength(2);
    const busy = await post();
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('busy');
    expect((await app.request('/healthz')).status).toBe(200);
    for (const release of held.splice(0)) release();
    expect((await Promise.all(accepted)).map((response) => response.status)).toEqual([201, 201]);
    await store.close();
  });
});

/** Every backend: a check in a worker thread gives the report a check on this thread gives. */
describe.skipIf(!HAS_SHARED)('checks on worker threads', () => {
  let postgres: LocalPostgres;
  const dir = tempDir('check-pool');
  const corpus = buildSampleCorpus(SHARED, path.join(dir, 'sample'));
  const configs: Record<string, VerityConfig> = {};

  beforeAll(async () => {
    postgres = await startLocalPostgres();
    configs.sqlite = loadConfig({ dbPath: path.join(dir, 'verity.db') }, {});
    configs.postgres = loadConfig(
      { databaseUrl: await postgres.freshDatabaseUrl(), indexDir: path.join(dir, 'pg-index') },
      {},
    );
    for (const config of Object.values(configs)) {
      const store = createStore(config);
      await ingestSources(corpus.inputs, { store, maxFileBytes: 20e6 });
      await store.close();
    }
  });
  afterAll(async () => {
    await postgres?.stop();
  });

  for (const backend of ['sqlite', 'postgres']) {
    it(`${backend}: the same report from a worker as in process, for checks run at once`, async () => {
      const config = configs[backend]!;
      const pool = await compiledPool(config, 2);
      const store = createStore(config);
      try {
        const questions = [
          QUESTION,
          'Did ISIS behead an American journalist?',
          'Who reported that Kim Jong-un is ill?',
        ];
        const fromPool = await Promise.all(
          questions.map((question) => pool.run({ question, asOf: '2026-01-01', now: NOW })),
        );
        for (const [index, question] of questions.entries()) {
          const inProcess = await checkClaim(question, {
            store,
            asOf: '2026-01-01',
            methodUrl: '/method',
            now: () => new Date(NOW),
          });
          expect(inProcess.sources.length).toBeGreaterThan(0);
          expect(fromPool[index]!.report).toEqual(inProcess);
          expect(fromPool[index]!.seconds).toBeGreaterThan(0);
        }
        // A question too short is the asker's error, and says so across the thread boundary.
        await expect(pool.run({ question: '  ', now: NOW })).rejects.toThrow(/The question is empty/);
      } finally {
        await pool.close();
        await store.close();
      }
    });
  }

  it('verity serve: /healthz answers while the one worker is still on the first check', async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [CLI, 'serve', '--port', '0', '--db', configs.sqlite!.dbPath],
      {
        env: { ...process.env, VERITY_CHECK_WORKERS: '1', VERITY_DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      expect(banner).toMatch(/checks on 1 worker threads of at most 512 MB heap each, up to 128 waiting/);
      const base = `http://${banner.match(/http:\/\/([\d.:]+)/)![1]}`;
      const order: string[] = [];
      const checks = Array.from({ length: 4 }, (_, index) =>
        fetch(`${base}/api/checks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ question: `${QUESTION} (${index})` }),
        }).then((response) => {
          order.push(`check ${response.status}`);
          return response;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const health = await fetch(`${base}/healthz`);
      order.push(`healthz ${health.status}`);
      await Promise.all(checks);
      // On the main thread, /healthz would wait for the check in hand; on the worker it does not.
      expect(order[0]).toBe('healthz 200');
      expect(order.slice(1)).toEqual(Array(4).fill('check 201'));
    } finally {
      child.kill('SIGTERM');
    }
  });
});
