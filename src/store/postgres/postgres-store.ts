import pg from 'pg';
import { withoutPassword } from '../../config.js';
import { StoreError } from '../../errors.js';
import type { ArticleInfo, CorpusState, RankedPassage, Sentence, StoredArticle } from '../../types.js';
import { termCounts } from '../index-terms.js';
import type { ArticleInput, PutStatus, Store } from '../store.js';
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
import { checkPostgresIntegrity } from './postgres-integrity.js';
import { migrate } from './postgres-migrations.js';
import { insertPostings } from './postgres-postings.js';
import { countPostings, searchPostings } from './postgres-search.js';
import { SPAN_TEXT_SQL, sentenceSpans } from '../sentence-spans.js';

export interface PostgresStoreOptions {
  /** A libpq connection URL: `postgres://user:password@host:5432/verity` (a socket: `?host=/run/postgresql`). */
  url: string;
  /** Connections this process keeps open. Default 4. */
  poolSize?: number;
}

/**
 * The shared-deployment store: PostgreSQL through `pg`, the same rows as the SQLite store and a
 * postings table for BM25. Migrations run once, on first use (several processes may start together;
 * one migrates while the others wait on an advisory lock).
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 4 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error(`verity: PostgreSQL connection lost: ${error.message}`));
  const ready = (async () => {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
  })().catch((error: unknown) => {
    throw new StoreError(
      `Cannot open the Verity database at ${withoutPassword(options.url)}: ${(error as Error).message}. ` +
        'Check that the server is running and the URL (VERITY_DATABASE_URL or --db) names a database you can write.',
      { cause: error },
    );
  });
  // A failure is reported by the first call that needs the database, not as an unhandled rejection.
  ready.catch(() => {});

  async function query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    await ready;
    return (await pool.query<R>(text, values)).rows;
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    await ready;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * What a write transaction changes in the shared rows, applied once at its end (`settle`): the
   * corpus counts and the change log. The stats row's lock orders writers so that the log's
   * sequence is commit order; taken last, it is held only for the few statements before COMMIT,
   * not while a batch's passages, sentences and postings are written (which workers do side by side).
   */
  interface WriteTail {
    articles: number;
    passages: number;
    tokens: number;
    log: Array<{ rowid: string; added: boolean }>;
  }

  const emptyTail = (): WriteTail => ({ articles: 0, passages: 0, tokens: 0, log: [] });

  async function settle(client: pg.PoolClient, tail: WriteTail, now: Date): Promise<void> {
    if (tail.log.length === 0 && tail.articles === 0) return;
    await client.query(
      'UPDATE corpus_stats SET articles = articles + $1, passages = passages + $2, tokens = tokens + $3',
      [tail.articles, tail.passages, tail.tokens],
    );
    await client.query(
      `INSERT INTO index_log (passage_rowid, added)
       SELECT rowid, added FROM unnest($1::bigint[], $2::boolean[]) WITH ORDINALITY AS t(rowid, added, n)
       ORDER BY n`,
      [tail.log.map((entry) => entry.rowid), tail.log.map((entry) => entry.added)],
    );
    await client.query(
      `INSERT INTO corpus_meta (key, value) VALUES ('last_ingest_at', $1)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [now.toISOString()],
    );
  }

  /** Writes articles in one transaction; the shared rows are touched once, at its end. */
  function putInTransaction(inputs: ArticleInput[], now: Date): Promise<PutStatus[]> {
    return inTransaction(async (client) => {
      const tail = emptyTail();
      const out: PutStatus[] = [];
      for (const input of inputs) out.push(await putOne(client, input, now, tail));
      await settle(client, tail, now);
      return out;
    });
  }

  async function putOne(
    client: pg.PoolClient,
    input: ArticleInput,
    now: Date,
    tail: WriteTail,
  ): Promise<PutStatus> {
    // Writers of one source queue here, so that an update supersedes exactly one current version.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [input.source]);
    const known = await client.query('SELECT 1 FROM articles WHERE content_hash = $1', [input.contentHash]);
    if (known.rowCount) return 'skipped';
    const id = input.contentHash.slice(0, 16);
    const previous = (
      await client.query<{ id: string }>(
        'SELECT id FROM articles WHERE source = $1 AND superseded_by IS NULL',
        [input.source],
      )
    ).rows[0];
    let syndicationGroup: string | null = null;
    if (input.syndicateWith) {
      syndicationGroup =
        (
          await client.query<{ grp: string }>(
            'SELECT coalesce(syndication_group, id) AS grp FROM articles WHERE id = $1',
            [input.syndicateWith],
          )
        ).rows[0]?.grp ?? null;
      if (syndicationGroup)
        await client.query(
          'UPDATE articles SET syndication_group = $1 WHERE id = $2 AND syndication_group IS NULL',
          [syndicationGroup, input.syndicateWith],
        );
    }
    const { article } = input;
    const inserted = await client.query(
      `INSERT INTO articles (id, source, content_hash, title, standfirst, authors, outlet, section, published,
         updated, dateline, language, url, text, ingested_at, minhash, syndication_group)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (content_hash) DO NOTHING`,
      [
        id,
        input.source,
        input.contentHash,
        article.title,
        article.standfirst,
        JSON.stringify(article.authors),
        article.outlet,
        article.section,
        article.published,
        article.updated,
        article.dateline,
        article.language,
        article.url,
        article.text,
        now.toISOString(),
        input.signature
          ? Buffer.from(input.signature.buffer, input.signature.byteOffset, input.signature.byteLength)
          : null,
        syndicationGroup,
      ],
    );
    // Another writer stored the same content first (two workers, one page): nothing more to do.
    if (!inserted.rowCount) return 'skipped';
    if (input.bandKeys?.length)
      await client.query('INSERT INTO article_bands SELECT unnest($1::text[]), $2', [input.bandKeys, id]);
    await insertPassages(client, id, input.passages, tail);
    if (previous) {
      const gone = (
        await client.query<{ n: string; tokens: string | null }>(
          'SELECT count(*) AS n, sum(length) AS tokens FROM passages WHERE article_id = $1',
          [previous.id],
        )
      ).rows[0]!;
      await client.query(
        'DELETE FROM postings WHERE passage_rowid IN (SELECT rowid FROM passages WHERE article_id = $1)',
        [previous.id],
      );
      const removed = await client.query<{ rowid: string }>(
        'SELECT rowid FROM passages WHERE article_id = $1 ORDER BY rowid',
        [previous.id],
      );
      for (const row of removed.rows) tail.log.push({ rowid: row.rowid, added: false });
      tail.articles -= 1;
      tail.passages -= Number(gone.n);
      tail.tokens -= Number(gone.tokens ?? 0);
      await client.query('UPDATE articles SET superseded_by = $1 WHERE id = $2', [id, previous.id]);
    }
    return previous ? 'updated' : 'added';
  }

  /** Passages, their sentences and their postings, each in one statement (arrays, not row by row). */
  async function insertPassages(
    client: pg.PoolClient,
    articleId: string,
    passages: ArticleInput['passages'],
    tail: WriteTail,
  ) {
    const counted = passages.map((passage) => termCounts(passage.text));
    tail.articles += 1;
    tail.passages += passages.length;
    tail.tokens += counted.reduce((sum, count) => sum + count.length, 0);
    const { rows } = await client.query<{ rowid: string; ordinal: number }>(
      `INSERT INTO passages (id, article_id, ordinal, text, length)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::int[])
       RETURNING rowid, ordinal`,
      [
        passages.map((_, ordinal) => `${articleId}:${ordinal}`),
        passages.map(() => articleId),
        passages.map((_, ordinal) => ordinal),
        passages.map((passage) => passage.text),
        counted.map((count) => count.length),
      ],
    );
    const spans = {
      rowid: [] as string[],
      ordinal: [] as number[],
      start: [] as number[],
      length: [] as number[],
      text: [] as Array<string | null>,
    };
    for (const row of rows) {
      for (const span of sentenceSpans(passages[row.ordinal]!)) {
        spans.rowid.push(row.rowid);
        spans.ordinal.push(span.ordinal);
        spans.start.push(span.start);
        spans.length.push(span.length);
        spans.text.push(span.text);
      }
    }
    await client.query(
      'INSERT INTO sentence_spans SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[])',
      [spans.rowid, spans.ordinal, spans.start, spans.length, spans.text],
    );
    await insertPostings(
      client,
      rows.map((row) => ({ rowid: row.rowid, counts: counted[row.ordinal]!.counts })),
    );
    for (const rowid of rows.map((row) => row.rowid).sort((x, y) => Number(x) - Number(y)))
      tail.log.push({ rowid, added: true });
  }

  async function article(id: string): Promise<StoredArticle | null> {
    const [row] = await query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id]);
    return row ? toArticle(row) : null;
  }

  return {
    kind: 'postgres',
    putArticle: async (input, now) => (await putInTransaction([input], now))[0]!,
    putArticles: (inputs, now) => putInTransaction(inputs, now),
    async hasContent(hash) {
      return (await query('SELECT 1 FROM articles WHERE content_hash = $1', [hash])).length > 0;
    },
    async searchPassages(search): Promise<RankedPassage[]> {
      await ready;
      const hits = await searchPostings(pool, search.terms, search.limit, search.publishedBy ?? null);
      const articles = new Map<string, ArticleInfo>();
      const ids = [...new Set(hits.map((hit) => hit.article_id))];
      for (const row of await query<ArticleRow>(
        `SELECT ${ARTICLE_INFO_COLUMNS} FROM articles WHERE id = ANY($1::text[])`,
        [ids],
      ))
        articles.set(row.id, toArticleInfo(row));
      return hits.map((hit) => ({
        passage: toPassage(hit),
        article: articles.get(hit.article_id)!,
        score: hit.score,
      }));
    },
    async documentFrequencies(terms) {
      await ready;
      return countPostings(pool, terms);
    },
    async sentencesOf(passageIds) {
      const rows = await query<{ passage_id: string; ordinal: number; text: string }>(
        `SELECT p.id AS passage_id, s.ordinal, ${SPAN_TEXT_SQL} AS text
         FROM passages p JOIN sentence_spans s ON s.passage_rowid = p.rowid
         WHERE p.id = ANY($1::text[]) ORDER BY p.id, s.ordinal`,
        [passageIds],
      );
      const out = new Map<string, Sentence[]>(passageIds.map((id) => [id, []]));
      for (const row of rows)
        out.get(row.passage_id)!.push({ passageId: row.passage_id, ordinal: row.ordinal, text: row.text });
      return out;
    },
    async getPassage(id) {
      const [row] = await query<PassageRow>(
        'SELECT id, article_id, ordinal, text FROM passages WHERE id = $1',
        [id],
      );
      if (!row) return null;
      return { ...toPassage(row), article: (await article(row.article_id))! };
    },
    getArticle: article,
    async articleTexts(ids) {
      const rows = await query<{ id: string; text: string }>(
        'SELECT id, text FROM articles WHERE id = ANY($1::text[])',
        [[...new Set(ids)]],
      );
      return new Map(rows.map((row) => [row.id, row.text]));
    },
    async similarCandidates(bandKeys) {
      if (bandKeys.length === 0) return [];
      const rows = await query<{ id: string; minhash: Buffer }>(
        `SELECT DISTINCT a.id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id
         WHERE b.band_key = ANY($1::text[]) AND a.superseded_by IS NULL AND a.minhash IS NOT NULL
         ORDER BY a.id`,
        [bandKeys],
      );
      return rows.map((row) => ({
        articleId: row.id,
        signature: new Uint32Array(
          row.minhash.buffer.slice(row.minhash.byteOffset, row.minhash.byteOffset + row.minhash.byteLength),
        ),
      }));
    },
    async syndicationGroup(groupId) {
      const rows = await query<ArticleRow>(
        `SELECT * FROM articles WHERE syndication_group = $1 AND superseded_by IS NULL
         ORDER BY coalesce(published, ingested_at) COLLATE "C", id COLLATE "C"`,
        [groupId],
      );
      return rows.map(toArticle);
    },
    async corpusState(): Promise<CorpusState> {
      const [stats] = await query<{ articles: string; passages: string; last: string | null }>(
        `SELECT articles, passages, (SELECT value FROM corpus_meta WHERE key = 'last_ingest_at') AS last
         FROM corpus_stats`,
      );
      return {
        articles: Number(stats!.articles),
        passages: Number(stats!.passages),
        lastIngestAt: stats!.last,
      };
    },
    async articlesPublishedBy(day) {
      const [row] = await query<{ n: string }>(
        `SELECT (SELECT count(*) FROM articles WHERE superseded_by IS NULL AND substr(published, 1, 10) <= $1)
              + (SELECT count(*) FROM articles WHERE superseded_by IS NULL AND substr(published, 1, 10) IS NULL) AS n`,
        [day],
      );
      return Number(row!.n);
    },
    async saveCheck(check) {
      await query(
        `INSERT INTO checks (id, question, as_of, created_at, corpus_articles, corpus_last_ingest_at, verdict, report, previous_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET report = excluded.report, created_at = excluded.created_at`,
        [
          check.id,
          check.question,
          check.asOf,
          check.createdAt,
          check.report.corpus.articles,
          check.report.corpus.lastIngestAt,
          check.report.verdict.label,
          JSON.stringify(check.report),
          check.previousId,
        ],
      );
    },
    async getCheck(id) {
      const [row] = await query<CheckRow>('SELECT * FROM checks WHERE id = $1', [id]);
      return row ? toCheck(row) : null;
    },
    async latestChecks() {
      const rows = await query<CheckRow>(
        `SELECT * FROM (SELECT DISTINCT ON (question) * FROM checks ORDER BY question, created_at DESC, id) latest
         ORDER BY created_at COLLATE "C" DESC, id COLLATE "C"`,
      );
      return rows.map(toCheck);
    },
    async storeId() {
      const [row] = await query<{ value: string }>("SELECT value FROM corpus_meta WHERE key = 'store_id'");
      return row!.value;
    },
    async indexChanges(afterSeq, limit) {
      const rows = await query<{
        seq: string;
        rowid: string;
        added: boolean;
        text: string | null;
        published: string | null;
      }>(
        `SELECT l.seq, l.passage_rowid AS rowid, l.added, CASE WHEN l.added THEN p.text END AS text,
           CASE WHEN l.added THEN a.published END AS published
         FROM index_log l LEFT JOIN passages p ON p.rowid = l.passage_rowid
           LEFT JOIN articles a ON a.id = p.article_id
         WHERE l.seq > $1 ORDER BY l.seq LIMIT $2`,
        [afterSeq, limit],
      );
      return rows.map((row) => ({
        seq: Number(row.seq),
        rowid: Number(row.rowid),
        added: row.added,
        text: row.text,
        published: row.published,
      }));
    },
    async lastIndexChange() {
      const [row] = await query<{ seq: string }>('SELECT coalesce(max(seq), 0) AS seq FROM index_log');
      return Number(row!.seq);
    },
    async passagesByRowid(rowids) {
      const rows = await query<PassageRow & { rowid: string }>(
        'SELECT rowid, id, article_id, ordinal, text FROM passages WHERE rowid = ANY($1::bigint[])',
        [rowids],
      );
      const byRowid = new Map(rows.map((row) => [Number(row.rowid), row]));
      const ids = [...new Set(rows.map((row) => row.article_id))];
      const articles = new Map(
        (
          await query<ArticleRow>(`SELECT ${ARTICLE_INFO_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [
            ids,
          ])
        ).map((row) => [row.id, toArticleInfo(row)]),
      );
      return rowids.flatMap((rowid) => {
        const row = byRowid.get(rowid);
        return row ? [{ ...toPassage(row), rowid, article: articles.get(row.article_id)! }] : [];
      });
    },
    checkIntegrity: (repair) => inTransaction((client) => checkPostgresIntegrity(client, repair)),
    async close() {
      await ready.catch(() => {});
      await pool.end();
    },
  };
}
