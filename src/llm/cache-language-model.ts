import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Completion, CompletionRequest, LanguageModel } from './language-model.js';

/** The cache key: the model and a hash of everything that shapes its answer (messages, schema, length). */
export function promptKey(model: Pick<LanguageModel, 'kind' | 'model'>, request: CompletionRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        model.kind,
        model.model,
        request.messages,
        request.schema ?? null,
        request.maxTokens ?? null,
      ]),
    )
    .digest('hex');
}

/**
 * Wraps a model with a cache keyed by model and prompt hash, so that a rerun of the same check
 * on the same corpus sends nothing and gets the same report. With `dir`, answers are also kept
 * as one small JSON file each (written whole, then renamed, so a crash leaves no torn file) and
 * survive restarts; an unreadable file is a miss.
 */
export function cacheLanguageModel(model: LanguageModel, dir: string | null = null): LanguageModel {
  const memory = new Map<string, Completion>();
  const fileOf = (key: string) => path.join(dir!, key.slice(0, 2), `${key}.json`);
  return {
    kind: model.kind,
    model: model.model,
    constrained: model.constrained,
    async complete(request) {
      const key = promptKey(model, request);
      let hit = memory.get(key);
      if (!hit && dir) {
        try {
          hit = JSON.parse(fs.readFileSync(fileOf(key), 'utf8')) as Completion;
          memory.set(key, hit);
        } catch {
          hit = undefined;
        }
      }
      if (hit) return { ...hit, cached: true };
      const answer = await model.complete(request);
      const kept = { text: answer.text, usage: answer.usage };
      memory.set(key, kept);
      if (dir) {
        const file = fileOf(key);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(`${file}.tmp`, JSON.stringify(kept));
        fs.renameSync(`${file}.tmp`, file);
      }
      return answer;
    },
  };
}
