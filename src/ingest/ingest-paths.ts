import fs from 'node:fs';
import readline from 'node:readline';
import { splitPassages } from '../analyze/split-passages.js';
import { InputError } from '../errors.js';
import { extractArticle } from '../extract/extract-article.js';
import type { Store } from '../store/store.js';
import type { ExtractedArticle } from '../types.js';
import { contentHash } from './content-hash.js';
import { inputKindFromPath, sniffInputKind } from './detect-input-kind.js';
import { parseJsonlLine } from './parse-jsonl-line.js';
import { readInputFile } from './read-input-file.js';
import { walkInputs } from './walk-inputs.js';

export type ItemStatus = 'added' | 'updated' | 'skipped' | 'failed';

export interface IngestItemResult {
  source: string;
  status: ItemStatus;
  /** Why the item failed, or what was odd about it (a guessed encoding). */
  reason?: string;
}

export interface IngestSummary {
  added: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Every failed item with its source and reason (successes are counted, not listed). */
  failures: IngestItemResult[];
  warnings: IngestItemResult[];
}

export interface IngestOptions {
  store: Store;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Called after each file; `itemsDone` counts articles (JSONL files hold many). */
  onProgress?: (progress: { filesDone: number; filesTotal: number; itemsDone: number }) => void;
  /** Injected clock, for reproducible tests. Default: `() => new Date()`. */
  now?: () => Date;
}

/** Ingests files and directories (recursively): each article is extracted, split and stored. */
export async function ingestPaths(paths: string[], options: IngestOptions): Promise<IngestSummary> {
  const now = options.now ?? (() => new Date());
  const summary: IngestSummary = { added: 0, updated: 0, skipped: 0, failed: 0, failures: [], warnings: [] };
  const record = (result: IngestItemResult) => {
    summary[result.status]++;
    if (result.status === 'failed') summary.failures.push(result);
    else if (result.reason) summary.warnings.push(result);
  };
  const store = (source: string, article: ExtractedArticle): IngestItemResult => {
    if (article.text.trim() === '')
      return { source, status: 'failed', reason: 'no article text found in it' };
    const passages = splitPassages(article.text);
    const status = options.store.putArticle(
      { source, article, contentHash: contentHash(article), passages },
      now(),
    );
    return { source, status };
  };

  const inputs = await walkInputs(paths);
  let itemsDone = 0;
  for (const [index, input] of inputs.entries()) {
    if (input instanceof InputError) {
      record({ source: input.source, status: 'failed', reason: input.message });
      continue;
    }
    try {
      const kindFromPath = inputKindFromPath(input.path);
      if (kindFromPath === 'jsonl') {
        // A JSONL file is a batch, not one article: it is streamed, and the size limit applies per line.
        itemsDone += await ingestJsonl(input.path, options.maxFileBytes, record, store);
      } else {
        const decoded = await readInputFile(input.path, options.maxFileBytes);
        const result = store(
          input.path,
          extractArticle(decoded.text, kindFromPath ?? sniffInputKind(decoded.text)),
        );
        const guessed = decoded.guessed && result.status !== 'failed';
        record(
          guessed ? { ...result, reason: `encoding not declared; read as ${decoded.encoding}` } : result,
        );
        itemsDone++;
      }
    } catch (error) {
      record({ source: input.path, status: 'failed', reason: reasonOf(error) });
    }
    options.onProgress?.({ filesDone: index + 1, filesTotal: inputs.length, itemsDone });
  }
  return summary;
}

function reasonOf(error: unknown): string {
  return error instanceof InputError
    ? error.message
    : `unexpected error: ${(error as Error).message ?? String(error)}`;
}

/** Streams a JSONL file line by line (bounded memory); a bad line fails alone. */
async function ingestJsonl(
  filePath: string,
  maxLineBytes: number,
  record: (result: IngestItemResult) => void,
  store: (source: string, article: ExtractedArticle) => IngestItemResult,
): Promise<number> {
  const lines = readline.createInterface({
    input: fs.createReadStream(filePath, 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  let items = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const where = `${filePath}:${lineNumber}`;
    try {
      if (line.length > maxLineBytes)
        throw new InputError(where, `line is over the ${maxLineBytes}-byte limit`);
      const { key, article } = parseJsonlLine(line, where);
      record(store(key ?? where, article));
    } catch (error) {
      record({ source: where, status: 'failed', reason: reasonOf(error) });
    }
    items++;
  }
  return items;
}
