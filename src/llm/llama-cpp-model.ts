import type * as LlamaCpp from 'node-llama-cpp';
import type { Llama, LlamaModel as LoadedModel } from 'node-llama-cpp';
import {
  type Completion,
  type CompletionRequest,
  type LanguageModel,
  LanguageModelError,
} from './language-model.js';

export interface LlamaCppOptions {
  /** A GGUF model file. */
  modelPath: string;
  /** CPU threads for generation. Default 1 per call: several threads on a busy machine slow it down (docs/language-models.md). */
  threads?: number;
  /** Longest one call may take, in ms. Default 60,000. */
  timeoutMs?: number;
}

/**
 * A local GGUF model through node-llama-cpp (an optional dependency: installed by `npm ci`
 * where its prebuilt binary fits, never downloaded at run time). JSON answers are constrained by
 * a grammar made from the request's schema, so they always parse; the model loads once, on the
 * first call, and each call gets a fresh context, so that answers do not depend on earlier calls.
 */
export function llamaCppModel(options: LlamaCppOptions): LanguageModel & { dispose(): Promise<void> } {
  let loading: Promise<{ llama: Llama; model: LoadedModel }> | null = null;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const load = () =>
    (loading ??= (async () => {
      let library: typeof LlamaCpp;
      try {
        library = await import('node-llama-cpp');
      } catch (error) {
        throw new LanguageModelError(
          'node-llama-cpp is not installed (it is an optional dependency): run `npm install node-llama-cpp@3.21.1`, or point VERITY_LLM_URL at a server instead.',
          false,
          null,
          { cause: error },
        );
      }
      const llama = await library.getLlama({
        gpu: false,
        build: 'never',
        progressLogs: false,
        logLevel: library.LlamaLogLevel.error,
      });
      try {
        return { llama, model: await llama.loadModel({ modelPath: options.modelPath }) };
      } catch (error) {
        throw new LanguageModelError(
          `Could not load the GGUF model ${options.modelPath}: ${error instanceof Error ? error.message : String(error)}. Check VERITY_LLM_GGUF.`,
          false,
          null,
          { cause: error },
        );
      }
    })());
  const name = options.modelPath.split(/[\\/]/).pop() ?? options.modelPath;
  return {
    kind: 'llama-cpp',
    model: name,
    constrained: true,
    async complete(request: CompletionRequest): Promise<Completion> {
      const { llama, model } = await load();
      const { LlamaChatSession } = await import('node-llama-cpp');
      const context = await model.createContext({
        contextSize: Math.min(4096, model.trainContextSize),
        threads: options.threads ?? 1,
      });
      try {
        const system = request.messages.find((message) => message.role === 'system')?.content;
        const session = new LlamaChatSession({
          contextSequence: context.getSequence(),
          systemPrompt: system,
        });
        const prompt = request.messages
          .filter((message) => message.role !== 'system')
          .map((message) => message.content)
          .join('\n\n');
        const promptTokens = model.tokenize(prompt).length;
        if (promptTokens + 64 > context.contextSize)
          throw new LanguageModelError(
            `The prompt (${promptTokens} tokens) does not fit the model's context of ${context.contextSize} tokens.`,
          );
        // The grammar type is node-llama-cpp's own schema subset; ours stay within it (docs/language-models.md).
        const grammar = request.schema
          ? await llama.createGrammarForJsonSchema(
              request.schema.schema as Parameters<Llama['createGrammarForJsonSchema']>[0],
            )
          : undefined;
        const text = await session.prompt(prompt, {
          grammar,
          maxTokens: Math.min(request.maxTokens ?? 1024, context.contextSize - promptTokens - 32),
          temperature: 0,
          signal: AbortSignal.timeout(timeoutMs),
          stopOnAbortSignal: false,
        } as Parameters<typeof session.prompt>[1]);
        return { text, usage: { promptTokens, completionTokens: model.tokenize(text).length } };
      } catch (error) {
        if (error instanceof LanguageModelError) throw error;
        throw new LanguageModelError(
          `The local model ${name} failed: ${error instanceof Error ? error.message : String(error)}.`,
          false,
          null,
          { cause: error },
        );
      } finally {
        await context.dispose();
      }
    },
    async dispose() {
      if (loading) {
        const { llama, model } = await loading.catch(() => ({ llama: null, model: null }));
        await model?.dispose();
        await llama?.dispose();
      }
    },
  };
}
