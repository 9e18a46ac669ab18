import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');
const FILES = 12;
const ARTICLES_PER_FILE = 150;
const WORDS = 'river dam council vote bridge storm harbour budget school court election rail'.split(' ');

/** Distinct articles (each its own content), written as JSONL files: one queue job per file. */
function writeCorpus(dir: string): string[] {
  return Array.from({ length: FILES }, (_, file) => {
    const lines = Array.from({ length: ARTICLES_PER_FILE }, (_, index) => {
      const n = file * ARTICLES_PER_FILE + index;
      const words = WORDS.map((_, k) => WORDS[(n * 7 + k * 3) % WORDS.length]);
      return JSON.stringify({
        title: `Report ${n}`,
        url: `https://news.example/${n}`,
        text: `Report number ${n} on the ${words.slice(0, 4).join(' ')}.\n\nOfficials said the ${words.slice(4, 8).join(' ')} matter ${n} would be settled. Residents of district ${n % 50} disagreed.`,
      });
    });
    const target = path.join(dir, `part-${String(file).padStart(2, '0')}.jsonl`);
    fs.writeFileSync(target, lines.join('\n') + '\n');
    return target;
  });
}

function worker(url: string): ChildProcess {
  return spawn(process.execPath, [CLI, 'worker', '--db', url, '--until-empty', '--lease-ms', '1500'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
  );

describe('ingest workers on PostgreSQL', () => {
  let server: LocalPostgres;
  beforeAll(async () => {
    server = await startLocalPostgres();
  });
  afterAll(() => server?.stop());

  it('three workers share the queue; one killed mid-job loses nothing and duplicates nothing', async () => {
    const url = await server.freshDatabaseUrl();
    const files = writeCorpus(tempDir('workers'));
    const queued = spawn(process.execPath, [CLI, 'ingest', '--queue', '--db', url, ...files], {
      stdio: 'pipe',
    });
    let queueOutput = '';
    queued.stdout!.on('data', (chunk: Buffer) => (queueOutput += chunk.toString()));
    expect(await exited(queued)).toBe(0);
    expect(queueOutput).toMatch(new RegExp(`queued ${FILES} jobs`));

    const db = new pg.Client({ connectionString: url });
    db.on('error', () => {});
    await db.connect();
    try {
      const workers = [worker(url), worker(url), worker(url)];
      // Wait until the first worker holds a job and has stored part of it, then kill it outright.
      const victim = workers[0]!;
      let killedJob: string | null = null;
      for (let tries = 0; tries < 600 && !killedJob; tries++) {
        const { rows } = await db.query<{ id: string; stored: string }>(
          `SELECT j.id, (SELECT count(*) FROM articles) AS stored FROM ingest_jobs j
         WHERE j.state = 'running' AND j.locked_by LIKE $1`,
          [`%:${victim.pid}`],
        );
        if (rows[0] && Number(rows[0].stored) > 0) {
          victim.kill('SIGKILL');
          killedJob = rows[0].id;
        } else await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(killedJob, 'the first worker never held a job').not.toBeNull();
      expect(await exited(victim)).toBeNull(); // killed by the signal
      expect(await exited(workers[1]!)).toBe(0);
      expect(await exited(workers[2]!)).toBe(0);

      const jobs = await db.query<{ state: string; attempts: number; id: string }>(
        'SELECT id, state, attempts FROM ingest_jobs ORDER BY id',
      );
      expect(jobs.rows.map((job) => job.state)).toEqual(Array(FILES).fill('done'));
      // The killed worker's job was taken over after its lease ran out.
      expect(jobs.rows.find((job) => job.id === killedJob)!.attempts).toBeGreaterThanOrEqual(2);
      // The same rows as one process ingesting the same files: every article once, none lost.
      const reference = createSqliteStore({ path: path.join(tempDir('workers'), 'reference.db') });
      expect(await ingestSources(files, { store: reference, maxFileBytes: 20e6 })).toMatchObject({
        added: FILES * ARTICLES_PER_FILE,
        failed: 0,
      });
      const counts = await db.query<{ articles: string; hashes: string; passages: string }>(
        `SELECT count(*) AS articles, count(DISTINCT content_hash) AS hashes,
              (SELECT count(*) FROM passages) AS passages FROM articles`,
      );
      const expected = await reference.corpusState();
      await reference.close();
      expect(counts.rows[0]).toEqual({
        articles: String(FILES * ARTICLES_PER_FILE),
        hashes: String(FILES * ARTICLES_PER_FILE),
        passages: String(expected.passages),
      });
      // The search index agrees with the rows: every passage indexed and logged once, the counts BM25 uses exact.
      const index = await db.query<{ consistent: boolean }>(
        `SELECT (SELECT passages FROM corpus_stats) = (SELECT count(*) FROM passages)
          AND (SELECT tokens FROM corpus_stats) = (SELECT sum(tf) FROM postings)
          AND (SELECT tokens FROM corpus_stats) = (SELECT sum(length) FROM passages)
          AND (SELECT articles FROM corpus_stats) = (SELECT count(*) FROM articles)
          -- The change log that in-process indexes follow: every passage logged as added once.
          AND (SELECT count(DISTINCT passage_rowid) FROM index_log WHERE added) = (SELECT count(*) FROM passages)
          AND (SELECT count(*) FROM index_log WHERE added) = (SELECT count(*) FROM passages) AS consistent`,
      );
      expect(index.rows[0]!.consistent).toBe(true);
    } finally {
      await db.end();
    }
  });

  it('refuses --queue and worker without a PostgreSQL database, saying what to pass', async () => {
    const child = spawn(process.execPath, [CLI, 'worker', '--db', path.join(tempDir('workers'), 'x.db')], {
      stdio: 'pipe',
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toMatch(/shared PostgreSQL database: pass --db postgres:\/\/… or set VERITY_DATABASE_URL/);
  });
});
