/** The constant of reciprocal-rank fusion (Cormack, Clarke and Büttcher 2009): 60, as they found best. */
export const RRF_K = 60;

/**
 * Reciprocal-rank fusion of several rankings of ids: each id scores the sum of 1 / (k + rank) over
 * the rankings that hold it (rank from 1). It needs no score calibration between the rankings,
 * which BM25 and cosine similarity do not share. Ties keep the order of first appearance.
 */
export function fuseRankings(rankings: string[][], k = RRF_K): string[] {
  const scores = new Map<string, number>();
  for (const ranking of rankings)
    ranking.forEach((id, rank) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + rank + 1)));
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
