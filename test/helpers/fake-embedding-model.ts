import { stemSet } from '../../src/analyze/tokenize.js';
import { normalise, type EmbeddingModel } from '../../src/embed/embedding-model.js';

/**
 * A deterministic stand-in for a sentence encoder: each stem hashes to one of `dimensions` slots,
 * so texts that share words are close and texts that share none are orthogonal. It counts what it
 * was asked to embed, so tests can see what a wrapper passed through.
 */
export function fakeEmbeddingModel(dimensions = 1024): EmbeddingModel & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    name: 'fake bag-of-stems encoder',
    dimensions,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      return texts.map((text) => {
        const vector = new Float32Array(dimensions);
        for (const key of stemSet(text)) {
          let hash = 0x811c9dc5;
          for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
          vector[hash % dimensions]! += 1;
        }
        return normalise(vector);
      });
    },
  };
}
