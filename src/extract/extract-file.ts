import { UsageError } from '../errors.js';
import { inputKindFromPath, sniffInputKind } from '../ingest/detect-input-kind.js';
import { readInputFile } from '../ingest/read-input-file.js';
import type { ExtractedArticle } from '../types.js';
import { extractArticle } from './extract-article.js';

/** Reads one file (gzipped or not, any declared charset) and extracts its article. */
export async function extractFile(filePath: string, maxFileBytes: number): Promise<ExtractedArticle> {
  const kind = inputKindFromPath(filePath);
  if (kind === 'jsonl')
    throw new UsageError('JSONL files hold articles already; ingest them with `verity ingest`.');
  const decoded = await readInputFile(filePath, maxFileBytes);
  return extractArticle(decoded.text, kind ?? sniffInputKind(decoded.text));
}
