import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitPassages } from '../src/analyze/split-passages.js';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { contentHash } from '../src/ingest/content-hash.js';
import { retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { withSearchIndex } from '../src/search-index/indexed-store.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleInput, Store } from '../src/store/store.js';
import type { ExtractedArticle } from '../src/types.js';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { tempDir } from './helpers/shared.js';

const CLI = path.resolve('dist/src/cli/main.js');
const NOW = new Date('2025-01-02T03:04:05Z');
const WORDS = ['dam', 'council', 'vote', 'river', 'flood', 'budget', 'mayor', 'bridge', 'storm', 'court'];

function article(source: string, text: string, published: string | null = '2024-05-01'): ArticleInput {
  const extracted: ExtractedArticle = {
    title: source,
    standfirst: null,
    authors: [],
    outlet: 'News Test',
    section: null,
    published,
    updated: null,
    dateline: null,
    language: 'en',
    url: `https://news.test/${source}`,
    text,
  };
  return { source, article: extracted, contentHash: contentHash(extracted), passages: splitPassages(text) };
}

/** Seeded filler text, so that BM25 has real frequencies to weigh. */
function corpus(count: number, seed = 7, prefix = 's'): ArticleInput[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, index) => {
    const words = Array.from(
      { length: 12 + Math.floor(next() * 20) },
      () => WORDS[Math.floor(next() * WORDS.length)],
    );
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    return article(
      `${prefix}${index}`,
      `${words.join(' ')} in Miller Creek.`,
      next() < 0.1 ? null : `2024-0${1 + (index % 9)}-${day}`,
    );
  });
}

const QUERIES: Array<{ terms: string[]; publishedBy?: string }> = [
  { terms: ['dam', 'vote'] },
  { terms: ['flood', 'river', 'storm'], publishedBy: '2024-04-15' },
  { terms: ['miller creek', 'mayor'] },
  { terms: ['court'] },
  { terms: ['nothing-like-this'] },
];

async function sameSearch(reference: Store, indexed: Store): Promise<void> {
  for (const query of QUERIES) {
    const [expected, actual] = await Promise.all(
      [reference, indexed].map((store) => store.searchPassages({ ...query, limit: 25 })),
    );
    expect(actual!.map((hit) => hit.passage.id)).toEqual(expected!.map((hit) => hit.passage.id));
    actual!.forEach((hit, rank) => expect(hit.score).toBeCloseTo(expected![rank]!.score, 9));
    expect(await indexed.documentFrequencies(query.terms)).toEqual(
      await reference.documentFrequencies(query.terms),
    );
  }
}

