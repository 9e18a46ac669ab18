import type { IngestSummary } from '../ingest/ingest-sources.js';

/** One queued ingest: a source argument as `verity ingest` takes it (a URL, or a path the workers can read). */
export interface IngestJob {
  id: string;
  source: string;
  /** 1 on the first run; a job taken over from a worker that died or failed counts on. */
  attempt: number;
  /** Options the job was queued with (`--since`). */
  since: string | null;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/**
 * The ingest queue every worker shares (PostgreSQL). A job is leased, not owned: a worker that
 * stops renewing its lease (it died, or its machine did) loses the job to the next worker that
 * asks. Storing is exactly once by content hash, so a job run twice stores nothing twice.
 */
export interface JobQueue {
  enqueue(sources: string[], options?: { since?: string | null }): Promise<string[]>;
  /** The oldest job that is due (queued, or leased by a worker whose lease ran out), leased to `worker`. */
  take(worker: string, leaseMs: number): Promise<IngestJob | null>;
  /** Extends the lease while the job runs; false when the job is no longer this worker's. */
  renew(jobId: string, worker: string, leaseMs: number): Promise<boolean>;
  complete(jobId: string, worker: string, summary: IngestSummary): Promise<void>;
  /** Records the failure; the job runs again after `retryInMs`, or fails for good after its last attempt. */
  fail(jobId: string, worker: string, reason: string, retryInMs: number): Promise<void>;
  counts(): Promise<JobCounts>;
  close(): Promise<void>;
}
