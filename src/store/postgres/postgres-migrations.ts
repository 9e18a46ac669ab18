import type pg from 'pg';
import { SPANS_FROM_SENTENCES_SQL } from '../sentence-spans.js';

/**
 * Schema migrations for PostgreSQL, applied in order and recorded in `schema_migrations`; the same
 * tables and columns as the SQLite schema, with the search index as a postings table (term,
 * passage, term frequency) of current passages only. Append new steps; never edit a released one.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, standfirst TEXT, authors TEXT NOT NULL, outlet TEXT, section TEXT,
    published TEXT, updated TEXT, dateline TEXT, language TEXT, url TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    superseded_by TEXT REFERENCES articles(id),
    minhash BYTEA,
    syndication_group TEXT
  );
  CREATE INDEX articles_source ON articles(source) WHERE superseded_by IS NULL;
  CREATE INDEX articles_syndication ON articles(syndication_group) WHERE syndication_group IS NOT NULL;

  CREATE TABLE passages (
    rowid BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    length INTEGER NOT NULL            -- index tokens, for BM25's length normalisation
  );
  CREATE INDEX passages_article ON passages(article_id);

  CREATE TABLE sentences (
    passage_id TEXT NOT NULL REFERENCES passages(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (passage_id, ordinal)
  );

  -- Only current passages are indexed; a superseded article's postings are deleted.
  CREATE TABLE postings (
    term TEXT NOT NULL,
    passage_rowid BIGINT NOT NULL REFERENCES passages(rowid),
    tf INTEGER NOT NULL,
    PRIMARY KEY (term, passage_rowid)
  );

  -- Counts of the current corpus, kept by every write (BM25 needs N and the mean length per query).
  CREATE TABLE corpus_stats (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    articles BIGINT NOT NULL, passages BIGINT NOT NULL, tokens BIGINT NOT NULL
  );
  INSERT INTO corpus_stats VALUES (1, 0, 0, 0);

  CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE article_bands (band_key TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id));
  CREATE INDEX article_bands_key ON article_bands(band_key);

  CREATE TABLE checks (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL,
    corpus_articles INTEGER NOT NULL,
    corpus_last_ingest_at TEXT,
    verdict TEXT NOT NULL,
    report TEXT NOT NULL,              -- the report JSON as written (key order kept)
    previous_id TEXT REFERENCES checks(id)
  );
  CREATE INDEX checks_question ON checks(question, created_at);
  `,
  `
  -- The ingest queue (verity ingest --queue, verity worker): one row per source argument, leased
  -- to one worker at a time; a lease that runs out (the worker died) makes the job due again.
  CREATE TABLE ingest_jobs (
    id BIGSERIAL PRIMARY KEY,
    source TEXT NOT NULL,
    since TEXT,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    run_after TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_by TEXT,
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    summary TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  CREATE INDEX ingest_jobs_due ON ingest_jobs(id) WHERE state IN ('queued', 'running');
  `,
  `
  -- The search changes in commit order (writers take the corpus_stats row lock before they log),
  -- for in-process indexes to follow; and the database's own id.
  CREATE TABLE index_log (
    seq BIGSERIAL PRIMARY KEY,
    passage_rowid BIGINT NOT NULL,
    added BOOLEAN NOT NULL
  );
  INSERT INTO index_log (passage_rowid, added)
    SELECT p.rowid, true FROM passages p JOIN articles a ON a.id = p.article_id
    WHERE a.superseded_by IS NULL ORDER BY p.rowid;
  INSERT INTO corpus_meta (key, value) VALUES ('store_id', replace(gen_random_uuid()::text, '-', ''));
  `,
  `
  -- Every check with a past --as-of counts the articles published by then: from this index, not a scan.
  CREATE INDEX articles_current_day ON articles ((substr(published, 1, 10))) WHERE superseded_by IS NULL;
  `,
  `
  -- The text is stored once: sentences become spans of their passage (store/sentence-spans.ts).
  CREATE TABLE sentence_spans (
    passage_rowid BIGINT NOT NULL REFERENCES passages(rowid),
    ordinal INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_length INTEGER NOT NULL,
    text TEXT,
    PRIMARY KEY (passage_rowid, ordinal)
  );
  ${SPANS_FROM_SENTENCES_SQL}
  `,
];

/** Any fixed number: processes that start together take this lock so one migrates and the others wait. */
const MIGRATION_LOCK = 7_312_004;

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to `target` (default: the latest; tests stop earlier to check an upgrade). */
export async function migrate(client: pg.PoolClient, target = MIGRATIONS.length): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    for (let version = rows[0]?.version ?? 0; version < target; version++) {
      await client.query(MIGRATIONS[version]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
