import {
  type Completion,
  type CompletionRequest,
  type LanguageModel,
  LanguageModelError,
} from './language-model.js';

/** One scripted answer: text, or a function of the request (to answer from what was sent), or an error to throw. */
export type ScriptedAnswer = string | ((request: CompletionRequest) => string) | LanguageModelError;

/**
 * A language model for tests: it answers each role's calls from a script, in order, and fails
 * loudly — naming the role and the prompt's start — when a call comes that nothing was scripted
 * for, so a test cannot pass on a call it did not expect. `requests` keeps every call made.
 */
export function fakeLanguageModel(
  script: Partial<Record<CompletionRequest['role'], ScriptedAnswer[]>>,
  model = 'scripted',
): LanguageModel & { requests: CompletionRequest[]; remaining(): number } {
  const queues = Object.fromEntries(Object.entries(script).map(([role, answers]) => [role, [...answers]]));
  const requests: CompletionRequest[] = [];
  return {
    kind: 'fake',
    model,
    requests,
    remaining: () => Object.values(queues).reduce((sum, queue) => sum + queue.length, 0),
    async complete(request): Promise<Completion> {
      requests.push(request);
      const next = queues[request.role]?.shift();
      if (next === undefined) {
        const prompt = request.messages.at(-1)?.content.slice(0, 120) ?? '';
        throw new Error(
          `fakeLanguageModel: no scripted answer left for a ${request.role} call ("${prompt}…")`,
        );
      }
      if (next instanceof LanguageModelError) throw next;
      const text = typeof next === 'function' ? next(request) : next;
      return {
        text,
        usage: {
          promptTokens: Math.ceil(JSON.stringify(request.messages).length / 4),
          completionTokens: Math.ceil(text.length / 4),
        },
      };
    },
  };
}
