import { LLM_ROLES, type LanguageModel, type LlmRole } from './language-model.js';

/** What one role cost: calls, tokens, time and cache hits (the report's `llm.usage`, and `/metrics`). */
export interface RoleUsage {
  calls: number;
  cacheHits: number;
  promptTokens: number;
  completionTokens: number;
  /** Time spent waiting on the model, in ms (0 for cache hits). */
  ms: number;
}

export type LlmUsage = Record<LlmRole, RoleUsage>;

export function emptyUsage(): LlmUsage {
  return Object.fromEntries(
    LLM_ROLES.map((role) => [role, { calls: 0, cacheHits: 0, promptTokens: 0, completionTokens: 0, ms: 0 }]),
  ) as LlmUsage;
}

/** Wraps a model so that every call is counted in `usage` under its role. Put it outside the cache to count hits. */
export function accountLanguageModel(
  model: LanguageModel,
  usage: LlmUsage,
  now: () => number = () => performance.now(),
): LanguageModel {
  return {
    kind: model.kind,
    model: model.model,
    constrained: model.constrained,
    async complete(request) {
      const started = now();
      const answer = await model.complete(request);
      const row = usage[request.role];
      row.calls++;
      if (answer.cached) row.cacheHits++;
      else row.ms += Math.round(now() - started);
      row.promptTokens += answer.usage.promptTokens;
      row.completionTokens += answer.usage.completionTokens;
      return answer;
    },
  };
}
