import type pg from 'pg';
import { termCounts } from '../index-terms.js';
import { insertPostings } from './postgres-postings.js';
import { articlesFinding, setDifference, syncFinding } from '../integrity.js';
import type { IntegrityFinding } from '../store.js';

const CURRENT_PASSAGES = `SELECT p.rowid FROM passages p JOIN articles a ON a.id = p.article_id
  WHERE a.superseded_by IS NULL`;
const LOGGED_AS_SEARCHABLE = `SELECT DISTINCT ON (passage_rowid) passage_rowid AS rowid, added FROM index_log
  ORDER BY passage_rowid, seq DESC`;

async function rowids(client: pg.PoolClient, sql: string): Promise<number[]> {
  return (await client.query<{ rowid: string }>(sql)).rows.map((row) => Number(row.rowid));
}

/**
 * PostgreSQL's consistency checks: current articles have passages; the postings (the BM25
 * index) cover exactly the current passages that have index terms; the corpus counts BM25 reads
 * match the rows; the change log ends with exactly the current passages searchable. Run in one
 * transaction that holds the corpus_stats lock, so no writer moves the rows meanwhile.
 */
export async function checkPostgresIntegrity(
  client: pg.PoolClient,
  repair: boolean,
): Promise<IntegrityFinding[]> {
  await client.query('SELECT 1 FROM corpus_stats WHERE id = 1 FOR UPDATE');
  const orphans = (
    await client.query<{ id: string; source: string }>(
      `SELECT a.id, a.source FROM articles a WHERE a.superseded_by IS NULL
       AND NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)
       AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.superseded_by = a.id)`,
    )
  ).rows;
  if (repair && orphans.length > 0) {
    const ids = orphans.map((row) => row.id);
    await client.query('DELETE FROM article_bands WHERE article_id = ANY($1)', [ids]);
    await client.query('DELETE FROM articles WHERE id = ANY($1)', [ids]);
  }

  const indexable = await rowids(client, `${CURRENT_PASSAGES} AND p.length > 0`);
  const posted = setDifference(
    indexable,
    await rowids(client, 'SELECT DISTINCT passage_rowid AS rowid FROM postings'),
  );
  if (repair && posted.extra.length > 0)
    await client.query('DELETE FROM postings WHERE passage_rowid = ANY($1)', [posted.extra]);
  if (repair && posted.missing.length > 0) {
    const { rows } = await client.query<{ rowid: string; text: string }>(
      'SELECT rowid, text FROM passages WHERE rowid = ANY($1)',
      [posted.missing],
    );
    await insertPostings(
      client,
      rows.map((row) => ({ rowid: row.rowid, counts: termCounts(row.text).counts })),
    );
  }

  const counted = (
    await client.query<{ articles: string; passages: string; tokens: string }>(
      `SELECT (SELECT count(*) FROM articles WHERE superseded_by IS NULL) AS articles,
              count(*) AS passages, coalesce(sum(p.length), 0) AS tokens
       FROM passages p JOIN articles a ON a.id = p.article_id WHERE a.superseded_by IS NULL`,
    )
  ).rows[0]!;
  const kept = (
    await client.query<{ articles: string; passages: string; tokens: string }>(
      'SELECT articles, passages, tokens FROM corpus_stats WHERE id = 1',
    )
  ).rows[0]!;
  const statsWrong = (['articles', 'passages', 'tokens'] as const).filter(
    (key) => String(counted[key]) !== String(kept[key]),
  );
  if (repair && statsWrong.length > 0)
    await client.query('UPDATE corpus_stats SET articles = $1, passages = $2, tokens = $3 WHERE id = 1', [
      counted.articles,
      counted.passages,
      counted.tokens,
    ]);

  const current = await rowids(client, CURRENT_PASSAGES);
  const logged = (await client.query<{ rowid: string; added: boolean }>(LOGGED_AS_SEARCHABLE)).rows
    .filter((row) => row.added)
    .map((row) => Number(row.rowid));
  const log = setDifference(current, logged);
  if (repair && log.missing.length > 0) {
    // Indexes take passages in row order, so a lost "added" cannot be appended: the log is written
    // again from the rows, under a new store id that tells every saved index to rebuild.
    await client.query('DELETE FROM index_log');
    await client.query(
      `INSERT INTO index_log (passage_rowid, added) ${CURRENT_PASSAGES.replace('SELECT p.rowid', 'SELECT p.rowid, true')} ORDER BY p.rowid`,
    );
    await client.query(
      "UPDATE corpus_meta SET value = replace(gen_random_uuid()::text, '-', '') WHERE key = 'store_id'",
    );
  } else if (repair && log.extra.length > 0) {
    await client.query('INSERT INTO index_log (passage_rowid, added) SELECT unnest($1::bigint[]), false', [
      log.extra,
    ]);
  }

  return [
    articlesFinding(orphans, repair),
    syncFinding('postings (BM25 index) in step', 'postings', posted, repair),
    {
      check: 'corpus counts',
      problems: statsWrong.length,
      detail:
        statsWrong.length === 0
          ? 'the article, passage and token counts BM25 reads match the rows'
          : `${statsWrong.map((key) => `${key} kept as ${kept[key]}, counted ${counted[key]}`).join('; ')}${repair ? '; repaired' : '; run verity doctor --repair'}`,
      repaired: repair && statsWrong.length > 0,
    },
    syncFinding('search change log in step', 'change log', log, repair),
  ];
}
