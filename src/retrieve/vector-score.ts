/**
 * The slot for a vector (embedding) model: when one is configured, each pooled sentence's
 * similarity to the claim is added to its rank score. The default mode configures none, so checks
 * stay model-free and deterministic. A scorer must be synchronous and deterministic too (for a
 * remote or asynchronous model, compute the vectors ahead and serve them from a map).
 */
export interface VectorScorer {
  /** Shown in logs and eval output, e.g. "word vectors: glove.6B.100d.txt". */
  name: string;
  /** Cosine-like similarity of each sentence to the claim, in [-1, 1]. */
  similarity(claim: string, sentences: string[]): number[];
  /** The text's vector, where the scorer has one (a sentence encoder does; word-vector scorers do not). */
  vectorOf?(text: string): Float32Array | undefined;
  /** The length of the vectors `vectorOf` gives. */
  dimensions?: number;
}

/** Log-odds added per unit of similarity when no weight is configured (`$VERITY_VECTOR_WEIGHT`). */
export const DEFAULT_VECTOR_WEIGHT = 2;

export interface VectorSlot {
  scorer: VectorScorer;
  /** Log-odds per unit of similarity added to the rank score. */
  weight: number;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index]! * b[index]!;
    normA += a[index]! * a[index]!;
    normB += b[index]! * b[index]!;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}
