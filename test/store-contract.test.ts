import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { splitPassages } from '../src/analyze/split-passages.js';
import { loadConfig } from '../src/config.js';
import { contentHash } from '../src/ingest/content-hash.js';
import { createStore } from '../src/store/create-store.js';
import { createPostgresStore } from '../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { withSearchIndex } from '../src/search-index/indexed-store.js';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  migrate as migrateSqlite,
  SCHEMA_VERSION as SQLITE_SCHEMA,
} from '../src/store/sqlite/sqlite-migrations.js';
import {
  migrate as migratePostgres,
  SCHEMA_VERSION as POSTGRES_SCHEMA,
} from '../src/store/postgres/postgres-migrations.js';
import type { ArticleInput, Store, StoredCheck } from '../src/store/store.js';
import type { ExtractedArticle, Report } from '../src/types.js';
import { startLocalPostgres, type LocalPostgres } from '../scripts/lib/postgres-server.js';
import { tempDir } from './helpers/shared.js';

let postgres: LocalPostgres;
beforeAll(async () => {
  postgres = await startLocalPostgres();
});
afterAll(() => postgres?.stop());

/** One contract suite for every Store backend: SQLite in a real file, PostgreSQL on a real server. */
const sqliteFile = async () => createSqliteStore({ path: path.join(tempDir('store'), 'verity.db') });
const postgresDatabase = async () => createPostgresStore({ url: await postgres.freshDatabaseUrl() });
const silent = { file: null, log: () => {} };
/** Each backend alone, and with passage search on the in-process index: all must keep the contract. */
const BACKENDS: Array<[string, () => Promise<Store>]> = [
  ['sqlite (file)', sqliteFile],
  ['postgres (server started by the test)', postgresDatabase],
  ['sqlite + in-process search index', async () => withSearchIndex(await sqliteFile(), silent)],
  ['postgres + in-process search index', async () => withSearchIndex(await postgresDatabase(), silent)],
];

function articleInput(
  source: string,
  title: string,
  text: string,
  extra: Partial<ExtractedArticle> = {},
): ArticleInput {
  const article: ExtractedArticle = {
    title,
    standfirst: null,
    authors: ['Ana Ruiz'],
    outlet: 'News Test',
    section: null,
    published: '2024-05-01',
    updated: null,
    dateline: null,
    language: 'en',
    url: `https://news.test/${source}`,
    text,
    ...extra,
  };
  return { source, article, contentHash: contentHash(article), passages: splitPassages(text) };
}

const NOW = new Date('2025-01-02T03:04:05Z');

