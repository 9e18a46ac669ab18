import { InputError } from '../errors.js';
import type { ArticleKind } from '../ingest/detect-input-kind.js';
import type { ExtractedArticle } from '../types.js';
import { extractArticle } from './extract-article.js';
import type { MarkupLimits } from './measure-markup.js';

export interface ExtractTask {
  content: string;
  kind: ArticleKind;
  url: string | null;
  limits: MarkupLimits;
}

export type ExtractOutcome = { article: ExtractedArticle } | { error: string; input: boolean };

/** Worker-thread entry (piscina): extracts one page or text file. Errors come back as values (a thread boundary loses their class). */
export default function extractInWorker(task: ExtractTask): ExtractOutcome {
  try {
    return { article: extractArticle(task.content, task.kind, task.url, task.limits) };
  } catch (error) {
    return { error: (error as Error).message, input: error instanceof InputError };
  }
}
