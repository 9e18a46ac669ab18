import fs from 'node:fs';
import { Piscina } from 'piscina';
import type { VerityConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { CheckOutcome } from './check-worker.js';
import type { CheckContext, CheckResult, CheckTask } from './check-task.js';
import { runCheckTask } from './check-task.js';

/**
 * Where the server's checks run: on worker threads (one per core by default), so that the event
 * loop stays free for /healthz, pages and stored reports while checks run; or on the main thread.
 */
export interface CheckRunner {
  run(task: CheckTask): Promise<CheckResult>;
  /** Checks it runs at once. */
  readonly workers: number;
  close(): Promise<void>;
}

/** Said when the queue is full or the server is stopping: the server answers 503 with Retry-After. */
export class ServerBusyError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}

export function inProcessRunner(context: CheckContext): CheckRunner {
  return { workers: 1, run: (task) => runCheckTask(context, task), close: async () => {} };
}

/** The worker's compiled file, beside this one once built (`dist/`); absent when running from source. */
const WORKER_FILE = new URL('./check-worker.js', import.meta.url);

/**
 * A pool of `threads` workers, each with its own store connection and search index; null where
 * workers cannot share the store (an in-memory database) or the compiled worker is absent.
 */
export function createCheckPool(config: VerityConfig, threads: number, indexBytes = 0): CheckRunner | null {
  if (threads < 1 || WORKER_FILE.protocol !== 'file:' || !fs.existsSync(WORKER_FILE)) return null;
  if (!config.databaseUrl && (config.dbPath === ':memory:' || config.dbPath === '')) return null;
  const pool = new Piscina({
    filename: WORKER_FILE.href,
    minThreads: threads,
    maxThreads: threads,
    // The server bounds the queue itself (boundedRunner); piscina's own stays unbounded.
    workerData: { config },
    // A cap on each worker's heap: past it the worker is replaced, not the server; below it the
    // collector works before the heap grows (without one, V8 lets it grow towards its own limit).
    resourceLimits: { maxOldGenerationSizeMb: workerHeapMb(config, indexBytes) },
  });
  let closing = false;
  return {
    workers: threads,
    async run(task) {
      let outcome: CheckOutcome;
      try {
        outcome = (await pool.run(task)) as CheckOutcome;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
          throw new ServerBusyError(
            5,
            'The check ran out of memory on its worker, which was replaced; try again in 5 s.',
          );
        if (closing || (error as Error).name === 'AbortError')
          throw new ServerBusyError(
            5,
            'The server is stopping and did not start this check; try again in 5 s.',
          );
        throw error;
      }
      if ('report' in outcome) return outcome;
      throw outcome.usage ? new UsageError(outcome.error) : new Error(outcome.error);
    },
    // Checks running finish; those still waiting are refused (503), not left hanging.
    close: () => {
      closing = true;
      return pool.close({ force: true });
    },
  };
}

const MB = 1024 * 1024;

/**
 * Each check worker's heap cap: `VERITY_CHECK_WORKER_HEAP_MB`, else room for its copy of the
 * search index three times over plus 256 MB for a check, at least 512 MB. Measured on the bench
 * corpus (bench:load): without a cap the server's memory grew through a 60 s run (686 → 1,408 →
 * 1,865 MB); with 384 MB it held (557 → 936 → 917 MB) at the same throughput and no errors.
 */
export function workerHeapMb(config: Pick<VerityConfig, 'checkWorkerHeapMb'>, indexBytes: number): number {
  return config.checkWorkerHeapMb ?? Math.max(512, 256 + Math.ceil((3 * indexBytes) / MB));
}

const RECENT = 50;

/**
 * Holds at most `workers + queue` checks in flight; past that, refuses at once with a
 * ServerBusyError whose Retry-After is the expected wait: the median recent check time
 * times the checks ahead per worker.
 */
export function boundedRunner(runner: CheckRunner, queue: number): CheckRunner & { inFlight(): number } {
  let inFlight = 0;
  const recent: number[] = [];
  const medianSeconds = () => {
    if (recent.length === 0) return 1;
    const sorted = [...recent].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    workers: runner.workers,
    inFlight: () => inFlight,
    async run(task) {
      const capacity = runner.workers + queue;
      if (inFlight >= capacity) {
        const wait = Math.max(1, Math.ceil((medianSeconds() * inFlight) / runner.workers));
        throw new ServerBusyError(
          wait,
          `The server is running ${runner.workers} checks and has ${inFlight - runner.workers} waiting, as many as it holds; try again in ${wait} s.`,
        );
      }
      inFlight++;
      try {
        const result = await runner.run(task);
        recent.push(result.seconds);
        if (recent.length > RECENT) recent.shift();
        return result;
      } finally {
        inFlight--;
      }
    },
    close: () => runner.close(),
  };
}
