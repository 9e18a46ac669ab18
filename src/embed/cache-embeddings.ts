import type { EmbeddingModel } from './embedding-model.js';

/**
 * Wraps an embedding model with an in-memory cache keyed by text: the same sentence is encoded
 * once however often it is asked for (the pool of one claim overlaps the next one's). When the
 * cache holds `maxEntries` vectors it is emptied rather than grown without end.
 */
export function cacheEmbeddings(
  model: EmbeddingModel,
  maxEntries = 200_000,
): EmbeddingModel & { size(): number } {
  const cache = new Map<string, Float32Array>();
  return {
    name: model.name,
    dimensions: model.dimensions,
    size: () => cache.size,
    async embed(texts) {
      const missing = [...new Set(texts.filter((text) => !cache.has(text)))];
      if (missing.length > 0) {
        const vectors = await model.embed(missing);
        if (cache.size + missing.length > maxEntries) cache.clear();
        missing.forEach((text, index) => cache.set(text, vectors[index]!));
      }
      return texts.map((text) => cache.get(text)!);
    },
  };
}
