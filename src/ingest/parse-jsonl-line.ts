import { InputError } from '../errors.js';
import { cleanAuthors } from '../extract/clean-authors.js';
import { parseDate } from '../extract/parse-date.js';
import type { ExtractedArticle } from '../types.js';

/** One JSONL article line: `text` required; `title`, `url`, `outlet`, `author`, `published` optional. */
export interface JsonlArticle {
  id?: string;
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  author?: string | string[];
  published?: string;
  language?: string;
}

function optionalString(record: Record<string, unknown>, key: string, source: string): string | null {
  const value = record[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new InputError(source, `field "${key}" must be a string, got ${typeof value}`);
  }
  return String(value);
}

/** Parses and validates one line; throws `InputError` naming the line and the problem. */
export function parseJsonlLine(
  line: string,
  source: string,
): { key: string | null; article: ExtractedArticle } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new InputError(
      source,
      `not valid JSON (${(error as Error).message}); each line must be one JSON object`,
      {
        cause: error,
      },
    );
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(source, 'each line must be a JSON object such as {"text": "...", "title": "..."}');
  }
  const fields = record as Record<string, unknown>;
  const text = optionalString(fields, 'text', source);
  if (!text || text.trim() === '')
    throw new InputError(source, 'the required field "text" is missing or empty');
  const author = fields.author;
  return {
    key: optionalString(fields, 'url', source) ?? optionalString(fields, 'id', source),
    article: {
      title: optionalString(fields, 'title', source),
      standfirst: null,
      authors: cleanAuthors(
        Array.isArray(author) ? author.map(String) : typeof author === 'string' ? author : null,
      ),
      outlet: optionalString(fields, 'outlet', source),
      section: optionalString(fields, 'section', source),
      published: parseDate(optionalString(fields, 'published', source)),
      updated: null,
      dateline: null,
      language: optionalString(fields, 'language', source),
      url: optionalString(fields, 'url', source),
      text: text.replace(/\r\n?/g, '\n').trim(),
    },
  };
}
