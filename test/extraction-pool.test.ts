import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { extractArticle } from '../src/extract/extract-article.js';
import type { Extractor } from '../src/extract/extraction-pool.js';
import { ingestSources } from '../src/ingest/ingest-sources.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { HAS_SHARED, READABILITY_PAGES, tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');

/** Rows that must not depend on how pages were extracted: articles and passages, in storage order. */
function rows(db: string): unknown {
  const handle = new Database(db, { readonly: true });
  const dump = [
    handle
      .prepare('SELECT id, source, title, published, syndication_group FROM articles ORDER BY rowid')
      .all(),
    handle.prepare('SELECT id, text FROM passages ORDER BY rowid').all(),
  ];
  handle.close();
  return dump;
}

describe('extraction in parallel, each page under a deadline', () => {
  it('stores pages in source order while later ones are still extracting, and a failing page fails alone', async () => {
    const dir = tempDir('pool-order');
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const name of names)
      fs.writeFileSync(
        path.join(dir, `${name}.html`),
        `<html><head><title>Story ${name}</title></head><body><article><p>${`Report ${name} on the harbour works and the council vote. `.repeat(8)}</p></article></body></html>`,
      );
    // Slower pages first, and one that fails: storage order must still be the order of the files.
    const delays: Record<string, number> = { a: 60, b: 5, c: 40, d: 0, e: 20 };
    const started: string[] = [];
    const extractor: Extractor = {
      parallelism: 3,
      async extract(source, content, kind, url) {
        const name = path.basename(source, '.html');
        started.push(name);
        await new Promise((resolve) => setTimeout(resolve, delays[name]));
        if (name === 'c') throw new InputError(source, 'took longer than 1 s to extract; skipped');
        return extractArticle(content, kind, url);
      },
      close: async () => {},
    };
    const store = createSqliteStore({ path: path.join(dir, 'verity.db') });
    const summary = await ingestSources([dir], { store, maxFileBytes: 1e6, extractor });
    expect(summary).toMatchObject({ added: 4, failed: 1 });
    expect(summary.failures).toEqual([
      {
        source: path.join(dir, 'c.html'),
        status: 'failed',
        reason: 'took longer than 1 s to extract; skipped',
      },
    ]);
    await store.close();
    const stored = rows(path.join(dir, 'verity.db')) as [Array<{ title: string }>, unknown];
    expect(stored[0].map((article) => article.title)).toEqual(['Story a', 'Story b', 'Story d', 'Story e']);
    // More than one page was being extracted at a time.
    expect(started.slice(0, 3)).toEqual(['a', 'b', 'c']);
  });

  it.skipIf(!HAS_SHARED)(
    'verity ingest: worker threads give the same rows as one thread, and a page of 200,000 nested elements fails alone within its deadline',
    () => {
      const dir = tempDir('pool-cli');
      const pages = path.join(dir, 'pages');
      fs.mkdirSync(pages);
      for (const name of fs.readdirSync(READABILITY_PAGES).sort().slice(0, 30))
        fs.copyFileSync(path.join(READABILITY_PAGES, name, 'source.html'), path.join(pages, `${name}.html`));
      const run = (db: string, threads: number, extra: string[] = []) =>
        execFileSync(
          process.execPath,
          [CLI, 'ingest', '--no-progress', '--db', db, '--extract-threads', String(threads), pages, ...extra],
          {
            encoding: 'utf8',
            // The markup budget would refuse the page unparsed: raised here so that the deadline is what stops it.
            env: {
              ...process.env,
              VERITY_EXTRACT_TIMEOUT_MS: '3000',
              VERITY_MAX_DOM_DEPTH: '1000000',
              VERITY_MAX_DOM_ELEMENTS: '10000000',
            },
          },
        );
      const one = path.join(dir, 'one.db');
      expect(run(one, 0)).toMatch(/added 30, updated 0, skipped 0 \(unchanged\), failed 0/);
      // The page that stalled ingest for minutes: it is stopped, reported, and nothing else is lost.
      const nested = path.join(dir, 'nested.html');
      fs.writeFileSync(
        nested,
        `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`,
      );
      const two = path.join(dir, 'two.db');
      const started = performance.now();
      let output = '';
      try {
        run(two, 2, [nested]);
      } catch (error) {
        output = (error as { stdout: string }).stdout;
      }
      expect(performance.now() - started).toBeLessThan(60_000);
      expect(output).toMatch(/added 30, updated 0, skipped 0 \(unchanged\), failed 1/);
      expect(output).toContain(`failed  ${nested}: took longer than 3 s to extract`);
      expect(rows(two)).toEqual(rows(one));
    },
  );
});
