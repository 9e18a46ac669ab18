import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClaim } from '../src/check-claim.js';
import { recheck } from '../src/checks/recheck.js';
import { storeCheck } from '../src/checks/store-check.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { renderJson } from '../src/render/render-json.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { withSearchIndex } from '../src/search-index/indexed-store.js';
import type { Store } from '../src/store/store.js';
import { buildSampleCorpus } from '../scripts/lib/sample-corpus.js';
import { expectCitationIntegrity } from './helpers/citation-integrity.js';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { HAS_SHARED, SHARED, tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');
const INGESTED_AT = new Date('2025-12-01T00:00:00Z');
const QUESTIONS = [
  'Did Rubio turn over DOJ MS-13 informants to get access to El Salvadoran prisons?',
  'Did ISIS behead an American journalist?',
  'Who reported that Kim Jong-un is ill?',
];

/** The whole pipeline on PostgreSQL: the same corpus, ingested into both backends, gives the same reports. */
describe.skipIf(!HAS_SHARED)('the pipeline on PostgreSQL', () => {
  let server: LocalPostgres;
  let url: string;
  let postgres: Store;
  let sqlite: Store;
  const dir = tempDir('pg-pipeline');
  const corpus = buildSampleCorpus(SHARED, path.join(dir, 'sample'));

  beforeAll(async () => {
    server = await startLocalPostgres();
    url = await server.freshDatabaseUrl();
    postgres = createPostgresStore({ url });
    sqlite = createSqliteStore({ path: path.join(dir, 'verity.db') });
    for (const store of [postgres, sqlite]) {
      const summary = await ingestSources(corpus.inputs, {
        store,
        maxFileBytes: 20e6,
        now: () => INGESTED_AT,
      });
      expect(summary).toMatchObject({ added: corpus.articleCount, failed: 0 });
    }
  });
  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
    await server?.stop();
  });

  it('stores the same corpus, syndication groups included', async () => {
    expect(await postgres.corpusState()).toEqual(await sqlite.corpusState());
    const terms = ['rubio', 'informants', 'salvador'];
    const [fromPostgres, fromSqlite] = await Promise.all(
      [postgres, sqlite].map((store) => store.searchPassages({ terms, limit: 20 })),
    );
    expect(fromPostgres!.map((hit) => [hit.passage.id, hit.article.syndicationGroup])).toEqual(
      fromSqlite!.map((hit) => [hit.passage.id, hit.article.syndicationGroup]),
    );
  });

  it.each(QUESTIONS)(
    'writes the same report on "%s" from either backend, with or without the search index, every citation stored',
    async (question) => {
      const indexed = [postgres, sqlite].map((store) =>
        withSearchIndex(store, { file: null, log: () => {} }),
      );
      const [fromPostgres, fromSqlite, ...fromIndexes] = await Promise.all(
        [postgres, sqlite, ...indexed].map((store) => checkClaim(question, { store, asOf: '2026-01-01' })),
      );
      expect(renderJson(fromPostgres!)).toBe(renderJson(fromSqlite!));
      for (const report of fromIndexes) expect(renderJson(report)).toBe(renderJson(fromSqlite!));
      await expectCitationIntegrity(fromPostgres!, postgres);
      // A past date is applied inside the search: the pool is still full of earlier reporting.
      const past = await checkClaim(question, { store: indexed[1]!, asOf: '2014-09-30' });
      expect(renderJson(past)).toBe(
        renderJson(await checkClaim(question, { store: sqlite, asOf: '2014-09-30' })),
      );
    },
  );

  it('stores a check and rechecks it on PostgreSQL', async () => {
    const report = await checkClaim(QUESTIONS[0]!, { store: postgres, asOf: '2026-01-01' });
    const stored = await storeCheck(postgres, report, new Date('2026-01-01T10:00:00Z'));
    expect((await postgres.getCheck(stored.id))?.report).toEqual(report);
    const [result] = await recheck({ store: postgres, ids: [stored.id], asOf: '2026-01-01' });
    expect(result!.verdictChanged).toBe(false);
    expect(result!.current.previousId).toBe(stored.id);
  });

  it('runs the CLI against a postgres:// URL: ingest (idempotent) and check', () => {
    const ingest = execFileSync(
      process.execPath,
      [CLI, 'ingest', '--no-progress', '--db', url, corpus.inputs[0]!],
      {
        encoding: 'utf8',
      },
    );
    expect(ingest).toMatch(/database: postgres:\/\/verity@/);
    expect(ingest).toMatch(/added 0, updated 0, skipped \d+ \(unchanged\), failed 0/);
    const output = execFileSync(
      process.execPath,
      [CLI, 'check', '--no-save', '--format', 'json', '--as-of', '2026-01-01', QUESTIONS[1]!],
      {
        encoding: 'utf8',
        env: { ...process.env, VERITY_DATABASE_URL: url, VERITY_INDEX_DIR: path.join(dir, 'index') },
      },
    );
    const report = JSON.parse(output) as { question: string; sources: unknown[] };
    expect(report.question).toBe(QUESTIONS[1]);
    expect(report.sources.length).toBeGreaterThan(0);
  });
});
