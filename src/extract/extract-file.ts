import { UsageError } from '../errors.js';
import { classifyContent } from '../ingest/classify-content.js';
import { inputKindFromPath } from '../ingest/detect-input-kind.js';
import { readInputFile } from '../ingest/read-input-file.js';
import type { ExtractedArticle } from '../types.js';
import { extractArticle } from './extract-article.js';

/** Reads one file (gzipped or not, any declared charset) and extracts its article. */
export async function extractFile(filePath: string, maxFileBytes: number): Promise<ExtractedArticle> {
  const named = inputKindFromPath(filePath);
  if (named === 'jsonl' || named === 'warc') {
    throw new UsageError(
      `${named.toUpperCase()} files hold many articles; ingest them with \`verity ingest\`.`,
    );
  }
  const decoded = await readInputFile(filePath, maxFileBytes);
  const kind = classifyContent(decoded.text, named);
  if (kind === 'feed' || kind === 'sitemap') {
    throw new UsageError(`this is a ${kind}, not an article; ingest it with \`verity ingest\`.`);
  }
  return extractArticle(decoded.text, kind);
}
