/**
 * `npm run eval:crash`: crash safety, measured. Each trial ingests a mixed batch (JSONL records
 * and HTML pages extracted on worker threads) into a fresh database, kills the process with
 * SIGKILL at a random moment between start and the end of a reference run, ingests again to the
 * end, then counts: articles lost (expected but not stored), duplicated (stored twice by source or
 * content), and whether `verity doctor` finds the search structures out of step with the rows.
 * `--trials 50` per backend (default 50), `--backend sqlite,postgres`, `--seed` for the moments.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sharedDir } from '../src/config.js';
import { startLocalPostgres } from './lib/postgres-server.js';
import { readFncBodies } from './lib/sample-corpus.js';
import { table } from './lib/stats.js';

const { values: flags } = parseArgs({
  options: {
    trials: { type: 'string', default: '50' },
    backend: { type: 'string', default: 'sqlite,postgres' },
    seed: { type: 'string', default: '7' },
  },
});
const TRIALS = Number(flags.trials);
const CLI = path.resolve(import.meta.dirname, '../src/cli/main.js');
const SHARED = sharedDir();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-crash-'));

/** The batch: 400 FNC-1 bodies as JSONL, then 40 news pages from the readability test set. */
function buildBatch(): { inputs: string[] } {
  const bodies = readFncBodies(SHARED).slice(0, 400);
  const jsonl = path.join(work, 'bodies.jsonl');
  fs.writeFileSync(jsonl, bodies.map((body) => JSON.stringify(body)).join('\n') + '\n');
  const pagesDir = path.join(SHARED, 'data', 'readability-test-pages', 'test', 'test-pages');
  const pages = fs
    .readdirSync(pagesDir)
    .sort()
    .map((name) => path.join(pagesDir, name, 'source.html'))
    .filter((file) => fs.existsSync(file))
    .slice(0, 40);
  return { inputs: [jsonl, ...pages] };
}

let state = Number(flags.seed);
function random(): number {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
}

const ENV = { ...process.env, VERITY_DATABASE_URL: '', VERITY_EXTRACT_THREADS: '1' };

function ingestToEnd(db: string, inputs: string[]): void {
  const run = spawnSync(process.execPath, [CLI, 'ingest', '--no-progress', '--db', db, ...inputs], {
    encoding: 'utf8',
    env: ENV,
  });
  if (run.status !== 0 && run.status !== 2) throw new Error(`ingest failed: ${run.stderr}`);
}

async function killedIngest(db: string, inputs: string[], afterMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [CLI, 'ingest', '--no-progress', '--db', db, ...inputs], {
    stdio: 'ignore',
    env: ENV,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  const code = await exited;
  clearTimeout(timer);
  return code === null; // killed, not finished first
}

interface Counts {
  articles: number;
  distinctSources: number;
  distinctHashes: number;
}

async function counts(db: string): Promise<Counts> {
  const sql = `SELECT count(*) AS articles, count(DISTINCT source) AS "distinctSources",
    count(DISTINCT content_hash) AS "distinctHashes" FROM articles WHERE superseded_by IS NULL`;
  if (db.startsWith('postgres')) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    try {
      const row = (await client.query(sql)).rows[0] as Record<keyof Counts, string>;
      return {
        articles: Number(row.articles),
        distinctSources: Number(row.distinctSources),
        distinctHashes: Number(row.distinctHashes),
      };
    } finally {
      await client.end();
    }
  }
  const connection = new Database(db, { readonly: true });
  try {
    return connection.prepare(sql).get() as Counts;
  } finally {
    connection.close();
  }
}

function doctorPasses(db: string): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [CLI, 'doctor', '--db', db], { encoding: 'utf8', env: ENV });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

const batch = buildBatch();
const backends = flags.backend.split(',');
const postgres = backends.includes('postgres') ? await startLocalPostgres() : null;
const rows: Array<Array<string | number>> = [];
let failures = 0;
try {
  for (const backend of backends) {
    const freshDb = async (name: string) =>
      backend === 'postgres' ? postgres!.freshDatabaseUrl() : path.join(work, `${name}.db`);
    // The reference: the whole batch without a crash gives the expected articles and the time span.
    const reference = await freshDb('reference');
    const started = performance.now();
    ingestToEnd(reference, batch.inputs);
    const spanMs = performance.now() - started;
    const expected = await counts(reference);
    let killed = 0;
    let lost = 0;
    let duplicated = 0;
    let doctorFailures = 0;
    const moments: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const db = await freshDb(`trial-${trial}`);
      const afterMs = Math.round(random() * spanMs);
      moments.push(afterMs);
      if (await killedIngest(db, batch.inputs, afterMs)) killed += 1;
      ingestToEnd(db, batch.inputs);
      const after = await counts(db);
      lost += Math.max(0, expected.articles - after.distinctHashes);
      duplicated += after.articles - after.distinctHashes + (after.articles - after.distinctSources);
      const doctor = doctorPasses(db);
      if (!doctor.ok) {
        doctorFailures += 1;
        console.error(`trial ${trial} (${backend}, killed at ${afterMs} ms): doctor found\n${doctor.output}`);
      }
      if (!db.startsWith('postgres')) fs.rmSync(db, { force: true });
      process.stderr.write(`${backend} trial ${trial + 1}/${TRIALS}: killed at ${afterMs} ms\n`);
    }
    failures += lost + duplicated + doctorFailures;
    moments.sort((a, b) => a - b);
    rows.push([
      backend,
      TRIALS,
      killed,
      `${(spanMs / 1000).toFixed(1)} s`,
      `${moments[0]}–${moments.at(-1)} ms`,
      expected.articles,
      lost,
      duplicated,
      `${TRIALS - doctorFailures} of ${TRIALS}`,
    ]);
  }
} finally {
  await postgres?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(
  `# Verity crash trials — ${new Date().toISOString().slice(0, 10)}: SIGKILL at a random moment of ingest, then ingest again\n`,
);
console.log(
  table(
    [
      'backend',
      'trials',
      'killed before the end',
      'uninterrupted ingest',
      'kill moments',
      'articles expected',
      'lost',
      'duplicated',
      'verity doctor: all in step',
    ],
    rows,
  ),
);
console.log(
  `\nBatch: ${batch.inputs.length - 1} news pages and 400 JSONL records; each trial on a fresh database. "Lost" counts expected articles missing after the second ingest, "duplicated" extra rows by content or by source.`,
);
if (failures > 0) process.exitCode = 1;