describe.each(BACKENDS)('Store contract: %s', (_name, create) => {
  let store: Store;
  beforeEach(async () => {
    store = await create();
  });
  afterEach(() => store.close());

  it('keeps each sentence exactly, stored as a span of its passage (emoji, accents, any input)', async () => {
    const text = 'Crowds cheered 🎉 in São Paulo. The vote — 217 to 212 — passed! Was it close? Yes.';
    const input = articleInput('u', 'Vote', text);
    // A passage that is not its sentences joined by spaces (built by some other splitter).
    input.passages.push({ text: 'Line one.\nLine two.', sentences: ['Line one.', 'Line two.'] });
    await store.putArticle(input, NOW);
    const ids = input.passages.map((_, ordinal) => `${input.contentHash.slice(0, 16)}:${ordinal}`);
    const stored = await store.sentencesOf(ids);
    expect(ids.map((id) => stored.get(id)!.map((sentence) => sentence.text))).toEqual(
      input.passages.map((passage) => passage.sentences),
    );
  });

  it('stores an article once, with passages, sentences and corpus state', async () => {
    const input = articleInput(
      'a',
      'Dam opens',
      'The new dam opened on Monday. It cost two billion dollars.\n\nFarmers welcomed the water.',
    );
    expect(await store.putArticle(input, NOW)).toBe('added');
    expect(await store.putArticle(input, NOW)).toBe('skipped');
    expect(await store.hasContent(input.contentHash)).toBe(true);
    expect(await store.hasContent('0'.repeat(64))).toBe(false);
    expect(await store.corpusState()).toEqual({ articles: 1, passages: 1, lastIngestAt: NOW.toISOString() });
    const published = input.article.published!.slice(0, 10);
    expect(await store.articlesPublishedBy(published)).toBe(1);
    expect(await store.articlesPublishedBy('1999-01-01')).toBe(0);
    const [hit] = await store.searchPassages({ terms: ['dam'], limit: 5 });
    expect(hit!.article).toMatchObject({ title: 'Dam opens', authors: ['Ana Ruiz'], source: 'a' });
    const sentences = (await store.sentencesOf([hit!.passage.id, 'missing:0']))!;
    expect(sentences.get(hit!.passage.id)!.map((sentence) => sentence.text)).toEqual([
      'The new dam opened on Monday.',
      'It cost two billion dollars.',
      'Farmers welcomed the water.',
    ]);
    expect(sentences.get('missing:0')).toEqual([]);
    expect((await store.getPassage(hit!.passage.id))?.article.id).toBe(hit!.article.id);
    expect(await store.getPassage('missing:0')).toBeNull();
    expect((await store.getArticle(hit!.article.id))?.text).toBe(input.article.text);
    expect(await store.getArticle('missing')).toBeNull();
    // Search results carry the article's fields but not its text; the text comes by id, once per id.
    expect(hit!.article).not.toHaveProperty('text');
    expect((await store.passagesByRowid([1]))[0]?.article).not.toHaveProperty('text');
    const texts = await store.articleTexts([hit!.article.id, 'missing', hit!.article.id]);
    expect([...texts]).toEqual([[hit!.article.id, input.article.text]]);
  });

  it('ranks by BM25, stems terms, and treats user text as terms, not query syntax', async () => {
    await store.putArticle(
      articleInput('a', 'One', 'Floods closed roads. Floods closed schools. Floods everywhere.'),
      NOW,
    );
    await store.putArticle(
      articleInput('b', 'Two', 'A flood warning was issued for the valley and the river.'),
      NOW,
    );
    const hits = await store.searchPassages({ terms: ['flooding'], limit: 5 });
    expect(hits.map((hit) => hit.article.source)).toEqual(['a', 'b']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    expect(await store.searchPassages({ terms: ['"flood OR NEAR('], limit: 5 })).toEqual([]);
    expect(
      (await store.searchPassages({ terms: ['AND'], limit: 5 })).map((hit) => hit.article.source),
    ).toEqual(['b']);
    // A term of several words is a phrase: its words in that order.
    expect(
      (await store.searchPassages({ terms: ['flood warning'], limit: 5 })).map((hit) => hit.article.source),
    ).toEqual(['b']);
    expect(await store.searchPassages({ terms: ['warning flood'], limit: 5 })).toEqual([]);
    expect(await store.documentFrequencies(['flood', 'valley', 'absent', 'flood warning', ''])).toEqual(
      new Map([
        ['flood', 2],
        ['valley', 1],
        ['absent', 0],
        ['flood warning', 1],
        ['', 0],
      ]),
    );
    expect(await store.searchPassages({ terms: ['flood'], limit: 1 })).toHaveLength(1);
  });

  it('replaces a changed source in search but keeps the earlier version', async () => {
    await store.putArticle(articleInput('a', 'Fire', 'A fire broke out downtown.'), NOW);
    const old = (await store.searchPassages({ terms: ['fire'], limit: 5 }))[0]!;
    expect(
      await store.putArticle(
        articleInput('a', 'Fire', 'A fire broke out downtown. Two people were hurt.'),
        NOW,
      ),
    ).toBe('updated');
    const hits = await store.searchPassages({ terms: ['fire'], limit: 5 });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.passage.text).toContain('Two people were hurt');
    expect((await store.getPassage(old.passage.id))?.text).toBe('A fire broke out downtown.');
    expect((await store.corpusState()).articles).toBe(1);
    expect((await store.corpusState()).passages).toBe(1);
    expect(await store.documentFrequencies(['fire'])).toEqual(new Map([['fire', 1]]));
  });

  it('logs every change to search in order, for indexes that follow the store', async () => {
    expect(await store.lastIndexChange()).toBe(0);
    await store.putArticle(articleInput('a', 'Fire', 'A fire broke out downtown.'), NOW);
    await store.putArticle(articleInput('b', 'Flood', 'The river rose.', { published: null }), NOW);
    await store.putArticle(articleInput('a', 'Fire', 'A fire broke out downtown. Two were hurt.'), NOW);
    const changes = await store.indexChanges(0, 100);
    expect(changes.map((change) => [change.added, change.text])).toEqual([
      [true, 'A fire broke out downtown.'],
      [true, 'The river rose.'],
      [true, 'A fire broke out downtown. Two were hurt.'],
      [false, null],
    ]);
    expect(changes.map((change) => change.published)).toEqual(['2024-05-01', null, '2024-05-01', null]);
    // The removal names the first version's passage; sequence numbers only grow.
    expect(changes[3]!.rowid).toBe(changes[0]!.rowid);
    const seqs = changes.map((change) => change.seq);
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await store.lastIndexChange()).toBe(seqs.at(-1));
    expect((await store.indexChanges(seqs[1]!, 1)).map((change) => change.seq)).toEqual([seqs[2]]);
    const [first, river] = changes;
    const found = await store.passagesByRowid([river!.rowid, 987_654, first!.rowid]);
    expect(found.map((passage) => [passage.rowid, passage.text, passage.article.source])).toEqual([
      [river!.rowid, 'The river rose.', 'b'],
      [first!.rowid, 'A fire broke out downtown.', 'a'],
    ]);
    expect(await store.storeId()).toMatch(/^[0-9a-f]{32}$/);
    const other = await create();
    expect(await other.storeId()).not.toBe(await store.storeId());
    await other.close();
  });

  it('stores a batch in one transaction, and none of it when one article fails', async () => {
    const batch = [
      articleInput('x', 'X', 'The river rose.'),
      articleInput('y', 'Y', 'The bridge held.'),
      articleInput('x', 'X', 'The river rose.'),
    ];
    expect(await store.putArticles(batch, NOW)).toEqual(['added', 'added', 'skipped']);
    const broken = { ...articleInput('z', 'Z', 'The dam broke.'), syndicateWith: null };
    // A passage with no text array cannot be stored: the whole batch is rolled back.
    const bad = {
      ...articleInput('w', 'W', 'Rain fell.'),
      passages: null as unknown as ArticleInput['passages'],
    };
    await expect(store.putArticles([broken, bad], NOW)).rejects.toThrow();
    expect(await store.hasContent(broken.contentHash)).toBe(false);
    expect((await store.corpusState()).articles).toBe(2);
  });

  it('keeps syndication groups: band candidates, one group for a copy, oldest first', async () => {
    const signature = Uint32Array.from({ length: 8 }, (_, index) => index * 7 + 1);
    const first = {
      ...articleInput('wire', 'Storm', 'A storm hit the coast on Monday.', { published: '2024-05-01' }),
      signature,
      bandKeys: ['b1', 'b2'],
    };
    const copy = {
      ...articleInput('copy', 'Storm', 'A storm hit the coast on Monday, officials said.', {
        published: '2024-05-02',
      }),
      signature,
      bandKeys: ['b2', 'b3'],
    };
    await store.putArticle(first, NOW);
    const [candidate] = await store.similarCandidates(['b2', 'zz']);
    expect(candidate!.articleId).toBe(first.contentHash.slice(0, 16));
    expect([...candidate!.signature]).toEqual([...signature]);
    expect(await store.similarCandidates([])).toEqual([]);
    await store.putArticle({ ...copy, syndicateWith: candidate!.articleId }, NOW);
    const group = (await store.getArticle(candidate!.articleId))!.syndicationGroup!;
    expect((await store.syndicationGroup(group)).map((article) => article.source)).toEqual(['wire', 'copy']);
  });

  it('stores checks, re-saves one id in place, and lists the latest of each question', async () => {
    const check = (id: string, question: string, createdAt: string): StoredCheck => ({
      id,
      question,
      asOf: '2025-01-01',
      createdAt,
      previousId: null,
      report: {
        question,
        corpus: { articles: 1, passages: 1, lastIngestAt: null },
        verdict: { label: 'unsettled' },
        nested: { order: ['kept', 'as', 'written'], z: 1, a: 2 },
      } as unknown as Report,
    });
    await store.saveCheck(check('c1', 'Did the dam open?', '2025-01-01T00:00:00.000Z'));
    await store.saveCheck(check('c2', 'Did the dam open?', '2025-01-02T00:00:00.000Z'));
    await store.saveCheck(check('c3', 'Did the bridge hold?', '2025-01-03T00:00:00.000Z'));
    await store.saveCheck({
      ...check('c3', 'Did the bridge hold?', '2025-01-04T00:00:00.000Z'),
      previousId: 'c1',
    });
    const stored = (await store.getCheck('c3'))!;
    // The report comes back as written, key order and all (a stored check renders the same).
    expect(JSON.stringify(stored.report)).toBe(
      JSON.stringify(check('c3', 'Did the bridge hold?', '').report),
    );
    expect(stored.createdAt).toBe('2025-01-04T00:00:00.000Z');
    expect(await store.getCheck('none')).toBeNull();
    expect((await store.latestChecks()).map((item) => item.id)).toEqual(['c3', 'c2']);
  });
});

