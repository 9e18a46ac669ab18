/**
 * `npm run bench:vectors`: nearest-neighbour search over sentence vectors at scale, in one process:
 * Verity's in-process exact index (a flat Float32Array scan with a bounded top-k) beside
 * sqlite-vec's `vec0` table (exact KNN inside SQLite, from its npm binary), for the same queries.
 * Vectors are random unit vectors of the encoder's 512 dimensions: a full scan costs the same
 * whatever they hold. BENCH_VECTORS sets the sizes (default 100000,1000000); 50 queries, top 10.
 */
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { normalise } from '../src/embed/embedding-model.js';
import { exactVectorIndex } from '../src/embed/exact-vector-index.js';
import { median, percentile, table } from './lib/stats.js';

const DIMENSIONS = 512;
const QUERIES = 50;
const K = 10;
const sizes = (process.env.BENCH_VECTORS ?? '100000,1000000').split(',').map(Number);

let seed = 20261201;
function random(): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 4294967296;
}
function randomUnit(): Float32Array {
  const vector = new Float32Array(DIMENSIONS);
  for (let index = 0; index < DIMENSIONS; index++) vector[index] = random() - 0.5;
  return normalise(vector);
}

function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const rows: Array<Array<string | number>> = [];
for (const size of sizes) {
  console.log(`${size} vectors…`);
  const vectors = Array.from({ length: size }, randomUnit);
  const queries = Array.from({ length: QUERIES }, randomUnit);
  let index: ReturnType<typeof exactVectorIndex> | undefined;
  const buildMs = timed(() => (index = exactVectorIndex(vectors)));
  const exactMs = queries.map((query) => timed(() => index!.search(query, K)));
  const expected = queries.map((query) => index!.search(query, K).map((hit) => hit.index + 1));

  const db = new Database(':memory:');
  sqliteVec.load(db);
  db.exec(`CREATE VIRTUAL TABLE vectors USING vec0(embedding float[${DIMENSIONS}])`);
  const insert = db.prepare('INSERT INTO vectors(rowid, embedding) VALUES (?, ?)');
  const sqliteBuildMs = timed(() =>
    db.transaction(() =>
      vectors.forEach((vector, at) => insert.run(BigInt(at + 1), Buffer.from(vector.buffer))),
    )(),
  );
  const knn = db.prepare(
    'SELECT rowid, distance FROM vectors WHERE embedding MATCH ? AND k = ? ORDER BY distance',
  );
  let agree = 0;
  const sqliteMs = queries.map((query, at) =>
    timed(() => {
      const found = (knn.all(Buffer.from(query.buffer), K) as Array<{ rowid: number }>).map((row) =>
        Number(row.rowid),
      );
      agree += found.filter((rowid) => expected[at]!.includes(rowid)).length;
    }),
  );
  db.close();
  const baseline = median(exactMs);
  rows.push(
    [
      size,
      'baseline: in-process exact scan (Float32Array)',
      (buildMs / 1000).toFixed(1),
      baseline.toFixed(1),
      percentile(exactMs, 95).toFixed(1),
      '1.00',
      '1.000',
    ],
    [
      size,
      'sqlite-vec vec0, exact KNN',
      (sqliteBuildMs / 1000).toFixed(1),
      median(sqliteMs).toFixed(1),
      percentile(sqliteMs, 95).toFixed(1),
      (median(sqliteMs) / baseline).toFixed(2),
      (agree / (QUERIES * K)).toFixed(3),
    ],
  );
}
console.log(
  `\n# Vector search, ${DIMENSIONS} dimensions, top ${K}, ${QUERIES} queries — ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log(
  table(
    ['vectors', 'index', 'build s', 'p50 ms', 'p95 ms', '× baseline p50', 'top-10 overlap with exact'],
    rows,
  ),
);
