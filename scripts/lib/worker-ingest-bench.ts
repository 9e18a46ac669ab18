import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createPostgresJobQueue } from '../../src/queue/postgres-job-queue.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';

/** Splits a JSONL corpus into `count` shard files (line i goes to shard i mod count), once. */
async function shards(file: string, count: number): Promise<string[]> {
  const dir = `${file}.shards-${count}`;
  const names = Array.from({ length: count }, (_, index) => path.join(dir, `shard-${index}.jsonl`));
  if (names.every((name) => fs.existsSync(name))) return names;
  fs.mkdirSync(dir, { recursive: true });
  const outs = names.map((name) => fs.createWriteStream(`${name}.partial`));
  let line = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file) })) {
    const out = outs[line++ % count]!;
    if (!out.write(`${text}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await Promise.all(outs.map((out) => new Promise<void>((resolve) => out.end(() => resolve()))));
  names.forEach((name) => fs.renameSync(`${name}.partial`, name));
  return names;
}

export interface WorkerIngestRow {
  workers: number;
  articles: number;
  passages: number;
  seconds: number;
}

/**
 * Ingest through the queue: the corpus as 16 shard jobs, taken by 1, 2, … `verity worker
 * --until-empty` processes on a fresh database each, timed from enqueue to the last worker's exit.
 */
export async function benchWorkerIngest(
  cli: string,
  corpus: string,
  workerCounts: number[],
  freshDatabaseUrl: () => Promise<string>,
): Promise<WorkerIngestRow[]> {
  const jobs = await shards(corpus, 16);
  const rows: WorkerIngestRow[] = [];
  for (const workers of workerCounts) {
    const url = await freshDatabaseUrl();
    const queue = await createPostgresJobQueue(url);
    const started = performance.now();
    await queue.enqueue(jobs);
    await queue.close();
    await Promise.all(
      Array.from(
        { length: workers },
        () =>
          new Promise<void>((resolve, reject) => {
            const child = spawn(process.execPath, [cli, 'worker', '--until-empty'], {
              stdio: 'ignore',
              // One extraction thread each: JSONL needs none, and the workers share the cores.
              env: { ...process.env, VERITY_DATABASE_URL: url, VERITY_EXTRACT_THREADS: '0' },
            });
            child.on('error', reject);
            child.on('exit', (code) =>
              code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`)),
            );
          }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const store = createPostgresStore({ url });
    const state = await store.corpusState();
    await store.close();
    rows.push({ workers, articles: state.articles, passages: state.passages, seconds });
  }
  return rows;
}
