import pg from 'pg';
import { createPostgresStore } from '../store/postgres/postgres-store.js';
import type { IngestJob, JobCounts, JobQueue } from './job-queue.js';

/** Attempts before a job fails for good. */
export const MAX_ATTEMPTS = 5;

/**
 * The queue as a PostgreSQL table (`ingest_jobs`, created by the store's migrations). Workers
 * take jobs with `FOR UPDATE SKIP LOCKED`, so that two never take the same one, and hold them by a
 * lease (`locked_until`) that they renew while working.
 */
export async function createPostgresJobQueue(url: string): Promise<JobQueue> {
  // The store's first use runs the migrations that create the queue table.
  const store = createPostgresStore({ url, poolSize: 1 });
  await store.corpusState();
  await store.close();
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', (error) => console.error(`verity: PostgreSQL connection lost: ${error.message}`));
  return {
    async enqueue(sources, options = {}) {
      const { rows } = await pool.query<{ id: string }>(
        'INSERT INTO ingest_jobs (source, since) SELECT unnest($1::text[]), $2 RETURNING id',
        [sources, options.since ?? null],
      );
      return rows.map((row) => row.id);
    },
    async take(worker, leaseMs) {
      const { rows } = await pool.query<{
        id: string;
        source: string;
        attempts: number;
        since: string | null;
      }>(
        `UPDATE ingest_jobs SET state = 'running', attempts = attempts + 1, locked_by = $1,
           locked_until = now() + $2 * interval '1 millisecond', updated_at = now()
         WHERE id = (
           SELECT id FROM ingest_jobs
           WHERE (state = 'queued' AND run_after <= now()) OR (state = 'running' AND locked_until < now())
           ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING id, source, attempts, since`,
        [worker, leaseMs],
      );
      const row = rows[0];
      return row
        ? ({ id: row.id, source: row.source, attempt: row.attempts, since: row.since } satisfies IngestJob)
        : null;
    },
    async renew(jobId, worker, leaseMs) {
      const { rowCount } = await pool.query(
        `UPDATE ingest_jobs SET locked_until = now() + $3 * interval '1 millisecond', updated_at = now()
         WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
        [jobId, worker, leaseMs],
      );
      return (rowCount ?? 0) > 0;
    },
    async complete(jobId, worker, summary) {
      await pool.query(
        `UPDATE ingest_jobs SET state = 'done', summary = $3, locked_until = NULL, updated_at = now()
         WHERE id = $1 AND locked_by = $2`,
        [jobId, worker, JSON.stringify(summary)],
      );
    },
    async fail(jobId, worker, reason, retryInMs) {
      await pool.query(
        `UPDATE ingest_jobs SET last_error = $3, locked_until = NULL, updated_at = now(),
           state = CASE WHEN attempts >= $5 THEN 'failed' ELSE 'queued' END,
           run_after = now() + $4 * interval '1 millisecond'
         WHERE id = $1 AND locked_by = $2`,
        [jobId, worker, reason, retryInMs, MAX_ATTEMPTS],
      );
    },
    async counts(): Promise<JobCounts> {
      const { rows } = await pool.query<{ state: keyof JobCounts; n: string }>(
        'SELECT state, count(*) AS n FROM ingest_jobs GROUP BY state',
      );
      const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
      for (const row of rows) counts[row.state] = Number(row.n);
      return counts;
    },
    close: () => pool.end(),
  };
}
