import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitPassages } from '../src/analyze/split-passages.js';
import { contentHash } from '../src/ingest/content-hash.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ArticleInput, Store } from '../src/store/store.js';
import type { ExtractedArticle } from '../src/types.js';
import { tempDir } from './helpers/shared.js';

/** One contract suite for every Store backend; PostgreSQL joins this list when it lands. */
const BACKENDS: Array<[string, () => Store]> = [
  ['sqlite (file)', () => createSqliteStore({ path: path.join(tempDir('store'), 'verity.db') })],
];

function articleInput(source: string, title: string, text: string): ArticleInput {
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
  };
  return { source, article, contentHash: contentHash(article), passages: splitPassages(text) };
}

const NOW = new Date('2025-01-02T03:04:05Z');

describe.each(BACKENDS)('Store contract: %s', async (_name, create) => {
  let store: Store;
  beforeEach(() => {
    store = create();
  });
  afterEach(() => store.close());

  it('stores an article once, with passages, sentences and corpus state', async () => {
    const input = articleInput(
      'a',
      'Dam opens',
      'The new dam opened on Monday. It cost two billion dollars.\n\nFarmers welcomed the water.',
    );
    expect(await store.putArticle(input, NOW)).toBe('added');
    expect(await store.putArticle(input, NOW)).toBe('skipped');
    expect(await store.corpusState()).toEqual({ articles: 1, passages: 1, lastIngestAt: NOW.toISOString() });
    const published = input.article.published!.slice(0, 10);
    expect(await store.articlesPublishedBy(published)).toBe(1);
    expect(await store.articlesPublishedBy('1999-01-01')).toBe(0);
    const [hit] = await store.searchPassages({ terms: ['dam'], limit: 5 });
    expect(hit!.article).toMatchObject({ title: 'Dam opens', authors: ['Ana Ruiz'], source: 'a' });
    const sentences = (await store.sentencesOf([hit!.passage.id])).get(hit!.passage.id)!;
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'The new dam opened on Monday.',
      'It cost two billion dollars.',
      'Farmers welcomed the water.',
    ]);
    expect((await store.getPassage(hit!.passage.id))?.article.id).toBe(hit!.article.id);
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
    expect(await store.searchPassages({ terms: ['"flood OR NEAR('], limit: 5 })).toEqual([]);
    expect(
      (await store.searchPassages({ terms: ['AND'], limit: 5 })).map((hit) => hit.article.source),
    ).toEqual(['b']);
    expect(await store.documentFrequencies(['flood', 'valley', 'absent'])).toEqual(
      new Map([
        ['flood', 2],
        ['valley', 1],
        ['absent', 0],
      ]),
    );
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
  });
});
