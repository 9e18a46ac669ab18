import { UsageError, VerityError } from '../errors.js';

/**
 * The contract for an optional language model (docs/language-models.md). A model is only ever a
 * writer, judge or planner whose output is verified against the stored passages; the default
 * check uses none. Providers live beside this file (an OpenAI-compatible chat endpoint, a local
 * GGUF file through node-llama-cpp); wrappers add caching, retries and accounting; tests use the
 * scripted fake.
 */
export interface LanguageModel {
  /** What serves the model: "openai-compatible", "llama-cpp", "fake". Named in the report. */
  readonly kind: string;
  /** The model's name as the server or file gives it, e.g. "qwen2.5:14b". Named in the report. */
  readonly model: string;
  /** True when JSON answers are grammar-constrained (always parse unless cut short): no repair round is worth its cost. */
  readonly constrained?: boolean;
  /** One chat completion. Rejects with a `LanguageModelError` that says what to do. */
  complete(request: CompletionRequest): Promise<Completion>;
}

/** The three things a model may do in a check, each switched on alone (`--llm writer,judge,planner`). */
export const LLM_ROLES = ['writer', 'judge', 'planner'] as const;
export type LlmRole = (typeof LLM_ROLES)[number];

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A JSON Schema (draft 2020-12 subset: object, array, string, integer, enum) the answer must match. */
export type JsonSchema = Record<string, unknown>;

export interface CompletionRequest {
  /** Which role asks: for accounting, logs and the cache key. */
  role: LlmRole;
  messages: ChatMessage[];
  /** When set, the answer must be JSON matching it (grammar-constrained locally, `response_format` over HTTP). */
  schema?: { name: string; schema: JsonSchema };
  /** Default 1,024. */
  maxTokens?: number;
}

export interface Completion {
  text: string;
  usage: { promptTokens: number; completionTokens: number };
  /** Set by the cache wrapper when the answer was read back rather than generated. */
  cached?: boolean;
}

/** A model call that failed: unreachable, refused, timed out or answered out of contract. */
export class LanguageModelError extends VerityError {
  constructor(
    message: string,
    /** Worth trying again (429, 5xx, a dropped connection); `retryAfterMs` when the server said when. */
    readonly retryable = false,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Reads `--llm writer,judge` or `$VERITY_LLM_ROLES`: the roles named, each known, each once. */
export function parseRoles(value: string | undefined | null): LlmRole[] {
  if (!value || ['off', 'none', '0', 'false'].includes(value.trim().toLowerCase())) return [];
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const roles = names.map((name) => {
    if (name === 'all') return [...LLM_ROLES];
    if (!(LLM_ROLES as readonly string[]).includes(name))
      throw new UsageError(
        `Unknown language-model role "${name}": use any of ${LLM_ROLES.join(', ')} (or "all"), comma-separated.`,
      );
    return [name as LlmRole];
  });
  return LLM_ROLES.filter((role) => roles.flat().includes(role));
}
