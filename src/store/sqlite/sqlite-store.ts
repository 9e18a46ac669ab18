import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../errors.js';
import type {
  ArticleInfo,
  CorpusState,
  Passage,
  RankedPassage,
  Sentence,
  StoredArticle,
} from '../../types.js';
import type {
  ArticleInput,
  PassageQuery,
  PutStatus,
  SimilarCandidate,
  Store,
  StoredCheck,
} from '../store.js';
import { checkSqliteIntegrity } from './sqlite-integrity.js';
import { migrate } from './sqlite-migrations.js';
import {
  toArticle,
  toArticleInfo,
  ARTICLE_INFO_COLUMNS,
  toCheck,
  toPassage,
  type ArticleRow,
  type CheckRow,
  type PassageRow,
} from '../store-rows.js';
import { countMatches, searchFts } from './sqlite-search.js';
import { SPAN_TEXT_SQL, sentenceSpans } from '../sentence-spans.js';

export interface SqliteStoreOptions {
  /** Path of the database file; created with its folder when missing. `:memory:` for tests. */
  path: string;
  /** Open without writing (for `check`). Default false. */
  readonly?: boolean;
}

/** The embedded default store: one SQLite file with an FTS5 index, in WAL mode for crash safety. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  let db: Database.Database;
  try {
    if (options.path !== ':memory:')
      fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
    db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    throw new StoreError(
      `Cannot open the Verity database at ${options.path}: ${(error as Error).message}. ` +
        'Check that the folder is writable, or choose another file with --db or VERITY_DB.',
      { cause: error },
    );
  }

  const statements = {
    byHash: db.prepare('SELECT id FROM articles WHERE content_hash = ?'),
    currentBySource: db.prepare('SELECT id FROM articles WHERE source = ? AND superseded_by IS NULL'),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, source, content_hash, title, standfirst, authors, outlet, section, published,
        updated, dateline, language, url, text, ingested_at, minhash, syndication_group)
       VALUES (@id, @source, @contentHash, @title, @standfirst, @authors, @outlet, @section, @published,
        @updated, @dateline, @language, @url, @text, @ingestedAt, @minhash, @syndicationGroup)`,
    ),
    supersede: db.prepare('UPDATE articles SET superseded_by = ? WHERE id = ?'),
    insertPassage: db.prepare('INSERT INTO passages (id, article_id, ordinal, text) VALUES (?, ?, ?, ?)'),
    indexPassage: db.prepare('INSERT INTO passages_fts (rowid, text) VALUES (?, ?)'),
    passagesOf: db.prepare('SELECT rowid, text FROM passages WHERE article_id = ?'),
    logChange: db.prepare('INSERT INTO index_log (passage_rowid, added) VALUES (?, ?)'),
    changes: db.prepare(
      `SELECT l.seq, l.passage_rowid AS rowid, l.added, CASE WHEN l.added = 1 THEN p.text END AS text,
         CASE WHEN l.added = 1 THEN a.published END AS published
       FROM index_log l LEFT JOIN passages p ON p.rowid = l.passage_rowid
         LEFT JOIN articles a ON a.id = p.article_id
       WHERE l.seq > ? ORDER BY l.seq LIMIT ?`,
    ),
    lastChange: db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM index_log'),
    passageByRowid: db.prepare('SELECT rowid, id, article_id, ordinal, text FROM passages WHERE rowid = ?'),
    unindexPassage: db.prepare(
      "INSERT INTO passages_fts (passages_fts, rowid, text) VALUES ('delete', ?, ?)",
    ),
    insertSpan: db.prepare(
      'INSERT INTO sentence_spans (passage_rowid, ordinal, span_start, span_length, text) VALUES (?, ?, ?, ?, ?)',
    ),
    setMeta: db.prepare(
      'INSERT INTO corpus_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    getMeta: db.prepare('SELECT value FROM corpus_meta WHERE key = ?'),
    saveCheck: db.prepare(
      `INSERT INTO checks (id, question, as_of, created_at, corpus_articles, corpus_last_ingest_at, verdict, report, previous_id)
       VALUES (@id, @question, @asOf, @createdAt, @articles, @lastIngestAt, @verdict, @report, @previousId)
       ON CONFLICT(id) DO UPDATE SET report = excluded.report, created_at = excluded.created_at`,
    ),
    getCheck: db.prepare('SELECT * FROM checks WHERE id = ?'),
    latestChecks: db.prepare(
      `SELECT * FROM checks c WHERE created_at = (SELECT max(created_at) FROM checks WHERE question = c.question)
       GROUP BY question ORDER BY created_at DESC, id`,
    ),
    insertBand: db.prepare('INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)'),
    groupOf: db.prepare('SELECT coalesce(syndication_group, id) AS grp FROM articles WHERE id = ?'),
    setGroup: db.prepare(
      'UPDATE articles SET syndication_group = ? WHERE id = ? AND syndication_group IS NULL',
    ),
    groupMembers: db.prepare(
      'SELECT * FROM articles WHERE syndication_group = ? AND superseded_by IS NULL ORDER BY coalesce(published, ingested_at), id',
    ),
    article: db.prepare('SELECT * FROM articles WHERE id = ?'),
    articleInfo: db.prepare(`SELECT ${ARTICLE_INFO_COLUMNS} FROM articles WHERE id = ?`),
    articleText: db.prepare('SELECT text FROM articles WHERE id = ?'),
    passage: db.prepare('SELECT id, article_id, ordinal, text FROM passages WHERE id = ?'),
    sentences: db.prepare(
      `SELECT p.id AS passage_id, s.ordinal, ${SPAN_TEXT_SQL} AS text
       FROM passages p JOIN sentence_spans s ON s.passage_rowid = p.rowid WHERE p.id = ? ORDER BY s.ordinal`,
    ),
    totalChanges: db.prepare('SELECT total_changes() AS n'),
    // Two counts, each answered from the partial index on the publication day (migration 5).
    publishedBy: db.prepare(
      `SELECT (SELECT count(*) FROM articles WHERE superseded_by IS NULL AND substr(published, 1, 10) <= ?)
            + (SELECT count(*) FROM articles WHERE superseded_by IS NULL AND substr(published, 1, 10) IS NULL) AS n`,
    ),
    // The current passages are the ones FTS5 indexes, one docsize row each (verity doctor holds the
    // two in step): counted there in 0.1 s at a million passages, against 4–20 s for the join of
    // passages and articles, which every new process paid on its first check.
    counts: db.prepare(
      `SELECT (SELECT count(*) FROM articles WHERE superseded_by IS NULL) AS articles,
              (SELECT count(*) FROM passages_fts_docsize) AS passages`,
    ),
  };

  /** Changes when this connection or another one writes: what the cached counts are valid for. */
  const dataVersion = () =>
    `${String(db.pragma('data_version', { simple: true }))}:${(statements.totalChanges.get() as { n: number }).n}`;
  let publishedByCache: { version: string; counts: Map<string, number> } = { version: '', counts: new Map() };
  let corpusStateCache: { version: string; state: CorpusState } | undefined;

  function unindexArticle(articleId: string): void {
    for (const row of statements.passagesOf.all(articleId) as Array<{ rowid: number; text: string }>) {
      statements.unindexPassage.run(row.rowid, row.text);
      statements.logChange.run(row.rowid, 0);
    }
  }

  const putArticle = db.transaction((input: ArticleInput, now: Date): PutStatus => {
    if (statements.byHash.get(input.contentHash)) return 'skipped';
    const id = input.contentHash.slice(0, 16);
    const previous = statements.currentBySource.get(input.source) as { id: string } | undefined;
    const { article } = input;
    let syndicationGroup: string | null = null;
    if (input.syndicateWith) {
      syndicationGroup =
        (statements.groupOf.get(input.syndicateWith) as { grp: string } | undefined)?.grp ?? null;
      if (syndicationGroup) statements.setGroup.run(syndicationGroup, input.syndicateWith);
    }
    statements.insertArticle.run({
      ...article,
      id,
      source: input.source,
      contentHash: input.contentHash,
      authors: JSON.stringify(article.authors),
      ingestedAt: now.toISOString(),
      minhash: input.signature
        ? Buffer.from(input.signature.buffer, input.signature.byteOffset, input.signature.byteLength)
        : null,
      syndicationGroup,
    });
    for (const key of input.bandKeys ?? []) statements.insertBand.run(key, id);
    input.passages.forEach((passage, ordinal) => {
      const passageId = `${id}:${ordinal}`;
      const { lastInsertRowid } = statements.insertPassage.run(passageId, id, ordinal, passage.text);
      statements.indexPassage.run(lastInsertRowid, passage.text);
      statements.logChange.run(lastInsertRowid, 1);
      for (const span of sentenceSpans(passage))
        statements.insertSpan.run(lastInsertRowid, span.ordinal, span.start, span.length, span.text);
    });
    if (previous) {
      unindexArticle(previous.id);
      statements.supersede.run(id, previous.id);
    }
    statements.setMeta.run('last_ingest_at', now.toISOString());
    return previous ? 'updated' : 'added';
  });

  const putBatch = db.transaction((inputs: ArticleInput[], now: Date): PutStatus[] =>
    inputs.map((input) => putArticle(input, now)),
  );

  return {
    kind: 'sqlite',
    putArticle: async (input, now) => putArticle(input, now),
    putArticles: async (inputs, now) => putBatch(inputs, now),
    hasContent: async (hash) => statements.byHash.get(hash) !== undefined,
    async searchPassages(query: PassageQuery): Promise<RankedPassage[]> {
      const hits = searchFts(db, query.terms, query.limit, query.publishedBy ?? null);
      const articles = new Map<string, ArticleInfo>();
      return hits.map((hit) => {
        let article = articles.get(hit.article_id);
        if (!article) {
          article = toArticleInfo(statements.articleInfo.get(hit.article_id) as ArticleRow);
          articles.set(article.id, article);
        }
        return { passage: toPassage(hit), article, score: hit.score };
      });
    },
    async documentFrequencies(terms: string[]): Promise<Map<string, number>> {
      return new Map(terms.map((term) => [term, countMatches(db, term)]));
    },
    async sentencesOf(passageIds: string[]): Promise<Map<string, Sentence[]>> {
      return new Map(
        passageIds.map((id) => [
          id,
          (statements.sentences.all(id) as Array<{ passage_id: string; ordinal: number; text: string }>).map(
            (row) => ({ passageId: row.passage_id, ordinal: row.ordinal, text: row.text }),
          ),
        ]),
      );
    },
    async getPassage(id: string): Promise<(Passage & { article: StoredArticle }) | null> {
      const row = statements.passage.get(id) as PassageRow | undefined;
      if (!row) return null;
      return { ...toPassage(row), article: toArticle(statements.article.get(row.article_id) as ArticleRow) };
    },
    async articleTexts(ids: string[]): Promise<Map<string, string>> {
      const texts = new Map<string, string>();
      for (const id of new Set(ids)) {
        const row = statements.articleText.get(id) as { text: string } | undefined;
        if (row) texts.set(id, row.text);
      }
      return texts;
    },
    async getArticle(id: string): Promise<StoredArticle | null> {
      const row = statements.article.get(id) as ArticleRow | undefined;
      return row ? toArticle(row) : null;
    },
    async similarCandidates(bandKeys: string[]): Promise<SimilarCandidate[]> {
      if (bandKeys.length === 0) return [];
      const rows = db
        .prepare(
          `SELECT DISTINCT a.id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id
           WHERE b.band_key IN (${bandKeys.map(() => '?').join(',')}) AND a.superseded_by IS NULL AND a.minhash IS NOT NULL`,
        )
        .all(...bandKeys) as Array<{ id: string; minhash: Buffer }>;
      return rows.map((row) => ({
        articleId: row.id,
        signature: new Uint32Array(
          row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength),
        ),
      }));
    },
    async syndicationGroup(groupId: string): Promise<StoredArticle[]> {
      return (statements.groupMembers.all(groupId) as ArticleRow[]).map(toArticle);
    },
    async saveCheck(check: StoredCheck): Promise<void> {
      statements.saveCheck.run({
        id: check.id,
        question: check.question,
        asOf: check.asOf,
        createdAt: check.createdAt,
        articles: check.report.corpus.articles,
        lastIngestAt: check.report.corpus.lastIngestAt,
        verdict: check.report.verdict.label,
        report: JSON.stringify(check.report),
        previousId: check.previousId,
      });
    },
    async getCheck(id: string): Promise<StoredCheck | null> {
      const row = statements.getCheck.get(id) as CheckRow | undefined;
      return row ? toCheck(row) : null;
    },
    async latestChecks(): Promise<StoredCheck[]> {
      return (statements.latestChecks.all() as CheckRow[]).map(toCheck);
    },
    async articlesPublishedBy(day: string): Promise<number> {
      // A check as of a past day counts its articles (9 ms at 250,000 articles): kept like corpusState.
      const version = dataVersion();
      if (publishedByCache.version !== version) publishedByCache = { version, counts: new Map() };
      let count = publishedByCache.counts.get(day);
      if (count === undefined) {
        count = (statements.publishedBy.get(day) as { n: number }).n;
        if (publishedByCache.counts.size >= 1_000) publishedByCache.counts.clear();
        publishedByCache.counts.set(day, count);
      }
      return count;
    },
    async corpusState(): Promise<CorpusState> {
      // Counting passages walks the whole table; every check asks (for IDF), so the answer is kept
      // until this connection or another one writes (total_changes / data_version move).
      const version = dataVersion();
      if (corpusStateCache?.version === version) return corpusStateCache.state;
      const counts = statements.counts.get() as { articles: number; passages: number };
      const last = statements.getMeta.get('last_ingest_at') as { value: string } | undefined;
      const state = {
        articles: counts.articles,
        passages: counts.passages,
        lastIngestAt: last?.value ?? null,
      };
      corpusStateCache = { version, state };
      return state;
    },
    async storeId() {
      return (statements.getMeta.get('store_id') as { value: string }).value;
    },
    async indexChanges(afterSeq, limit) {
      return (
        statements.changes.all(afterSeq, limit) as Array<{
          seq: number;
          rowid: number;
          added: number;
          text: string | null;
          published: string | null;
        }>
      ).map((row) => ({ ...row, added: row.added === 1 }));
    },
    async lastIndexChange() {
      return (statements.lastChange.get() as { seq: number }).seq;
    },
    async passagesByRowid(rowids) {
      const articles = new Map<string, ArticleInfo>();
      return rowids.flatMap((rowid) => {
        const row = statements.passageByRowid.get(rowid) as (PassageRow & { rowid: number }) | undefined;
        if (!row) return [];
        let article = articles.get(row.article_id);
        if (!article) {
          article = toArticleInfo(statements.articleInfo.get(row.article_id) as ArticleRow);
          articles.set(article.id, article);
        }
        return [{ ...toPassage(row), rowid: row.rowid, article }];
      });
    },
    checkIntegrity: async (repair) => checkSqliteIntegrity(db, repair),
    close: async () => {
      db.close();
    },
  };
}
