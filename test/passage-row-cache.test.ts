import { describe, expect, it } from 'vitest';
import { PassageRowCache } from '../src/search-index/passage-row-cache.js';

const row = (rowid: number, version = 'v1') => ({
  id: `a${rowid}:0`,
  articleId: `a${rowid}`,
  ordinal: 0,
  text: `passage ${rowid} ${version}`,
  rowid,
  article: {
    id: `a${rowid}`,
    source: 's',
    contentHash: 'h',
    title: null,
    standfirst: null,
    authors: [],
    outlet: null,
    section: null,
    published: null,
    updated: null,
    dateline: null,
    language: null,
    url: null,
    ingestedAt: '2026-01-01T00:00:00Z',
    syndicationGroup: null,
  },
});

/** A store's fetch that records what it was asked; row 99 does not exist. */
function loader(version = 'v1') {
  const asked: number[][] = [];
  const load = async (rowids: number[]) => {
    asked.push(rowids);
    return rowids.filter((rowid) => rowid !== 99).map((rowid) => row(rowid, version));
  };
  return { asked, load };
}

describe('passage row cache', () => {
  it('reads from the store only the rows it does not hold, and returns every row in the order asked', async () => {
    const cache = new PassageRowCache(10);
    const { asked, load } = loader();
    expect((await cache.fetch([3, 1, 2], 7, load)).map((r) => r.rowid)).toEqual([3, 1, 2]);
    expect((await cache.fetch([2, 4, 99, 3], 7, load)).map((r) => r.rowid)).toEqual([2, 4, 3]);
    expect(asked).toEqual([
      [3, 1, 2],
      [4, 99],
    ]);
  });

  it('returns every row asked even when the search holds more rows than the cache', async () => {
    const cache = new PassageRowCache(3);
    const { load } = loader();
    await cache.fetch([1, 2, 3], 1, load);
    const rowids = [5, 1, 6, 2, 7, 3, 8];
    expect((await cache.fetch(rowids, 1, load)).map((r) => r.rowid)).toEqual(rowids);
    // The most recently used rows stay: the last three of that search.
    const { asked, load: second } = loader();
    await cache.fetch([7, 3, 8, 1], 1, second);
    expect(asked).toEqual([[1]]);
  });

  it('forgets every row once the store has changed', async () => {
    const cache = new PassageRowCache(10);
    await cache.fetch([1, 2], 1, loader('old').load);
    const { asked, load } = loader('new');
    const rows = await cache.fetch([1, 2], 2, load);
    expect(asked).toEqual([[1, 2]]);
    expect(rows.map((r) => r.text)).toEqual(['passage 1 new', 'passage 2 new']);
  });
});
