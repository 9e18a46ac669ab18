import { stemmer } from 'stemmer';

/**
 * The search index's own reading of text, the same on every backend: SQLite's FTS5 tokenizer
 * ("porter unicode61 remove_diacritics 2": diacritics dropped, lower case, runs of letters and
 * digits, Porter stems), written out here so that PostgreSQL indexes and queries the same terms
 * and ranks by the same BM25.
 */
export function indexTokens(text: string): string[] {
  // Text whose only non-ASCII characters are spaces and punctuation (curly quotes, dashes: most
  // English news) needs no Unicode normalisation, and its letters and digits are [a-z0-9].
  if (PLAIN.test(text)) return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return (plain.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}

/** ASCII, no-break space, and Unicode's General Punctuation block (none of which decomposes to a letter or digit). */
// eslint-disable-next-line no-control-regex -- ASCII is the range from \x00
const PLAIN = /^[\x00-\x7f\u00a0\u2000-\u206f]*$/;

/** Stems seen before: a corpus repeats a small vocabulary, and the stemmer's rules cost microseconds a word. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 500_000;

function stem(token: string): string {
  let stemmed = stems.get(token);
  if (stemmed === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stemmed = stemmer(token);
    stems.set(token, stemmed);
  }
  return stemmed;
}

/** Each distinct term of a text with the number of times it occurs, and the text's length in tokens. */
export function termCounts(text: string): { counts: Map<string, number>; length: number } {
  const tokens = indexTokens(text);
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { counts, length: tokens.length };
}

/**
 * A query term as the index reads it: one token is a term; several ("ms-13", "flood OR NEAR(")
 * are a phrase, matched only where its tokens stand in that order. None: nothing to search.
 */
export function queryTerm(term: string): string[] {
  return indexTokens(term);
}

/**
 * The phrases of an OR query as FTS5 reads them (sqlite-search.ts quotes each distinct term): one
 * token list per distinct term, in query order. Two terms with the same tokens ("Vote", "vote")
 * are two phrases and count twice, as in FTS5, so every backend gives the same scores.
 */
export function queryPhrases(terms: string[]): string[][] {
  const distinct = new Set(terms.map((term) => term.replace(/"/g, ' ').trim()).filter((term) => term !== ''));
  return [...distinct].map(queryTerm).filter((tokens) => tokens.length > 0);
}

/** The same query grouped for a database: each single token and each phrase with how many times the query holds it. */
export function readQueryTerms(terms: string[]): {
  singles: Map<string, number>;
  phrases: Map<string, { tokens: string[]; times: number }>;
} {
  const singles = new Map<string, number>();
  const phrases = new Map<string, { tokens: string[]; times: number }>();
  for (const tokens of queryPhrases(terms)) {
    if (tokens.length === 1) singles.set(tokens[0]!, (singles.get(tokens[0]!) ?? 0) + 1);
    else {
      const key = tokens.join(' ');
      const known = phrases.get(key);
      if (known) known.times++;
      else phrases.set(key, { tokens, times: 1 });
    }
  }
  return { singles, phrases };
}

/** Whether an article's publication date (ISO, or null) falls on or before a day (YYYY-MM-DD); undated ones do. */
export function publishedOnOrBefore(published: string | null, day: string | undefined): boolean {
  return !day || !published || published.slice(0, 10) <= day;
}

/** Occurrences of a phrase (its tokens in order) in a text. */
export function phraseCount(tokens: string[], phrase: string[]): number {
  let count = 0;
  outer: for (let start = 0; start + phrase.length <= tokens.length; start++) {
    for (let offset = 0; offset < phrase.length; offset++) {
      if (tokens[start + offset] !== phrase[offset]) continue outer;
    }
    count++;
  }
  return count;
}

/** BM25 as FTS5 computes it (k1 1.2, b 0.75; an IDF at or below zero counts as 1e-6). */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
