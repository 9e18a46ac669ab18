import { checkClaim } from '../check-claim.js';
import { loadSourcePolicy, type SourcePolicy } from '../assess/source-quality.js';
import type { VerityConfig } from '../config.js';
import type { LanguageModel, LlmRole } from '../llm/language-model.js';
import { configuredVectors } from '../retrieve/word-vectors.js';
import type { VectorSlot } from '../retrieve/vector-score.js';
import type { Store } from '../store/store.js';
import type { Report } from '../types.js';

/** One check as the server asks for it: plain data, so that it crosses a thread boundary. */
export interface CheckTask {
  question: string;
  asOf?: string;
  /** The server's clock at the request (ISO), so that a check in a worker is dated as on the main thread. */
  now: string;
}

export interface CheckResult {
  report: Report;
  /** Time spent checking, without time waiting in the queue. */
  seconds: number;
}

/** What every check on one server reads besides the store, built once from the configuration. */
export interface CheckContext {
  store: Store;
  vectors?: VectorSlot;
  sourcePolicy?: SourcePolicy;
}

export function checkContextFor(config: VerityConfig, store: Store): CheckContext {
  return {
    store,
    vectors: configuredVectors(config),
    sourcePolicy: config.sourcePolicy ? loadSourcePolicy(config.sourcePolicy) : undefined,
  };
}

/** Runs one check: the same call on the main thread and in a worker. */
export async function runCheckTask(
  context: CheckContext,
  task: CheckTask,
  llm?: { model: LanguageModel; roles: readonly LlmRole[] },
): Promise<CheckResult> {
  const started = performance.now();
  const report = await checkClaim(task.question, {
    store: context.store,
    asOf: task.asOf,
    methodUrl: '/method',
    now: () => new Date(task.now),
    vectors: context.vectors,
    sourcePolicy: context.sourcePolicy,
    llm,
  });
  return { report, seconds: (performance.now() - started) / 1000 };
}