describe('the in-process search index', () => {
  const dir = tempDir('search-index');
  let server: LocalPostgres;
  beforeAll(async () => {
    server = await startLocalPostgres();
  });
  afterAll(() => server?.stop());

  it.each(['sqlite', 'postgres'])(
    'follows writes made by other processes on %s, updates included',
    async (backend) => {
      const url = backend === 'postgres' ? await server.freshDatabaseUrl() : null;
      const file = path.join(dir, `${backend}-follow.db`);
      const open = () => (url ? createPostgresStore({ url }) : createSqliteStore({ path: file }));
      const writer = open();
      const reader = open();
      const indexed = withSearchIndex(open(), { file: null, log: () => {} });
      await writer.putArticles(corpus(300), NOW);
      await sameSearch(reader, indexed);
      // Another writer adds articles and replaces some: the index catches up before its next search.
      await writer.putArticles(corpus(40, 99, 'n'), NOW);
      await writer.putArticle(article('s3', 'The court threw out the dam vote.'), NOW);
      await writer.putArticle(article('s4', 'Mayor resigns over bridge budget.'), NOW);
      await sameSearch(reader, indexed);
      expect(
        (await indexed.searchPassages({ terms: ['resigns'], limit: 5 })).map((hit) => hit.article.source),
      ).toEqual(['s4']);
      const status = await indexed.indexStatus();
      expect(status).toMatchObject({ seq: status.storeSeq, passages: 340, removed: 2 });
      await Promise.all([writer, reader, indexed].map((store) => store.close()));
    },
  );

  it('saves to a file, reloads it, replays only newer changes, and rebuilds when the file is damaged or foreign', async () => {
    const db = path.join(dir, 'saved.db');
    const file = `${db}.search-index`;
    const notes: string[] = [];
    const open = () =>
      withSearchIndex(createSqliteStore({ path: db }), { file, log: (note) => notes.push(note) });
    const first = open();
    await first.putArticles(corpus(200), NOW);
    await first.searchPassages({ terms: ['dam'], limit: 5 });
    await first.close();
    expect(fs.existsSync(file)).toBe(true);

    const plain = createSqliteStore({ path: db });
    await plain.putArticle(article('late', 'A storm hit the dam at night.'), NOW);
    const second = open();
    await sameSearch(plain, second);
    expect(notes).toEqual([]);
    expect(await second.indexStatus()).toMatchObject({ seq: await plain.lastIndexChange(), passages: 201 });
    await second.close();

    // A file of the earlier format (a SHA-1 of the body, not a CRC-32) is still read, not rebuilt.
    writeAsFormat2(file);
    const older = open();
    await sameSearch(plain, older);
    expect(notes).toEqual([]);
    await older.close();

    // A flipped byte: the checksum refuses the file, the index is rebuilt, the answers do not change.
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const damaged = open();
    await sameSearch(plain, damaged);
    expect(notes.at(-1)).toMatch(
      /cannot be used \(its checksum does not match.*rebuilding it from the store/,
    );
    await damaged.close();

    // Cut short (a torn copy): refused for its length.
    fs.truncateSync(file, fs.statSync(file).size - 50);
    const torn = open();
    await sameSearch(plain, torn);
    expect(notes.at(-1)).toMatch(/cannot be used \(.*bytes where its header implies/);
    await torn.close();

    // Another database's index under this name is never used.
    const otherDb = path.join(dir, 'other.db');
    const other = withSearchIndex(createSqliteStore({ path: otherDb }), {
      file,
      log: (note) => notes.push(note),
    });
    await other.putArticle(article('x', 'Unrelated text about a bridge.'), NOW);
    await other.searchPassages({ terms: ['bridge'], limit: 1 });
    expect(notes.at(-1)).toMatch(/built from another database/);
    await other.close();
    const back = open();
    await sameSearch(plain, back);
    expect(notes.at(-1)).toMatch(/built from another database/);
    await back.close();
    await plain.close();
  });

  it('rebuilds an index that is ahead of its store (a database restored from a backup)', async () => {
    const db = path.join(dir, 'restored.db');
    const file = `${db}.search-index`;
    const notes: string[] = [];
    const open = () =>
      withSearchIndex(createSqliteStore({ path: db }), { file, log: (note) => notes.push(note) });
    const store = open();
    await store.putArticles(corpus(50), NOW);
    await store.close();
    fs.copyFileSync(db, `${db}.backup`);
    const later = open();
    await later.putArticles(corpus(50, 3, 'n'), NOW);
    await later.searchPassages({ terms: ['dam'], limit: 1 });
    await later.close();
    fs.copyFileSync(`${db}.backup`, db);
    const restored = open();
    const plain = createSqliteStore({ path: db });
    await sameSearch(plain, restored);
    expect(notes.at(-1)).toMatch(/ahead of the store/);
    await Promise.all([restored.close(), plain.close()]);
  });

  it('applies --as-of inside the search, so a past date still fills the pool', async () => {
    const store = withSearchIndex(createSqliteStore({ path: ':memory:' }), { file: null });
    const later = Array.from({ length: 120 }, (_, index) =>
      article(
        `later${index}`,
        `The dam vote passed. The dam vote was close. Dam vote ${index}.`,
        '2024-09-01',
      ),
    );
    const earlier = Array.from({ length: 5 }, (_, index) =>
      article(
        `earlier${index}`,
        `Before the dam vote, the council met about the river (${index}).`,
        '2024-03-01',
      ),
    );
    await store.putArticles([...later, ...earlier], NOW);
    const claim = analyzeClaim('Did the council hold a dam vote?');
    const past = await retrievePassages(store, claim, { asOf: '2024-06-30', pool: 100 });
    expect(past.map((hit) => hit.article.source).sort()).toEqual(earlier.map((input) => input.source).sort());
    const now = await retrievePassages(store, claim, { pool: 100 });
    expect(now.length).toBeGreaterThanOrEqual(100);
    await store.close();
  });

  it('`verity reindex` rebuilds and saves the index; `verity check` gives the same report with it or without', () => {
    const db = path.join(dir, 'cli.db');
    const sources = path.join(dir, 'cli.jsonl');
    fs.writeFileSync(
      sources,
      corpus(80)
        .map((input) =>
          JSON.stringify({
            text: input.article.text,
            url: input.article.url,
            published: input.article.published,
          }),
        )
        .join('\n'),
    );
    execFileSync(process.execPath, [CLI, 'ingest', '--no-progress', '--db', db, sources], {
      encoding: 'utf8',
    });
    const output = execFileSync(process.execPath, [CLI, 'reindex', '--db', db], { encoding: 'utf8' });
    expect(output).toMatch(
      new RegExp(
        `Indexed 80 passages \\(\\d+ terms, \\d+ postings, .* MB\\) of .*cli\\.db in .* s; saved to .*cli\\.db\\.search-index\\.`,
      ),
    );
    expect(fs.existsSync(`${db}.search-index`)).toBe(true);
    const check = (env: NodeJS.ProcessEnv) =>
      execFileSync(
        process.execPath,
        [
          CLI,
          'check',
          '--no-save',
          '--format',
          'json',
          '--db',
          db,
          '--as-of',
          '2024-12-31',
          'Did the council approve the dam vote?',
        ],
        { encoding: 'utf8', env: { ...process.env, ...env } },
      );
    expect(check({ VERITY_SEARCH_INDEX: '1' })).toBe(check({ VERITY_SEARCH_INDEX: 'off' }));
  });
});

/** Rewrites a saved index in format 2: the same body under a header with a SHA-1 of it. */
function writeAsFormat2(file: string): void {
  const bytes = fs.readFileSync(file);
  const headerLength = bytes.readUInt32LE(8);
  const body = bytes.subarray(Math.ceil((12 + headerLength) / 8) * 8);
  const header = JSON.parse(bytes.subarray(12, 12 + headerLength).toString('utf8')) as Record<
    string,
    unknown
  >;
  delete header.crc32;
  const json = Buffer.from(
    JSON.stringify({ ...header, version: 2, sha1: createHash('sha1').update(body).digest('hex') }),
  );
  const prefix = Buffer.alloc(Math.ceil((12 + json.length) / 8) * 8);
  bytes.copy(prefix, 0, 0, 8);
  prefix.writeUInt32LE(json.length, 8);
  json.copy(prefix, 12);
  fs.writeFileSync(file, Buffer.concat([prefix, body]));
}
