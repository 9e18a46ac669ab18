import os from 'node:os';
import type { IngestOptions, IngestSummary } from '../ingest/ingest-sources.js';
import type { JobQueue } from './job-queue.js';

export interface WorkerOptions {
  queue: JobQueue;
  /** Runs one job's source through ingest (the store and fetcher are the caller's). */
  ingest: (source: string, options: Pick<IngestOptions, 'since'>) => Promise<IngestSummary>;
  /** Names this worker in the queue. Default: host name and process id. */
  name?: string;
  /** How long a job stays this worker's without renewal. Default 60 s; renewed every third of it. */
  leaseMs?: number;
  /** Wait between polls of an empty queue. Default 1 s. */
  pollMs?: number;
  /** Stop when the queue is empty instead of waiting for more (`verity worker --until-empty`). */
  untilEmpty?: boolean;
  /** Set to stop after the current job. */
  signal?: AbortSignal;
  onJob?: (event: { source: string; attempt: number; outcome: string }) => void;
}

/** Retry delay after the nth failed attempt: 2 s, 4 s, 8 s … up to 5 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(300_000, 1000 * 2 ** attempt);
}

/** Takes jobs until stopped (or, with `untilEmpty`, until none is left); returns how many it ran. */
export async function runWorker(options: WorkerOptions): Promise<number> {
  const name = options.name ?? `${os.hostname()}:${process.pid}`;
  const leaseMs = options.leaseMs ?? 60_000;
  let done = 0;
  while (!options.signal?.aborted) {
    const job = await options.queue.take(name, leaseMs);
    if (!job) {
      if (options.untilEmpty) break;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      continue;
    }
    const renewal = setInterval(() => {
      void options.queue.renew(job.id, name, leaseMs).catch(() => {});
    }, leaseMs / 3);
    try {
      const summary = await options.ingest(job.source, { since: job.since ?? undefined });
      await options.queue.complete(job.id, name, summary);
      options.onJob?.({
        source: job.source,
        attempt: job.attempt,
        outcome: `added ${summary.added}, skipped ${summary.skipped}, failed ${summary.failed}`,
      });
    } catch (error) {
      const reason = (error as Error).message;
      await options.queue.fail(job.id, name, reason, backoffMs(job.attempt));
      options.onJob?.({ source: job.source, attempt: job.attempt, outcome: `error: ${reason}` });
    } finally {
      clearInterval(renewal);
    }
    done++;
  }
  return done;
}
