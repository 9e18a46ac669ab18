import { stemmer } from 'stemmer';

/**
 * The search index's own reading of text, the same on every backend: SQLite's FTS5 tokenizer
 * ("porter unicode61 remove_diacritics 2": diacritics dropped, lower case, runs of letters and
 * digits, Porter stems), written out here so that PostgreSQL indexes and queries the same terms
 * and ranks by the same BM25.
 */
export function indexTokens(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return (plain.match(/[\p{L}\p{N}]+/gu) ?? []).map((token) => stemmer(token));
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

/** Query terms as the index reads them: single terms, and phrases keyed by their tokens joined with spaces. */
export function readQueryTerms(terms: string[]): { singles: string[]; phrases: Map<string, string[]> } {
  const singles = new Set<string>();
  const phrases = new Map<string, string[]>();
  for (const term of terms) {
    const tokens = queryTerm(term);
    if (tokens.length === 1) singles.add(tokens[0]!);
    else if (tokens.length > 1) phrases.set(tokens.join(' '), tokens);
  }
  return { singles: [...singles], phrases };
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
