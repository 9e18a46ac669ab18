import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildSampleCorpus } from '../scripts/lib/sample-corpus.js';
import { HAS_SHARED, SEED_ARTICLE, SHARED, tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');

function countArticles(db: string): number {
  try {
    const connection = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (connection.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      connection.close();
    }
  } catch {
    return 0; // not created yet, or the schema is being written
  }
}

describe.skipIf(!HAS_SHARED)('crash safety', () => {
  it('loses and duplicates nothing when ingest is killed with SIGKILL and run again', async () => {
    const dir = tempDir('crash');
    const db = path.join(dir, 'verity.db');
    const corpus = buildSampleCorpus(SHARED, path.join(dir, 'sample'));
    const child = spawn(process.execPath, [CLI, 'ingest', '--no-progress', '--db', db, ...corpus.inputs], {
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (countArticles(db) < 300) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGKILL');
    await exited;
    const before = countArticles(db);
    expect(before).toBeGreaterThanOrEqual(300);
    expect(before).toBeLessThan(corpus.articleCount);

    const output = execFileSync(process.execPath, [CLI, 'ingest', '--db', db, ...corpus.inputs], {
      encoding: 'utf8',
    });
    expect(output).toContain(
      `added ${corpus.articleCount - before}, updated 0, skipped ${before} (unchanged), failed 0`,
    );
    const connection = new Database(db);
    const row = connection
      .prepare(
        'SELECT count(*) AS n, count(DISTINCT content_hash) AS hashes, count(DISTINCT source) AS sources FROM articles',
      )
      .get() as { n: number; hashes: number; sources: number };
    expect(row).toEqual({
      n: corpus.articleCount,
      hashes: corpus.articleCount,
      sources: corpus.articleCount,
    });
    // The full-text index matches the passages table exactly after the crash.
    connection.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");
    connection.close();
  });
});

describe.skipIf(!HAS_SHARED)('verity extract', () => {
  it('prints one JSON object per input with source, metadata and body text, reading .html.gz', () => {
    const dir = tempDir('extract');
    const page = path.join(
      SHARED,
      'data',
      'readability-test-pages',
      'test',
      'test-pages',
      'nytimes-1',
      'source.html',
    );
    const gz = path.join(dir, 'page.html.gz');
    execFileSync('sh', ['-c', `gzip -c "${page}" > "${gz}"`]);
    const lines = execFileSync(process.execPath, [CLI, 'extract', '--format', 'jsonl', gz, SEED_ARTICLE], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      source: gz,
      title: 'United States to Lift Sudan Sanctions',
      authors: ['Jeffrey Gettleman'],
    });
    expect(String(lines[0]!.text)).toContain(
      'the American government plans to reverse its position on Sudan',
    );
    expect(lines[1]).toMatchObject({
      source: SEED_ARTICLE,
      authors: ['Serdar Dincel'],
      published: '2025-10-19',
      dateline: 'ISTANBUL',
    });
    const readable = execFileSync(process.execPath, [CLI, 'extract', SEED_ARTICLE], { encoding: 'utf8' });
    expect(readable).toMatch(/^source +.*000_50b43f6c831de683\.txt\ntitle +Rubio agreed/);
  });

  it('reports a bad file and goes on with the rest', () => {
    const dir = tempDir('extract-bad');
    const empty = path.join(dir, 'empty.html');
    fs.writeFileSync(empty, '');
    let stderr = '';
    let stdout = '';
    try {
      execFileSync(process.execPath, [CLI, 'extract', '--format', 'jsonl', empty, SEED_ARTICLE], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const failed = error as { status: number; stderr: string; stdout: string };
      expect(failed.status).toBe(2);
      stderr = failed.stderr;
      stdout = failed.stdout;
    }
    expect(stderr).toContain('empty.html: file is empty');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
