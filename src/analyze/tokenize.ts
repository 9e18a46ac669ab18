import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { canonicalToken, joinDottedInitials, joinNames, shouted } from './term-variants.js';

/**
 * Lower-cased word tokens (letters, digits, inner hyphens and apostrophes); a possessive 's is
 * dropped ("MS-13's" → "ms-13"), and each term is written one way however the text spells it
 * ("MS13" → "ms-13", "U.S." → "u-s", "Justice Department" → "doj"; term-variants.ts).
 */
export function tokenize(text: string): string[] {
  const normal = joinDottedInitials(text.normalize('NFKC'));
  const inShoutedText = shouted(normal);
  const tokens = (normal.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).map((token) =>
    canonicalToken(token.replace(/’/g, "'").replace(/'s$/i, ''), inShoutedText),
  );
  return joinNames(tokens);
}

/** Tokens that carry content: not stopwords, not single letters. */
export function contentTerms(text: string): string[] {
  return tokenize(text).filter((token) => !STOPWORDS.has(token) && (token.length > 1 || /\d/.test(token)));
}

const stems = new Map<string, string>();
/** Bound on the stem cache; news vocabularies are large, so it is emptied rather than grown without end. */
const STEM_CACHE_SIZE = 200_000;

/** Porter stem, the same algorithm SQLite FTS5's `porter` tokenizer applies to the index (cached: every check stems the same words again). */
export function stem(term: string): string {
  let stemmed = stems.get(term);
  if (stemmed === undefined) {
    if (stems.size >= STEM_CACHE_SIZE) stems.clear();
    stemmed = stemmer(term);
    stems.set(term, stemmed);
  }
  return stemmed;
}

/** Stemmed content terms of a text, as a set (for overlap scoring). */
export function stemSet(text: string): Set<string> {
  return new Set(
    contentTerms(text)
      .flatMap((term) => term.split('-'))
      .map(stem),
  );
}
