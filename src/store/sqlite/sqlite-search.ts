import type Database from 'better-sqlite3';

/**
 * Builds an FTS5 MATCH expression that ORs the terms. Each term is quoted, so punctuation in it
 * ("ms-13") becomes a phrase of its tokens and no user text is read as FTS5 syntax.
 */
export function toMatchExpression(terms: string[]): string | null {
  const quoted = [...new Set(terms)]
    .map((term) => term.replace(/"/g, ' ').trim())
    .filter((term) => term !== '')
    .map((term) => `"${term}"`);
  return quoted.length > 0 ? quoted.join(' OR ') : null;
}

export interface SearchHit {
  rowid: number;
  id: string;
  article_id: string;
  ordinal: number;
  text: string;
  score: number;
}

/**
 * BM25-ranked passages (FTS5's `bm25()`, negated so that higher is better). `publishedBy` keeps
 * passages of articles published on or before that day (and undated ones) inside the ranking, so
 * that a past `--as-of` still fills the pool.
 */
export function searchFts(
  db: Database.Database,
  terms: string[],
  limit: number,
  publishedBy: string | null = null,
): SearchHit[] {
  const match = toMatchExpression(terms);
  if (!match) return [];
  if (publishedBy === null)
    return db
      .prepare(
        `SELECT p.rowid, p.id, p.article_id, p.ordinal, p.text, -bm25(passages_fts) AS score
         FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid
         WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ?`,
      )
      .all(match, limit) as SearchHit[];
  return db
    .prepare(
      `SELECT p.rowid, p.id, p.article_id, p.ordinal, p.text, -bm25(passages_fts) AS score
       FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid JOIN articles a ON a.id = p.article_id
       WHERE passages_fts MATCH ? AND (a.published IS NULL OR substr(a.published, 1, 10) <= ?)
       ORDER BY bm25(passages_fts) LIMIT ?`,
    )
    .all(match, publishedBy, limit) as SearchHit[];
}

export function countMatches(db: Database.Database, term: string): number {
  const match = toMatchExpression([term]);
  if (!match) return 0;
  const row = db.prepare('SELECT count(*) AS n FROM passages_fts WHERE passages_fts MATCH ?').get(match) as {
    n: number;
  };
  return row.n;
}
