/**
 * `npm run eval:dense`: first-stage retrieval with a sentence encoder, beside BM25, on the held-out
 * splits of the labelled sets (retrieval only: which corpus lines come back for a claim).
 * - BM25: Verity's first stage (FTS5, the claim's terms in every form);
 * - USE: exact cosine over the Universal Sentence Encoder vectors of every corpus line;
 * - static: the encoder distilled into word vectors (each word's USE vector, averaged with
 *   smooth inverse-frequency weights; see src/embed/static-embeddings.ts), fast enough for ingest;
 * - fused: reciprocal-rank fusion of BM25 and a dense ranking (k = 60, the usual constant).
 * `--only NAME` picks sets by name prefix. Vectors are cached in .verity/embeddings.
 */
import path from 'node:path';
import { analyzeClaim } from '../src/assess/analyze-claim.js';
import { packageRoot, sharedDir } from '../src/config.js';
import { createUniversalSentenceEncoder } from '../src/embed/universal-sentence-encoder.js';
import { createStaticEmbeddings, vocabularyOf } from '../src/embed/static-embeddings.js';
import { exactVectorIndex } from '../src/embed/exact-vector-index.js';
import { loadEvalStore } from '../src/eval/load-eval-store.js';
import { hitAt, recallAt } from '../src/eval/metrics.js';
import { retrievePassages } from '../src/retrieve/retrieve-passages.js';
import { fuseRankings } from '../src/retrieve/fuse-rankings.js';
import { SHARED_SETS } from './lib/eval-sets.js';
import { fileCachedEmbeddings } from './lib/embedding-file-cache.js';
import { median, table } from './lib/stats.js';

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').toLowerCase() : '';
const shared = sharedDir();
const encoder = fileCachedEmbeddings(
  createUniversalSentenceEncoder(),
  path.join(packageRoot(), '.verity', 'embeddings', 'use-lite-512.bin'),
  console.log,
);
const POOL = 100;

const rows: Array<Array<string | number>> = [];
for (const build of SHARED_SETS) {
  const set = build(shared, 'test');
  if (only && !set.name.toLowerCase().startsWith(only)) continue;
  const claims = set.claims.filter((claim) => claim.evidence.length > 0);
  if (claims.length === 0) continue;
  console.log(`${set.name}: ${set.corpus.length} corpus lines, ${claims.length} claims with gold evidence`);
  const claimTexts = claims.map((claim) => analyzeClaim(claim.claim).text);
  const corpusTexts = set.corpus.map((line) => line.text);
  const full = await encoder.embed([...corpusTexts, ...claimTexts]);
  const staticModel = await createStaticEmbeddings(encoder, vocabularyOf([...corpusTexts, ...claimTexts]));
  const still = await staticModel.embed([...corpusTexts, ...claimTexts]);
  const ids = set.corpus.map((line) => line.id);
  const indexes = {
    USE: exactVectorIndex(full.slice(0, ids.length)),
    static: exactVectorIndex(still.slice(0, ids.length)),
  };
  const store = await loadEvalStore(set.corpus);
  const scores: Record<string, { hit5: number[]; r10: number[]; ms: number[] }> = {};
  const add = (method: string, ranked: string[], gold: string[], ms: number) => {
    const entry = (scores[method] ??= { hit5: [], r10: [], ms: [] });
    entry.hit5.push(hitAt(ranked, gold, 5));
    entry.r10.push(recallAt(ranked, gold, 10));
    entry.ms.push(ms);
  };
  for (const [index, claim] of claims.entries()) {
    let started = performance.now();
    const bm25 = (await retrievePassages(store, analyzeClaim(claim.claim), { pool: POOL })).map(
      (hit) => hit.article.source,
    );
    add('BM25 (Verity first stage)', bm25, claim.evidence, performance.now() - started);
    for (const [name, vectorIndex] of Object.entries(indexes)) {
      const query = (name === 'USE' ? full : still)[ids.length + index]!;
      started = performance.now();
      const dense = vectorIndex.search(query, POOL).map((hit) => ids[hit.index]!);
      add(`${name} dense, exact scan`, dense, claim.evidence, performance.now() - started);
      add(`BM25 + ${name} (reciprocal-rank fusion)`, fuseRankings([bm25, dense]), claim.evidence, 0);
    }
  }
  await store.close();
  for (const [method, entry] of Object.entries(scores)) {
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    rows.push([
      set.name,
      method,
      mean(entry.hit5).toFixed(3),
      mean(entry.r10).toFixed(3),
      entry.ms.some((ms) => ms > 0) ? median(entry.ms).toFixed(2) : '–',
    ]);
  }
}
console.log(`\n# First-stage retrieval with a sentence encoder — ${new Date().toISOString().slice(0, 10)}\n`);
console.log(table(['set', 'method', 'hit@5', 'recall@10', 'p50 ms (search only)'], rows));
