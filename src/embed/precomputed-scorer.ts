import type { VectorScorer } from '../retrieve/vector-score.js';
import { dot, type EmbeddingModel } from './embedding-model.js';

/**
 * A synchronous vector scorer over texts embedded ahead of time (the checking pipeline is
 * synchronous; the encoder is not). Similarity is the cosine of the two texts' vectors; a text that
 * was not embedded ahead scores 0 and is counted, so a caller can see that it missed some.
 */
export async function precomputedScorer(
  model: EmbeddingModel,
  texts: Iterable<string>,
): Promise<VectorScorer & { misses: () => number }> {
  const unique = [...new Set(texts)];
  const vectors = await model.embed(unique);
  const byText = new Map(unique.map((text, index) => [text, vectors[index]!]));
  let misses = 0;
  return {
    name: model.name,
    misses: () => misses,
    vectorOf: (text) => byText.get(text),
    dimensions: model.dimensions,
    similarity(claim, sentences) {
      const claimVector = byText.get(claim);
      return sentences.map((sentence) => {
        const vector = byText.get(sentence);
        if (!claimVector || !vector) {
          misses++;
          return 0;
        }
        return dot(claimVector, vector);
      });
    },
  };
}