describe('upgrading a database written before sentences were spans', () => {
  const ROWS = {
    article: [
      'a1',
      'file.txt',
      'h1',
      '[]',
      'Rain fell. It flooded 🌊 the town.\n\nOdd passage.',
      '2025-01-01T00:00:00Z',
    ],
    passages: [
      ['a1:0', 'a1', 0, 'Rain fell. It flooded 🌊 the town.'],
      ['a1:1', 'a1', 1, 'Odd passage.'],
    ],
    sentences: [
      ['a1:0', 0, 'Rain fell.'],
      ['a1:0', 1, 'It flooded 🌊 the town.'],
      ['a1:1', 0, 'Not the passage text at all.'],
    ],
  } as const;
  const EXPECTED = new Map([
    ['a1:0', ['Rain fell.', 'It flooded 🌊 the town.']],
    ['a1:1', ['Not the passage text at all.']],
  ]);
  const textsOf = (stored: Map<string, Array<{ text: string }>>) =>
    new Map([...stored].map(([id, sentences]) => [id, sentences.map((sentence) => sentence.text)]));

  it('sqlite: moves every sentence into a span (or keeps its text) and drops the copy', async () => {
    const file = path.join(tempDir('store'), 'old.db');
    const db = new Database(file);
    migrateSqlite(db, SQLITE_SCHEMA - 1);
    db.prepare(
      'INSERT INTO articles (id, source, content_hash, authors, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(...ROWS.article);
    for (const row of ROWS.passages)
      db.prepare('INSERT INTO passages (id, article_id, ordinal, text) VALUES (?, ?, ?, ?)').run(...row);
    for (const row of ROWS.sentences)
      db.prepare('INSERT INTO sentences (passage_id, ordinal, text) VALUES (?, ?, ?)').run(...row);
    db.close();
    const store = createSqliteStore({ path: file });
    expect(textsOf(await store.sentencesOf(['a1:0', 'a1:1']))).toEqual(EXPECTED);
    await store.close();
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sentences'").get()).toEqual({
      n: 0,
    });
    expect(after.prepare('SELECT count(*) AS n FROM sentence_spans WHERE text IS NOT NULL').get()).toEqual({
      n: 1,
    });
    after.close();
  });

  it('postgres: the same migration', async () => {
    const url = await postgres.freshDatabaseUrl();
    const pool = new pg.Pool({ connectionString: url });
    const client = await pool.connect();
    await migratePostgres(client, POSTGRES_SCHEMA - 1);
    await client.query(
      'INSERT INTO articles (id, source, content_hash, authors, text, ingested_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [...ROWS.article],
    );
    for (const row of ROWS.passages)
      await client.query(
        'INSERT INTO passages (id, article_id, ordinal, text, length) VALUES ($1, $2, $3, $4, 5)',
        [...row],
      );
    for (const row of ROWS.sentences)
      await client.query('INSERT INTO sentences VALUES ($1, $2, $3)', [...row]);
    client.release();
    await pool.end();
    const store = createPostgresStore({ url });
    expect(textsOf(await store.sentencesOf(['a1:0', 'a1:1']))).toEqual(EXPECTED);
    await store.close();
  });
});

