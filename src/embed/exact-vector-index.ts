export interface VectorHit {
  /** Position of the vector in the list the index was built from. */
  index: number;
  score: number;
}

/**
 * Exact nearest neighbours by dot product (cosine, for unit vectors) over one flat Float32Array:
 * a full scan, with a bounded selection of the best k. The baseline any approximate index must
 * beat, and fast enough at a hundred thousand vectors (npm run eval:dense prints its latency).
 */
export function exactVectorIndex(vectors: Float32Array[]): {
  size: number;
  search(query: Float32Array, k: number): VectorHit[];
} {
  const dimensions = vectors[0]?.length ?? 0;
  const matrix = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, index) => matrix.set(vector, index * dimensions));
  return {
    size: vectors.length,
    search(query, k) {
      const best: VectorHit[] = [];
      let floor = -Infinity;
      for (let index = 0; index < vectors.length; index++) {
        // Inlined dot product (no view allocated per row: this loop is the whole cost).
        const offset = index * dimensions;
        let score = 0;
        for (let at = 0; at < dimensions; at++) score += query[at]! * matrix[offset + at]!;
        if (best.length >= k && score <= floor) continue;
        best.push({ index, score });
        if (best.length > k * 2) {
          best.sort((a, b) => b.score - a.score || a.index - b.index);
          best.length = k;
          floor = best[k - 1]!.score;
        }
      }
      return best.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
    },
  };
}
