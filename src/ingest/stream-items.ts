import fs from 'node:fs';
import readline from 'node:readline';
import { InputError } from '../errors.js';
import { decodeBytes } from './decode-bytes.js';
import { deferred, failure, type IngestItem, type SourceContext } from './ingest-item.js';
import { parseJsonlLine } from './parse-jsonl-line.js';
import { readWarcPages } from './read-warc.js';

/** Streams a JSONL file line by line (bounded memory); a bad line fails alone. */
export async function* jsonlItems(filePath: string, context: SourceContext): AsyncGenerator<IngestItem> {
  const lines = readline.createInterface({
    input: fs.createReadStream(filePath, 'utf8'),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const where = `${filePath}:${lineNumber}`;
    try {
      if (line.length > context.maxFileBytes)
        throw new InputError(where, `line is over the ${context.maxFileBytes}-byte limit`);
      const { key, article } = parseJsonlLine(line, where);
      yield { source: key ?? where, article: Promise.resolve(article) };
    } catch (error) {
      yield failure(where, error);
    }
  }
}

export async function* warcItems(filePath: string, context: SourceContext): AsyncGenerator<IngestItem> {
  try {
    for await (const page of readWarcPages(filePath, context.maxFileBytes)) {
      if ('error' in page) {
        yield { source: `${filePath}#${page.url}`, error: page.error };
        continue;
      }
      const { text } = decodeBytes(page.bytes, page.charset);
      const article = context.extractor.extract(page.url, text, 'html', page.url).then((extracted) => ({
        ...extracted,
        url: extracted.url ?? page.url,
        published: extracted.published ?? null,
      }));
      yield { source: page.url, article: deferred(article) };
    }
  } catch (error) {
    yield failure(
      filePath,
      new InputError(filePath, `the WARC file is damaged or not WARC: ${(error as Error).message}`, {
        cause: error,
      }),
    );
  }
}
