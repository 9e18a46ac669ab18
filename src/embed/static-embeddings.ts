import { contentTerms } from '../analyze/tokenize.js';
import { normalise, type EmbeddingModel } from './embedding-model.js';

/** Smooth inverse frequency (Arora, Liang and Ma 2017): a word weighs a / (a + its share of all words). */
export const SIF_A = 1e-3;

/** Content terms of the texts with their counts: the vocabulary of a static model and its word frequencies. */
export function vocabularyOf(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const term of contentTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/**
 * A sentence encoder distilled into static word vectors, as Model2Vec does: each vocabulary word's
 * vector is the full encoder's vector for the word alone, and a text's vector is the mean of its
 * words' vectors weighted by smooth inverse frequency. It costs microseconds a sentence instead of
 * milliseconds, so every passage can have one at ingest; it loses word order and context.
 */
export async function createStaticEmbeddings(
  encoder: EmbeddingModel,
  vocabulary: Map<string, number>,
): Promise<EmbeddingModel> {
  const words = [...vocabulary.keys()].sort();
  const vectors = await encoder.embed(words);
  const total = [...vocabulary.values()].reduce((sum, count) => sum + count, 0) || 1;
  const table = new Map(words.map((word, index) => [word, vectors[index]!]));
  const weight = (word: string) => SIF_A / (SIF_A + (vocabulary.get(word) ?? 0) / total);
  return {
    name: `${encoder.name}, distilled to static word vectors (${words.length} words)`,
    dimensions: encoder.dimensions,
    async embed(texts) {
      return texts.map((text) => {
        const sum = new Float32Array(encoder.dimensions);
        for (const term of contentTerms(text)) {
          const vector = table.get(term);
          if (!vector) continue;
          const w = weight(term);
          for (let index = 0; index < sum.length; index++) sum[index]! += w * vector[index]!;
        }
        return normalise(sum);
      });
    },
  };
}
