import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';

/** Lower-cased word tokens (letters, digits, inner hyphens and apostrophes); a possessive 's is dropped ("MS-13's" → "ms-13"). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKC')
      .match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []
  ).map((token) => token.replace(/’/g, "'").replace(/'s$/, ''));
}

/** Tokens that carry content: not stopwords, not single letters. */
export function contentTerms(text: string): string[] {
  return tokenize(text).filter((token) => !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token)));
}

/** Porter stem, the same algorithm SQLite FTS5's `porter` tokenizer applies to the index. */
export function stem(term: string): string {
  return stemmer(term);
}

/** Stemmed content terms of a text, as a set (for overlap scoring). */
export function stemSet(text: string): Set<string> {
  return new Set(
    contentTerms(text)
      .flatMap((term) => term.split('-'))
      .map(stem),
  );
}
