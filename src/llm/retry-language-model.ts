import { type LanguageModel, LanguageModelError } from './language-model.js';

export interface RetryOptions {
  /** Tries in all, the first included. Default 3. */
  attempts?: number;
  /** First wait, doubled each time, in ms. Default 500. */
  baseDelayMs?: number;
  /** Longest wait, whatever the server's Retry-After says, in ms. Default 10,000. */
  maxDelayMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Wraps a model so that a retryable failure (429, 5xx, a dropped connection) is tried again with
 * exponential backoff, waiting what the server's Retry-After asks where it says; other failures
 * (a bad key, a model not served, a timeout) fail at once.
 */
export function retryLanguageModel(model: LanguageModel, options: RetryOptions = {}): LanguageModel {
  const attempts = options.attempts ?? 3;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 10_000;
  const sleep = options.sleep ?? wait;
  return {
    kind: model.kind,
    model: model.model,
    constrained: model.constrained,
    async complete(request) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await model.complete(request);
        } catch (error) {
          if (!(error instanceof LanguageModelError) || !error.retryable || attempt >= attempts) throw error;
          await sleep(Math.min(cap, error.retryAfterMs ?? base * 2 ** (attempt - 1)));
        }
      }
    },
  };
}
