import {
  type Completion,
  type CompletionRequest,
  type LanguageModel,
  LanguageModelError,
} from './language-model.js';

export interface OpenAiCompatibleOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:11434/v1` (Ollama) or `https://api.openai.com/v1`. */
  baseUrl: string;
  /** The model's name on that server. */
  model: string;
  /** Sent as a bearer token when set; never logged or written to a report. */
  apiKey?: string | null;
  /** Longest one call may take, in ms. Default 60,000. */
  timeoutMs?: number;
  /** Injected for tests. Default: the global fetch. */
  fetch?: typeof fetch;
}

interface ChatResponse {
  choices?: Array<{ message?: { content?: string | null } }>;
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** "Retry-After: 2" or an HTTP date, in ms; null when absent or unreadable. */
function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * Any OpenAI-compatible chat endpoint (Ollama, llama.cpp's server, vLLM, LM Studio, OpenAI):
 * POST {baseUrl}/chat/completions at temperature 0, asking for JSON matching the request's schema
 * through `response_format` (servers that ignore it are caught by the structured-output repair loop).
 */
export function openAiCompatibleModel(options: OpenAiCompatibleOptions): LanguageModel {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const send = options.fetch ?? fetch;
  return {
    kind: 'openai-compatible',
    model: options.model,
    async complete(request: CompletionRequest): Promise<Completion> {
      const body = {
        model: options.model,
        messages: request.messages,
        temperature: 0,
        max_tokens: request.maxTokens ?? 1024,
        ...(request.schema
          ? {
              response_format: {
                type: 'json_schema',
                json_schema: { name: request.schema.name, schema: request.schema.schema },
              },
            }
          : {}),
      };
      let response: Response;
      try {
        response = await send(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        throw new LanguageModelError(
          timedOut
            ? `The language model at ${options.baseUrl} did not answer within ${timeoutMs} ms (VERITY_LLM_TIMEOUT_MS raises the limit).`
            : `Could not reach the language model at ${options.baseUrl}: ${error instanceof Error ? error.message : String(error)}. Is the server running (VERITY_LLM_URL)?`,
          !timedOut,
          null,
          { cause: error },
        );
      }
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 200);
        const retryable = response.status === 429 || response.status >= 500;
        throw new LanguageModelError(
          `The language model at ${options.baseUrl} answered HTTP ${response.status}${detail ? `: ${detail}` : ''}` +
            (response.status === 401 || response.status === 403 ? ' (check VERITY_LLM_KEY).' : '.') +
            (response.status === 404 ? ` Is "${options.model}" served there (VERITY_LLM_MODEL)?` : ''),
          retryable,
          retryAfter(response.headers.get('retry-after')),
        );
      }
      let parsed: ChatResponse;
      try {
        parsed = (await response.json()) as ChatResponse;
      } catch (error) {
        throw new LanguageModelError(
          `The language model at ${options.baseUrl} sent a body that is not JSON; is VERITY_LLM_URL the /v1 base of an OpenAI-compatible server?`,
          false,
          null,
          { cause: error },
        );
      }
      const text = parsed.choices?.[0]?.message?.content;
      if (typeof text !== 'string')
        throw new LanguageModelError(
          `The language model at ${options.baseUrl} sent no message content (choices[0].message.content).`,
        );
      return {
        text,
        usage: {
          promptTokens: parsed.usage?.prompt_tokens ?? 0,
          completionTokens: parsed.usage?.completion_tokens ?? 0,
        },
      };
    },
  };
}
