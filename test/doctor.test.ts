import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');

function doctor(db: string, ...flags: string[]): { status: number; output: string } {
  const run = spawnSync(process.execPath, [CLI, 'doctor', '--db', db, ...flags], {
    encoding: 'utf8',
    env: { ...process.env, VERITY_DATABASE_URL: '' },
  });
  return { status: run.status ?? -1, output: run.stdout + run.stderr };
}

/** A small corpus of text files, one of which is then changed (its old version superseded). */
function writeCorpus(dir: string): string[] {
  const files = Array.from({ length: 12 }, (_, i) => {
    const file = path.join(dir, `article-${i}.txt`);
    fs.writeFileSync(
      file,
      `HARBOUR REPORT ${i}\n\nThe harbour authority counted ${100 + i} ships in port number ${i} during the storm.\n\n` +
        `Officials in district ${i} said repairs to quay ${i} would cost ${i + 2} million euros and take until spring.`,
    );
    return file;
  });
  return files;
}

function ingest(db: string, files: string[]): void {
  execFileSync(process.execPath, [CLI, 'ingest', '--no-progress', '--db', db, ...files], {
    encoding: 'utf8',
    env: { ...process.env, VERITY_DATABASE_URL: '' },
  });
}

function searchHits(db: string, question: string): string {
  return execFileSync(process.execPath, [CLI, 'check', '--db', db, '--format', 'json', question], {
    encoding: 'utf8',
    env: { ...process.env, VERITY_DATABASE_URL: '' },
  });
}

describe('verity doctor on SQLite', () => {
  const dir = tempDir('doctor-sqlite');
  const db = path.join(dir, 'verity.db');
  const files = writeCorpus(dir);

  beforeAll(() => {
    ingest(db, files);
    // A changed source supersedes its old version: the old passages leave search, which is no fault.
    fs.appendFileSync(files[0]!, '\n\nA later update: the quay reopened on Friday.');
    ingest(db, files);
  });

  it('passes a healthy database, superseded versions included', () => {
    const run = doctor(db);
    expect(run.output).toContain('All checks pass.');
    expect(run.status).toBe(0);
  });

  it('finds passages missing from FTS5 and the change log, and an article without passages; --repair mends them', () => {
    const connection = new Database(db);
    const victim = connection
      .prepare(
        'SELECT p.rowid, p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL AND a.source LIKE ? LIMIT 1',
      )
      .get('%article-7.txt') as { rowid: number; text: string };
    connection
      .prepare("INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', ?, ?)")
      .run(victim.rowid, victim.text);
    connection.prepare('DELETE FROM index_log WHERE passage_rowid = ?').run(victim.rowid);
    connection
      .prepare(
        `INSERT INTO articles (id, source, content_hash, authors, text, ingested_at) VALUES ('deadbeefdeadbeef', '/lost/half-written.txt', 'h', '[]', 'x', '2026-01-01')`,
      )
      .run();
    connection.close();
    // The saved in-process index was built before the damage: remove it so it is rebuilt from the damaged log.
    fs.rmSync(`${db}.search-index`, { force: true });

    const found = doctor(db);
    expect(found.status).toBe(1);
    expect(found.output).toMatch(
      /PROBLEM\s+articles have passages: 1 articles without passages \(\/lost\/half-written\.txt\)/,
    );
    expect(found.output).toMatch(
      new RegExp(
        `PROBLEM\\s+full-text index \\(FTS5\\) in step: 1 current passages missing \\(rows ${victim.rowid}\\)`,
      ),
    );
    expect(found.output).toMatch(/PROBLEM\s+search change log in step: 1 current passages missing/);
    expect(found.output).toMatch(
      /in-process search index in step: not checked: the checks above must pass first/,
    );

    const repaired = doctor(db, '--repair');
    expect(repaired.status, repaired.output).toBe(0);
    expect(repaired.output.match(/ repaired /g)?.length).toBe(3);
    expect(repaired.output).toMatch(
      /ok\s+in-process search index in step: holds the store's 12 current passages/,
    );
    const again = doctor(db, '--json');
    expect(again.status).toBe(0);
    const findings = JSON.parse(again.output).findings as Array<{ problems: number }>;
    expect(findings.every((finding) => finding.problems === 0)).toBe(true);
    // The passage is searchable again, on both search paths.
    expect(searchHits(db, 'Did repairs to quay 7 cost 9 million euros?')).toContain('quay 7');
    const fts = new Database(db, { readonly: true });
    expect(
      fts.prepare('SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH \'"quay 7"\'').get(),
    ).toEqual({ n: 1 });
    fts.close();
  });
});

describe('verity doctor on PostgreSQL', () => {
  let server: LocalPostgres;
  let url: string;
  const dir = tempDir('doctor-pg');
  const files = writeCorpus(dir);

  beforeAll(async () => {
    server = await startLocalPostgres();
    url = await server.freshDatabaseUrl();
    ingest(url, files);
    fs.appendFileSync(files[0]!, '\n\nA later update: the quay reopened on Friday.');
    ingest(url, files);
  }, 120_000);
  afterAll(async () => server?.stop());

  it('passes a healthy database, then finds and mends lost postings, wrong counts and a gap in the change log', async () => {
    expect(doctor(url).status).toBe(0);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ rowid: string }>(
      `SELECT p.rowid FROM passages p JOIN articles a ON a.id = p.article_id
       WHERE a.superseded_by IS NULL AND a.source LIKE '%article-7.txt' LIMIT 1`,
    );
    const rowid = rows[0]!.rowid;
    await client.query('DELETE FROM postings WHERE passage_rowid = $1', [rowid]);
    await client.query('DELETE FROM index_log WHERE passage_rowid = $1', [rowid]);
    await client.query('UPDATE corpus_stats SET passages = passages + 5');
    await client.end();

    const found = doctor(url);
    expect(found.status).toBe(1);
    expect(found.output).toMatch(
      new RegExp(
        `PROBLEM\\s+postings \\(BM25 index\\) in step: 1 current passages missing \\(rows ${rowid}\\)`,
      ),
    );
    expect(found.output).toMatch(/PROBLEM\s+corpus counts: passages kept as 17, counted 12/);
    expect(found.output).toMatch(/PROBLEM\s+search change log in step: 1 current passages missing/);

    const repaired = doctor(url, '--repair');
    expect(repaired.status, repaired.output).toBe(0);
    const again = doctor(url);
    expect(again.output).toContain('All checks pass.');
    expect(again.status).toBe(0);
    expect(searchHits(url, 'Did repairs to quay 7 cost 9 million euros?')).toContain('quay 7');
  });
});