describe('both backends rank alike', () => {
  it('returns the same passages in the same order with the same BM25 for the same corpus, with or without the index', async () => {
    const stores = (await Promise.all(BACKENDS.map(([, create]) => create()))) as Store[];
    const texts = [
      'The council approved the Miller Creek dam on Tuesday by five votes to two.',
      'Councillor Maria Okafor voted against the dam, citing costs.',
      'The dam will cost two billion dollars, the council said. Critics called the vote rushed.',
      'Naïve café owners near the creek welcomed the decision to build.',
      'MS-13 leaders were handed over to El Salvador in March.',
    ];
    for (const store of stores) {
      await store.putArticles(
        texts.map((text, index) => articleInput(`s${index}`, `Story ${index}`, text)),
        NOW,
      );
    }
    for (const store of stores)
      await store.putArticle(
        articleInput('late', 'Later', 'The dam vote was repeated in June.', { published: '2024-06-09' }),
        NOW,
      );
    for (const [terms, publishedBy] of [
      [['dam', 'vote'], undefined],
      [['dam', 'vote'], '2024-05-31'],
      [['council', 'costs', 'creek'], undefined],
      [['naive', 'cafe'], undefined],
      [['ms-13', 'handed'], undefined],
      [['miller creek', 'okafor'], undefined],
      // Two spellings of one term are two phrases to FTS5, and count twice on every backend.
      [['Dam', 'dam', 'votes', 'vote'], undefined],
    ] as Array<[string[], string | undefined]>) {
      const [sqlite, ...others] = await Promise.all(
        stores.map((store) => store.searchPassages({ terms, limit: 10, publishedBy })),
      );
      expect(sqlite!.length).toBeGreaterThan(0);
      for (const hits of others) {
        expect(hits.map((hit) => hit.passage.id)).toEqual(sqlite!.map((hit) => hit.passage.id));
        hits.forEach((hit, index) => expect(hit.score).toBeCloseTo(sqlite![index]!.score, 6));
      }
      const frequencies = await Promise.all(stores.map((store) => store.documentFrequencies(terms)));
      for (const counts of frequencies.slice(1)) expect(counts).toEqual(frequencies[0]);
    }
    const late = await stores[0]!.searchPassages({
      terms: ['dam', 'vote'],
      limit: 10,
      publishedBy: '2024-05-31',
    });
    expect(late.map((hit) => hit.article.source)).not.toContain('late');
    expect(late.length).toBeGreaterThan(0);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('chooses PostgreSQL from a postgres:// URL (VERITY_DATABASE_URL or --db), SQLite otherwise', async () => {
    const url = await postgres.freshDatabaseUrl();
    const fromEnv = createStore(loadConfig({}, { VERITY_DATABASE_URL: url }));
    expect(fromEnv.kind).toBe('postgres');
    await fromEnv.close();
    const fromDb = createStore(loadConfig({ dbPath: url }, {}));
    expect(fromDb.kind).toBe('postgres');
    await fromDb.close();
    const file = path.join(tempDir('store'), 'verity.db');
    expect(loadConfig({ dbPath: file }, { VERITY_DATABASE_URL: url }).databaseUrl).toBeNull();
    expect(() => loadConfig({}, { VERITY_DATABASE_URL: 'mysql://x' })).toThrow(/PostgreSQL URL/);
  });

  it('says which server it cannot reach, without the password, and what to do', async () => {
    const store = createPostgresStore({ url: 'postgres://verity:secret@127.0.0.1:1/none' });
    const failure = store.corpusState();
    await expect(failure).rejects.toThrow(
      /Cannot open the Verity database at postgres:\/\/verity:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    await expect(failure).rejects.not.toThrow(/secret/);
    await store.close();
  });
});
