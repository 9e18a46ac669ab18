import { describe, expect, it } from 'vitest';
import { MemoryIndex } from '../src/search-index/memory-index.js';

/** A seeded generator, so that every run checks the same corpora. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Words drawn with Zipf-like frequencies: a few in most passages, most in a handful (where MaxScore prunes). */
function zipfWord(next: () => number, vocabulary: number): string {
  return `w${Math.floor(vocabulary ** next()) - 1}`;
}

function buildIndex(seed: number, passages: number): { index: MemoryIndex; next: () => number } {
  const next = random(seed);
  const index = new MemoryIndex('test');
  for (let rowid = 1; rowid <= passages; rowid++) {
    const tokens = Array.from({ length: 5 + Math.floor(next() * 60) }, () => zipfWord(next, 400));
    const published = next() < 0.15 ? null : `2024-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    index.add(rowid * 3, tokens, published);
  }
  return { index, next };
}

describe('MaxScore search on the in-process index', () => {
  it('gives the exhaustive scan’s ranking and scores to the last bit, with phrases, removals and --as-of', () => {
    let compared = 0;
    let pruned = 0;
    for (const seed of [1, 2, 3, 4]) {
      const { index, next } = buildIndex(seed, 1_500);
      for (let rowid = 3; rowid <= 4_500; rowid += 3) if (next() < 0.05) index.remove(rowid);
      for (let query = 0; query < 60; query++) {
        const phrases = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
          next() < 0.15 ? [zipfWord(next, 400), zipfWord(next, 400)] : [zipfWord(next, 400)],
        );
        if (next() < 0.1) phrases.push(['never-seen']);
        const limit = [1, 10, 100][Math.floor(next() * 3)]!;
        const publishedBy = next() < 0.3 ? '2024-05-15' : undefined;
        const expected = index.exhaustiveSearch(phrases, limit, publishedBy);
        expect(index.maxScoreSearch(phrases, limit, publishedBy)).toEqual(expected);
        expect(index.search(phrases, limit, publishedBy)).toEqual(expected);
        compared++;
        if (expected.length === limit) pruned++;
      }
    }
    expect(compared).toBe(240);
    // Most queries fill their top k, the case where pruning applies.
    expect(pruned).toBeGreaterThan(150);
  });

  it('gives the same answer when told the floor a narrower query reached (the synonym-expanded query of a check)', () => {
    let floored = 0;
    for (const seed of [5, 6, 7]) {
      const { index, next } = buildIndex(seed, 1_500);
      for (let query = 0; query < 60; query++) {
        const claim = Array.from({ length: 1 + Math.floor(next() * 6) }, () => [zipfWord(next, 400)]);
        const expanded = [
          ...claim,
          ...Array.from({ length: 1 + Math.floor(next() * 6) }, () => [zipfWord(next, 400)]),
        ];
        const limit = [10, 100][Math.floor(next() * 2)]!;
        const publishedBy = next() < 0.3 ? '2024-05-15' : undefined;
        const first = index.exhaustiveSearch(claim, limit, publishedBy);
        if (first.length < limit) continue;
        const expected = index.exhaustiveSearch(expanded, limit, publishedBy);
        // The k-th score of the narrower query, as a check passes it.
        expect(index.maxScoreSearch(expanded, limit, publishedBy, first.at(-1)!.score)).toEqual(expected);
        floored++;
      }
    }
    expect(floored).toBeGreaterThan(60);
  });

  it('keeps live document frequencies as passages are removed, and after a reload from a snapshot', () => {
    const { index } = buildIndex(9, 400);
    const before = index.documentFrequency('w0');
    const holding = index.exhaustiveSearch([['w0']], 1_000).map((hit) => hit.rowid);
    expect(holding.length).toBe(before);
    index.remove(holding[0]!);
    index.remove(holding[1]!);
    index.remove(holding[1]!);
    expect(index.documentFrequency('w0')).toBe(before - 2);
    const reloaded = new MemoryIndex('test', index.snapshot());
    expect(reloaded.documentFrequency('w0')).toBe(before - 2);
    expect(reloaded.maxScoreSearch([['w0'], ['w3']], 20)).toEqual(index.maxScoreSearch([['w0'], ['w3']], 20));
    expect(index.documentFrequency('never-seen')).toBe(0);
  });

  it('bounds stay right as passages are added after a search', () => {
    const { index } = buildIndex(11, 300);
    index.maxScoreSearch([['w1'], ['w300']], 5);
    // A new passage with a much higher term frequency than any seen: the cached bound must grow.
    index.add(
      100_000,
      Array.from({ length: 40 }, () => 'w300'),
      '2024-01-01',
    );
    const expected = index.exhaustiveSearch([['w1'], ['w300']], 5);
    expect(expected[0]!.rowid).toBe(100_000);
    expect(index.maxScoreSearch([['w1'], ['w300']], 5)).toEqual(expected);
  });
});
