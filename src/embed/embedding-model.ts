/**
 * The contract for a sentence encoder: texts in, one unit-length vector per text out, in order.
 * Implementations live beside this file (the Universal Sentence Encoder from npm, a cache wrapper);
 * tests use a fake that implements the same contract.
 */
export interface EmbeddingModel {
  /** Shown in logs and eval output, e.g. "Universal Sentence Encoder lite (512-d)". */
  readonly name: string;
  readonly dimensions: number;
  /** One L2-normalised vector per text, in input order. Rejects with a clear error when the model cannot run. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Scales a vector to unit length (a zero vector stays zero), so that a dot product is the cosine. */
export function normalise(vector: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(vector);
  let norm = 0;
  for (const value of out) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let index = 0; index < out.length; index++) out[index]! /= norm;
  return out;
}

/** Dot product of two unit vectors: their cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += a[index]! * b[index]!;
  return sum;
}
