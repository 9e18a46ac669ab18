import type { LanguageModel } from './language-model.js';

/**
 * Wraps a model so that every call is logged as one line: role, model, time, tokens, whether the
 * cache answered, or the error. Prompts, answers and keys are never logged (sources and questions
 * may be private; a key is a secret).
 */
export function logLanguageModel(
  model: LanguageModel,
  log: (line: string) => void,
  now: () => number = () => performance.now(),
): LanguageModel {
  return {
    kind: model.kind,
    model: model.model,
    constrained: model.constrained,
    async complete(request) {
      const started = now();
      const who = `llm ${request.role} ${model.kind}:${model.model}`;
      try {
        const answer = await model.complete(request);
        log(
          `${who} ${Math.round(now() - started)} ms, ${answer.usage.promptTokens} + ${answer.usage.completionTokens} tokens${answer.cached ? ', cached' : ''}`,
        );
        return answer;
      } catch (error) {
        log(
          `${who} failed after ${Math.round(now() - started)} ms: ${error instanceof Error ? error.message : String(error)}`,
        );
        throw error;
      }
    },
  };
}
