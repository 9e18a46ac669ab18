import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import { surfaceForms } from '../../src/analyze/term-variants.js';
import { DEFAULT_PASSAGE_POOL } from '../../src/retrieve/retrieve-passages.js';
import type { MemoryIndex } from '../../src/search-index/memory-index.js';
import { queryPhrases } from '../../src/store/index-terms.js';
import { latencyRow, table } from './stats.js';

/**
 * The in-process index's own search, without the store's passage fetch: every posting scored
 * (the exhaustive scan, the baseline) against MaxScore, on the first-stage query of each question,
 * top 100, in one process. The two must agree exactly; the bench stops if they do not.
 */
export function benchIndexSearch(index: MemoryIndex, questions: string[]): string {
  const queries = questions.map((question) =>
    queryPhrases([...new Set(analyzeClaim(question).terms.flatMap(surfaceForms))]),
  );
  // Warm both paths (JIT, postings in cache).
  for (const phrases of queries.slice(0, 5)) {
    index.exhaustiveSearch(phrases, DEFAULT_PASSAGE_POOL);
    index.maxScoreSearch(phrases, DEFAULT_PASSAGE_POOL);
    index.search(phrases, DEFAULT_PASSAGE_POOL);
  }
  const exhaustiveMs: number[] = [];
  const maxScoreMs: number[] = [];
  const shippedMs: number[] = [];
  for (const phrases of queries) {
    let start = performance.now();
    const expected = index.exhaustiveSearch(phrases, DEFAULT_PASSAGE_POOL);
    exhaustiveMs.push(performance.now() - start);
    start = performance.now();
    const actual = index.maxScoreSearch(phrases, DEFAULT_PASSAGE_POOL);
    maxScoreMs.push(performance.now() - start);
    start = performance.now();
    const shipped = index.search(phrases, DEFAULT_PASSAGE_POOL);
    shippedMs.push(performance.now() - start);
    if (
      JSON.stringify(actual) !== JSON.stringify(expected) ||
      JSON.stringify(shipped) !== JSON.stringify(expected)
    )
      throw new Error(`MaxScore and the exhaustive scan disagree on ${JSON.stringify(phrases)}`);
  }
  const row = (name: string, values: number[]) => latencyRow(name, values, exhaustiveMs, 2);
  return table(
    [
      'index search (first-stage query, top 100, no passage fetch)',
      'queries',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      '× baseline p50',
    ],
    [
      row('baseline: every posting scored (exhaustive, term at a time)', exhaustiveMs),
      row('MaxScore, document at a time', maxScoreMs),
      row('shipped: MaxScore from 100,000 postings a query, the scan below', shippedMs),
    ],
  );
}
