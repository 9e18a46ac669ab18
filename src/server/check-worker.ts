import { workerData } from 'node:worker_threads';
import type { VerityConfig } from '../config.js';
import { VerityError } from '../errors.js';
import { createStore } from '../store/create-store.js';
import {
  type CheckContext,
  checkContextFor,
  type CheckResult,
  type CheckTask,
  runCheckTask,
} from './check-task.js';

export type CheckOutcome = CheckResult | { error: string; usage: boolean };

let context: Promise<CheckContext> | null = null;

/**
 * Worker-thread entry (piscina): runs one check on this thread's own connection to the store and
 * its own copy of the search index, loaded from the saved file and kept in step with the store's
 * change log; the index file is left to the main thread to write. Errors come back as values (a
 * thread boundary loses their class).
 */
export default async function checkInWorker(task: CheckTask): Promise<CheckOutcome> {
  try {
    context ??= Promise.resolve()
      .then(() => {
        const config = (workerData as { config: VerityConfig }).config;
        return checkContextFor(config, createStore({ ...config, saveIndex: false }));
      })
      .catch((error: unknown) => {
        context = null; // the next check tries to open the store again
        throw error;
      });
    return await runCheckTask(await context, task);
  } catch (error) {
    return { error: (error as Error).message, usage: error instanceof VerityError };
  }
}
