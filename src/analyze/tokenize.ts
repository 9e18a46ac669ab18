import { stemmer } from 'stemmer';
import { STOPWORDS } from './stopwords.js';
import { canonicalToken, joinDottedInitials, joinNames, shouted } from './term-variants.js';

/**
 * Lower-cased word tokens (letters, digits, inner hyphens and apostrophes); a possessive 's is
 * dropped ("MS-13's" → "ms-13"), and each term is written one way however the text spells it
 * ("MS13" → "ms-13", "U.S." → "u-s", "Justice Department" → "doj"; term-variants.ts).
 */
export function tokenize(text: string): string[] {
  // A check reads the same sentences many times over (features, alignment, coverage): sentence-
  // length texts are tokenized once. The arrays are frozen, since callers share them.
  if (text.length <= TOKEN_CACHE_MAX_CHARS) {
    const cached = tokenCache.get(text);
    if (cached) return cached;
    if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.clear();
    const tokens = Object.freeze(tokenizeUncached(text)) as string[];
    tokenCache.set(text, tokens);
    return tokens;
  }
  return tokenizeUncached(text);
}

const tokenCache = new Map<string, string[]>();
/** Bound on the token cache (emptied, not grown without end) and on the length of a cached text. */
const TOKEN_CACHE_SIZE = 50_000;
const TOKEN_CACHE_MAX_CHARS = 2_000;

function tokenizeUncached(text: string): string[] {
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

/** A text's content words (hyphenated ones in their parts), their stems in order, and the stems as a set. */
export interface ContentStems {
  words: readonly string[];
  stems: readonly string[];
  set: ReadonlySet<string>;
}

/** Content words and stems of a text; sentence-length texts are read once (a check reads each many times). */
export function contentStems(text: string): ContentStems {
  const cached = contentStemsCache.get(text);
  if (cached) return cached;
  const words = contentTerms(text).flatMap((term) => term.split('-'));
  const stems = words.map(stem);
  const read: ContentStems = {
    words: Object.freeze(words),
    stems: Object.freeze(stems),
    set: new Set(stems),
  };
  if (text.length <= TOKEN_CACHE_MAX_CHARS) {
    if (contentStemsCache.size >= TOKEN_CACHE_SIZE) contentStemsCache.clear();
    contentStemsCache.set(text, read);
  }
  return read;
}

const contentStemsCache = new Map<string, ContentStems>();

/** Stemmed content terms of a text, as a set (for overlap scoring). */
export function stemSet(text: string): ReadonlySet<string> {
  return contentStems(text).set;
}
