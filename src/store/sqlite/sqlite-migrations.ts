import type Database from 'better-sqlite3';
import { SPANS_FROM_SENTENCES_SQL } from '../sentence-spans.js';

/**
 * Schema migrations, applied in order and recorded in `PRAGMA user_version`.
 * Append new steps; never edit a released one.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE articles (
    id TEXT PRIMARY KEY,              -- first 16 hex digits of the content hash
    source TEXT NOT NULL,             -- file path, URL or file.jsonl#line
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, standfirst TEXT, authors TEXT NOT NULL, outlet TEXT, section TEXT,
    published TEXT, updated TEXT, dateline TEXT, language TEXT, url TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    superseded_by TEXT REFERENCES articles(id)  -- set when the same source changed; kept for old citations
  );
  CREATE INDEX articles_source ON articles(source) WHERE superseded_by IS NULL;

  CREATE TABLE passages (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,          -- <article id>:<ordinal>
    article_id TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL
  );
  CREATE INDEX passages_article ON passages(article_id);

  CREATE TABLE sentences (
    passage_id TEXT NOT NULL REFERENCES passages(id),
    ordinal INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (passage_id, ordinal)
  ) WITHOUT ROWID;

  -- Only current passages are indexed; a superseded article's passages leave the index.
  CREATE VIRTUAL TABLE passages_fts USING fts5(text, content='passages', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2');

  CREATE TABLE corpus_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- Syndication: MinHash signatures, their LSH band keys, and the group of copies an article is in.
  ALTER TABLE articles ADD COLUMN minhash BLOB;
  ALTER TABLE articles ADD COLUMN syndication_group TEXT;
  CREATE INDEX articles_syndication ON articles(syndication_group) WHERE syndication_group IS NOT NULL;
  CREATE TABLE article_bands (band_key TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id));
  CREATE INDEX article_bands_key ON article_bands(band_key);
  `,
  `
  -- Stored checks: every report with the corpus state it saw, for show and recheck.
  CREATE TABLE checks (
    id TEXT PRIMARY KEY,
    question TEXT NOT NULL,
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL,
    corpus_articles INTEGER NOT NULL,
    corpus_last_ingest_at TEXT,
    verdict TEXT NOT NULL,
    report TEXT NOT NULL,
    previous_id TEXT REFERENCES checks(id)
  );
  CREATE INDEX checks_question ON checks(question, created_at);
  `,
  `
  -- The search changes in order (a passage indexed, or removed when its article is superseded), for
  -- in-process indexes to follow; and the database's own id, so that an index is never used on another.
  CREATE TABLE index_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    passage_rowid INTEGER NOT NULL,
    added INTEGER NOT NULL
  );
  INSERT INTO index_log (passage_rowid, added)
    SELECT p.rowid, 1 FROM passages p JOIN articles a ON a.id = p.article_id
    WHERE a.superseded_by IS NULL ORDER BY p.rowid;
  INSERT INTO corpus_meta (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
  `,
  `
  -- Every check with a past --as-of counts the articles published by then: from this index, not a scan.
  CREATE INDEX articles_current_day ON articles(substr(published, 1, 10)) WHERE superseded_by IS NULL;
  `,
  `
  -- The text is stored once: sentences become spans of their passage (store/sentence-spans.ts).
  CREATE TABLE sentence_spans (
    passage_rowid INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    span_start INTEGER NOT NULL,
    span_length INTEGER NOT NULL,
    text TEXT,                        -- only when the sentence is not that span of its passage
    PRIMARY KEY (passage_rowid, ordinal)
  ) WITHOUT ROWID;
  ${SPANS_FROM_SENTENCES_SQL}
  `,
];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the schema to `target` (default: the latest; tests stop earlier to check an upgrade). */
export function migrate(db: Database.Database, target = MIGRATIONS.length): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
