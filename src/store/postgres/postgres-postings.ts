import type pg from 'pg';

/** Writes the BM25 postings of some passages in one statement (arrays, not row by row). */
export async function insertPostings(
  client: pg.PoolClient,
  passages: Array<{ rowid: string; counts: Iterable<[string, number]> }>,
): Promise<void> {
  const postings = { term: [] as string[], rowid: [] as string[], tf: [] as number[] };
  for (const passage of passages) {
    for (const [term, tf] of passage.counts) {
      postings.term.push(term);
      postings.rowid.push(passage.rowid);
      postings.tf.push(tf);
    }
  }
  await client.query('INSERT INTO postings SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[])', [
    postings.term,
    postings.rowid,
    postings.tf,
  ]);
}
