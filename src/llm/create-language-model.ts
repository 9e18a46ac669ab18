import type { VerityConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { cacheLanguageModel } from './cache-language-model.js';
import type { LanguageModel } from './language-model.js';
import { llamaCppModel } from './llama-cpp-model.js';
import { openAiCompatibleModel } from './openai-compatible-model.js';
import { logLanguageModel } from './log-language-model.js';
import { retryLanguageModel } from './retry-language-model.js';

type LlmConfig = Pick<
  VerityConfig,
  'llmUrl' | 'llmModel' | 'llmKey' | 'llmTimeoutMs' | 'llmGguf' | 'llmThreads' | 'llmCacheDir'
>;

/**
 * The configured language model, wrapped for retries and the prompt cache, or null when none is
 * configured (the default: checks use no model). A server (`VERITY_LLM_URL` + `VERITY_LLM_MODEL`)
 * or a local GGUF file (`VERITY_LLM_GGUF`), never both.
 */
export function createLanguageModel(
  config: LlmConfig,
  /** Where to log one line per call (`logLanguageModel`); none by default. */
  log?: (line: string) => void,
): LanguageModel | null {
  if (config.llmUrl && config.llmGguf)
    throw new UsageError('Set VERITY_LLM_URL (a server) or VERITY_LLM_GGUF (a local model file), not both.');
  let provider: LanguageModel;
  if (config.llmUrl) {
    if (!/^https?:\/\//.test(config.llmUrl))
      throw new UsageError(
        `VERITY_LLM_URL must be an http(s) base URL like http://127.0.0.1:11434/v1, got "${config.llmUrl}".`,
      );
    if (!config.llmModel)
      throw new UsageError(
        'VERITY_LLM_MODEL must name the model to use on the server at VERITY_LLM_URL (e.g. qwen2.5:14b).',
      );
    provider = openAiCompatibleModel({
      baseUrl: config.llmUrl,
      model: config.llmModel,
      apiKey: config.llmKey,
      timeoutMs: config.llmTimeoutMs,
    });
  } else if (config.llmGguf) {
    provider = llamaCppModel({
      modelPath: config.llmGguf,
      threads: config.llmThreads,
      timeoutMs: config.llmTimeoutMs,
    });
  } else {
    return null;
  }
  const cached = cacheLanguageModel(retryLanguageModel(provider), config.llmCacheDir);
  return log ? logLanguageModel(cached, log) : cached;
}

/** The model a check with `roles` needs: an error that says how to configure one when roles are asked for and none is set. */
export function requireLanguageModel(
  config: LlmConfig,
  roles: readonly string[],
  log?: (line: string) => void,
): LanguageModel | null {
  if (roles.length === 0) return null;
  const model = createLanguageModel(config, log);
  if (!model)
    throw new UsageError(
      `--llm ${roles.join(',')} needs a language model: set VERITY_LLM_URL and VERITY_LLM_MODEL (an OpenAI-compatible server such as Ollama) or VERITY_LLM_GGUF (a local model file). See docs/language-models.md.`,
    );
  return model;
}
