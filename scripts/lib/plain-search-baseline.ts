import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { searchFts } from '../../src/store/sqlite/sqlite-search.js';

/** The backend's own full-text search on the same terms: what Verity's retrieval is measured against. */
export interface PlainSearchBaseline {
  name: string;
  /** Builds what the baseline needs once the corpus is in (PostgreSQL: the tsvector index). */
  prepare(): Promise<void>;
  query(terms: string[], limit: number): Promise<number>;
  databaseBytes(): Promise<number>;
  close(): Promise<void>;
}

/** SQLite: the bare FTS5 query (BM25 over the passages, the terms OR-ed), on its own connection. */
export function sqliteBaseline(file: string): PlainSearchBaseline {
  let db: Database.Database | null = null;
  return {
    name: 'bare FTS5 BM25 query',
    async prepare() {
      db = new Database(file, { readonly: true });
    },
    async query(terms, limit) {
      return searchFts(db!, terms, limit).length;
    },
    async databaseBytes() {
      return ['', '-wal'].reduce(
        (sum, suffix) => sum + (fs.statSync(file + suffix, { throwIfNoEntry: false })?.size ?? 0),
        0,
      );
    },
    async close() {
      db?.close();
    },
  };
}

/**
 * PostgreSQL: the plain way, `to_tsvector('english', text)` in a GIN index, the terms OR-ed in a
 * tsquery, ranked by `ts_rank_cd` (which has no IDF). Built after ingest, so it does not slow it.
 */
export async function postgresBaseline(url: string): Promise<PlainSearchBaseline> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    name: 'PostgreSQL tsvector + GIN, ts_rank_cd (OR query)',
    async prepare() {
      await client.query('DROP TABLE IF EXISTS bench_tsv');
      await client.query(
        "CREATE TABLE bench_tsv AS SELECT rowid, to_tsvector('english', text) AS tsv FROM passages",
      );
      await client.query('CREATE INDEX bench_tsv_gin ON bench_tsv USING gin (tsv)');
      await client.query('ANALYZE bench_tsv');
    },
    async query(terms, limit) {
      const words = [...new Set(terms.flatMap((term) => term.match(/[\p{L}\p{N}]+/gu) ?? []))];
      if (words.length === 0) return 0;
      const { rowCount } = await client.query(
        `SELECT rowid FROM bench_tsv, to_tsquery('english', $1) q WHERE tsv @@ q
         ORDER BY ts_rank_cd(tsv, q) DESC LIMIT $2`,
        [words.join(' | '), limit],
      );
      return rowCount ?? 0;
    },
    async databaseBytes() {
      // Without the baseline's own table, so that the figure is Verity's database.
      const { rows } = await client.query<{ total: string; baseline: string | null }>(
        `SELECT pg_database_size(current_database()) AS total,
                (SELECT pg_total_relation_size('bench_tsv') WHERE to_regclass('bench_tsv') IS NOT NULL) AS baseline`,
      );
      return Number(rows[0]!.total) - Number(rows[0]!.baseline ?? 0);
    },
    async close() {
      await client.end();
    },
  };
}
