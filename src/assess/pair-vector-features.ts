/**
 * A claim–sentence pair read through a sentence encoder, for the stance models: the elementwise
 * product u∘v and the elementwise distance |u−v| of the two unit vectors (as in InferSent and
 * Sentence-BERT's classifiers). A linear model over them is a learned bilinear comparison of the
 * two meanings, which the one cosine (`denseSimilarity`) cannot be: it can learn that agreeing on
 * some directions and differing on others is what a denial looks like.
 */

/** Names of the pair-vector features for vectors of `dimensions` components, in order. */
export function pairVectorFeatureNames(dimensions: number): string[] {
  return [
    ...Array.from({ length: dimensions }, (_, index) => `denseProduct${index}`),
    ...Array.from({ length: dimensions }, (_, index) => `denseDistance${index}`),
  ];
}

export function pairVectorFeatures(claim: Float32Array, sentence: Float32Array): number[] {
  if (claim.length !== sentence.length)
    throw new Error(
      `Pair vectors differ in length (${claim.length} and ${sentence.length}); both must come from one encoder.`,
    );
  const out = new Array<number>(claim.length * 2);
  for (let index = 0; index < claim.length; index++) {
    out[index] = claim[index]! * sentence[index]!;
    out[claim.length + index] = Math.abs(claim[index]! - sentence[index]!);
  }
  return out;
}

/** What the stance models read of a pooled sentence: its features, then its pair vectors if it has them. */
export function stanceRow(item: {
  features: number[];
  vectors?: { claim: Float32Array; sentence: Float32Array };
}): number[] {
  return item.vectors
    ? [...item.features, ...pairVectorFeatures(item.vectors.claim, item.vectors.sentence)]
    : item.features;
}
