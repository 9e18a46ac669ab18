import { Ajv, type ValidateFunction } from 'ajv';
import {
  type ChatMessage,
  type JsonSchema,
  type LanguageModel,
  LanguageModelError,
  type LlmRole,
} from './language-model.js';

/** Answers that do not parse or match the schema are sent back with the error this many times. Default 2. */
export const DEFAULT_REPAIRS = 2;

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<string, ValidateFunction>();

/** The JSON inside an answer: the whole text, or the first {...} block when a model wraps it in prose or a code fence. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start >= 0 && end > start) return JSON.parse(text.slice(start, end + 1));
    throw new SyntaxError('no JSON object in the answer');
  }
}

export interface JsonAnswer<T> {
  value: T;
  /** How many answers were sent back for repair before this one held. */
  repairs: number;
}

/**
 * Asks for JSON matching `schema`, the structured-output loop for every provider: local models
 * are grammar-constrained and servers are sent `response_format`, but a server that ignores it,
 * or an answer cut short, is shown what was wrong and asked again, up to `repairs` times; after
 * that the call fails with a `LanguageModelError` (the role is then skipped and said so).
 */
export async function completeJson<T>(
  model: LanguageModel,
  role: LlmRole,
  messages: ChatMessage[],
  schema: { name: string; schema: JsonSchema },
  options: { maxTokens?: number; repairs?: number } = {},
): Promise<JsonAnswer<T>> {
  const key = JSON.stringify(schema.schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema.schema);
    validators.set(key, validate);
  }
  const conversation = [...messages];
  const repairs = options.repairs ?? (model.constrained ? 0 : DEFAULT_REPAIRS);
  let problem = '';
  for (let attempt = 0; attempt <= repairs; attempt++) {
    const answer = await model.complete({
      role,
      messages: [...conversation],
      schema,
      maxTokens: options.maxTokens,
    });
    try {
      const value = parseJson(answer.text);
      if (validate(value)) return { value: value as T, repairs: attempt };
      problem = `it does not match the schema: ${ajv.errorsText(validate.errors)}`;
    } catch (error) {
      problem = `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    }
    conversation.push(
      { role: 'assistant', content: answer.text.slice(0, 4000) },
      {
        role: 'user',
        content: `That answer cannot be used: ${problem}. Answer again with only a JSON object matching the schema "${schema.name}".`,
      },
    );
  }
  throw new LanguageModelError(
    `The ${role}'s answer from ${model.model} was unusable after ${repairs} repair${repairs === 1 ? '' : 's'}: ${problem}.`,
  );
}
