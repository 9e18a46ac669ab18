import type pg from 'pg';
import { BM25_B, BM25_K1, indexTokens, phraseCount, queryTerm, readQueryTerms } from '../index-terms.js';
import type { PassageRow } from '../store-rows.js';

type Queryable = Pick<pg.Pool, 'query'>;

/**
 * Postings of a phrase, which the index does not hold: the passages that hold all its terms,
 * read again to count the phrase itself. Rare in queries (hyphenated names, pasted syntax).
 */
async function phrasePostings(
  db: Queryable,
  phrase: string[],
): Promise<Array<{ rowid: string; tf: number }>> {
  const distinct = [...new Set(phrase)];
  const { rows } = await db.query<{ rowid: string; text: string }>(
    `SELECT ps.rowid, ps.text FROM passages ps WHERE ps.rowid IN (
       SELECT passage_rowid FROM postings WHERE term = ANY($1::text[])
       GROUP BY passage_rowid HAVING count(*) = $2)`,
    [distinct, distinct.length],
  );
  return rows
    .map((row) => ({ rowid: row.rowid, tf: phraseCount(indexTokens(row.text), phrase) }))
    .filter((posting) => posting.tf > 0);
}

async function virtualPostings(db: Queryable, phrases: Map<string, { tokens: string[] }>) {
  const out = { terms: [] as string[], rowids: [] as string[], tfs: [] as number[] };
  for (const [key, { tokens }] of phrases) {
    for (const posting of await phrasePostings(db, tokens)) {
      out.terms.push(key);
      out.rowids.push(posting.rowid);
      out.tfs.push(posting.tf);
    }
  }
  return out;
}

export interface PostgresHit extends PassageRow {
  score: number;
}

/**
 * Passages ranked by BM25 over the postings, computed in the database as FTS5 computes it (same
 * terms, IDF, k1, b and length normalisation), so that both backends rank alike. Ties break on
 * insertion order. `publishedBy` narrows the candidates, not the statistics (as a join narrows FTS5's).
 */
export async function searchPostings(
  db: Queryable,
  terms: string[],
  limit: number,
  publishedBy: string | null = null,
): Promise<PostgresHit[]> {
  const { singles, phrases } = readQueryTerms(terms);
  if (singles.size === 0 && phrases.size === 0) return [];
  // How many times the query holds each term (FTS5 counts a repeated one again).
  const times = [
    ...[...singles].map(([term, count]) => [term, count] as const),
    ...[...phrases].map(([key, phrase]) => [key, phrase.times] as const),
  ];
  const extra = await virtualPostings(db, phrases);
  const { rows } = await db.query<PassageRow & { score: number }>(
    `WITH hits AS (
       SELECT term, passage_rowid, tf FROM postings WHERE term = ANY($1::text[])
       UNION ALL
       SELECT * FROM unnest($2::text[], $3::bigint[], $4::int[]) AS v(term, passage_rowid, tf)
     ),
     stats AS (
       SELECT greatest(passages, 2)::float8 AS n, greatest(tokens::float8 / greatest(passages, 2), 1e-9) AS avgdl
       FROM corpus_stats
     ),
     times AS (SELECT * FROM unnest($9::text[], $10::int[]) AS t(term, times)),
     weights AS (
       SELECT h.term, t.times * (CASE WHEN ln((s.n - count(*) + 0.5) / (count(*) + 0.5)) <= 0 THEN 1e-6
         ELSE ln((s.n - count(*) + 0.5) / (count(*) + 0.5)) END) AS idf
       FROM hits h CROSS JOIN stats s JOIN times t ON t.term = h.term GROUP BY h.term, s.n, t.times
     )
     SELECT ps.id, ps.article_id, ps.ordinal, ps.text,
       sum(w.idf * h.tf * ($5::float8 + 1) /
           (h.tf + $5::float8 * (1 - $6::float8 + $6::float8 * ps.length / s.avgdl)))::float8 AS score
     FROM hits h JOIN weights w ON w.term = h.term
       JOIN passages ps ON ps.rowid = h.passage_rowid CROSS JOIN stats s
       JOIN articles a ON a.id = ps.article_id
     WHERE $8::text IS NULL OR a.published IS NULL OR substr(a.published, 1, 10) <= $8::text
     GROUP BY ps.rowid, s.avgdl ORDER BY score DESC, ps.rowid LIMIT $7`,
    [
      [...singles.keys()],
      extra.terms,
      extra.rowids,
      extra.tfs,
      BM25_K1,
      BM25_B,
      limit,
      publishedBy,
      times.map(([term]) => term),
      times.map(([, count]) => count),
    ],
  );
  return rows;
}

/** Current passages holding each term (as FTS5 counts a MATCH of the quoted term). */
export async function countPostings(db: Queryable, terms: string[]): Promise<Map<string, number>> {
  const read = new Map(terms.map((term) => [term, queryTerm(term)]));
  const singles = [...new Set([...read.values()].filter((tokens) => tokens.length === 1).map((t) => t[0]!))];
  const { rows } = await db.query<{ term: string; n: string }>(
    'SELECT term, count(*) AS n FROM postings WHERE term = ANY($1::text[]) GROUP BY term',
    [singles],
  );
  const counts = new Map(rows.map((row) => [row.term, Number(row.n)]));
  const out = new Map<string, number>();
  for (const [term, tokens] of read) {
    if (tokens.length === 0) out.set(term, 0);
    else if (tokens.length === 1) out.set(term, counts.get(tokens[0]!) ?? 0);
    else out.set(term, (await phrasePostings(db, tokens)).length);
  }
  return out;
}
