import { analyzeClaim } from '../../src/assess/analyze-claim.js';
import { claimLexicalSets } from '../../src/assess/predicate-synonyms.js';
import { surfaceForms } from '../../src/analyze/term-variants.js';
import { DEFAULT_PASSAGE_POOL } from '../../src/retrieve/retrieve-passages.js';
import type { MemoryIndex } from '../../src/search-index/memory-index.js';
import { queryPhrases } from '../../src/store/index-terms.js';
import { latencyRow, table } from './stats.js';

/** The two queries a check makes (retrieve-passages.ts): the claim's terms, then with its verb's synonyms. */
function checkQueries(questions: string[]): { claim: string[][][]; expanded: string[][][] } {
  const claim: string[][][] = [];
  const expanded: string[][][] = [];
  for (const question of questions) {
    const analyzed = analyzeClaim(question);
    const terms = [...new Set(analyzed.terms.flatMap(surfaceForms))];
    claim.push(queryPhrases(terms));
    const synonyms = claimLexicalSets(analyzed.text)
      .verbSynonyms.flat()
      .filter((word) => !analyzed.terms.includes(word));
    if (synonyms.length > 0) expanded.push(queryPhrases([...terms, ...synonyms]));
  }
  return { claim, expanded };
}

/** Each way of searching timed on every query, checked to agree with the exhaustive scan. */
function timeSearches(index: MemoryIndex, queries: string[][][]) {
  const exhaustive: number[] = [];
  const maxScore: number[] = [];
  const shipped: number[] = [];
  for (const phrases of queries) {
    let start = performance.now();
    const expected = index.exhaustiveSearch(phrases, DEFAULT_PASSAGE_POOL);
    exhaustive.push(performance.now() - start);
    start = performance.now();
    const actual = index.maxScoreSearch(phrases, DEFAULT_PASSAGE_POOL);
    maxScore.push(performance.now() - start);
    start = performance.now();
    const chosen = index.search(phrases, DEFAULT_PASSAGE_POOL);
    shipped.push(performance.now() - start);
    if (
      JSON.stringify(actual) !== JSON.stringify(expected) ||
      JSON.stringify(chosen) !== JSON.stringify(expected)
    )
      throw new Error(`MaxScore and the exhaustive scan disagree on ${JSON.stringify(phrases)}`);
  }
  return { exhaustive, maxScore, shipped };
}

/**
 * The in-process index's own search, without the store's passage fetch: every posting scored
 * (the exhaustive scan, the baseline) against MaxScore, on both queries of each question's check,
 * top 100, in one process. The ways must agree exactly; the bench stops if they do not.
 */
export function benchIndexSearch(index: MemoryIndex, questions: string[]): string {
  const queries = checkQueries(questions);
  // Warm every path (JIT, postings in cache); phrases are read once per index state, so every way
  // of searching then finds them read.
  for (const phrases of [...queries.claim, ...queries.expanded])
    index.exhaustiveSearch(phrases, DEFAULT_PASSAGE_POOL);
  for (const phrases of queries.claim.slice(0, 5)) {
    index.maxScoreSearch(phrases, DEFAULT_PASSAGE_POOL);
    index.search(phrases, DEFAULT_PASSAGE_POOL);
  }
  const rows = (kind: string, times: ReturnType<typeof timeSearches>) => {
    const row = (name: string, values: number[]) =>
      latencyRow(`${name} — ${kind}`, values, times.exhaustive, 2);
    return [
      row('baseline: every posting scored (exhaustive, term at a time)', times.exhaustive),
      row('MaxScore, document at a time', times.maxScore),
      row('shipped: MaxScore from 100,000 postings a query, the scan below', times.shipped),
    ];
  };
  return table(
    ['index search (top 100, no passage fetch)', 'queries', 'p50 ms', 'p95 ms', 'p99 ms', '× baseline p50'],
    [
      ...rows("the claim's terms", timeSearches(index, queries.claim)),
      ...rows("with the verb's synonyms", timeSearches(index, queries.expanded)),
    ],
  );
}
