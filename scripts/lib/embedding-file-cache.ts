/**
 * A disk cache for an embedding model, for the eval and training scripts: the eval corpora hold
 * about 100,000 sentences, which the Universal Sentence Encoder takes some twenty minutes to encode
 * on two cores, so each text is encoded once per machine. Records are appended to one file
 * (16-byte SHA-1 prefix of the text, then the vector as float32); a torn last record is ignored.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EmbeddingModel } from '../../src/embed/embedding-model.js';
import { precomputedScorer } from '../../src/embed/precomputed-scorer.js';
import { createUniversalSentenceEncoder } from '../../src/embed/universal-sentence-encoder.js';
import { packageRoot } from '../../src/config.js';
import type { VectorScorer } from '../../src/retrieve/vector-score.js';

const KEY_BYTES = 16;

function keyOf(text: string): string {
  return crypto
    .createHash('sha1')
    .update(text)
    .digest('hex')
    .slice(0, KEY_BYTES * 2);
}

export function fileCachedEmbeddings(
  model: EmbeddingModel,
  file: string,
  log: (line: string) => void = () => {},
): EmbeddingModel {
  const record = KEY_BYTES + model.dimensions * 4;
  const cache = new Map<string, Float32Array>();
  if (fs.existsSync(file)) {
    const bytes = fs.readFileSync(file);
    for (let at = 0; at + record <= bytes.length; at += record) {
      const key = bytes.subarray(at, at + KEY_BYTES).toString('hex');
      const vector = new Float32Array(model.dimensions);
      Buffer.from(vector.buffer).set(bytes.subarray(at + KEY_BYTES, at + record));
      cache.set(key, vector);
    }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return {
    name: model.name,
    dimensions: model.dimensions,
    async embed(texts) {
      const keys = texts.map(keyOf);
      const missing = [...new Map(texts.map((text, index) => [keys[index]!, text])).entries()].filter(
        ([key]) => !cache.has(key),
      );
      const chunk = 2048;
      for (let start = 0; start < missing.length; start += chunk) {
        const part = missing.slice(start, start + chunk);
        const started = performance.now();
        const vectors = await model.embed(part.map(([, text]) => text));
        const out = Buffer.alloc(part.length * record);
        part.forEach(([key], index) => {
          cache.set(key, vectors[index]!);
          Buffer.from(key, 'hex').copy(out, index * record);
          Buffer.from(vectors[index]!.buffer, vectors[index]!.byteOffset, model.dimensions * 4).copy(
            out,
            index * record + KEY_BYTES,
          );
        });
        fs.appendFileSync(file, out);
        log(
          `  encoded ${Math.min(start + chunk, missing.length)} of ${missing.length} new texts (${((performance.now() - started) / part.length) | 0 || '<1'} ms a text)`,
        );
      }
      return keys.map((key) => cache.get(key)!);
    },
  };
}

/** The eval scripts' encoder: the Universal Sentence Encoder behind this machine's disk cache. */
export function cachedEvalEncoder(log: (line: string) => void = console.log): EmbeddingModel {
  return fileCachedEmbeddings(
    createUniversalSentenceEncoder(),
    path.join(packageRoot(), '.verity', 'embeddings', 'use-lite-512.bin'),
    log,
  );
}

/**
 * A scorer over the given texts, encoded ahead; without `pairVectors` it gives similarities only
 * (models fitted on it read `denseSimilarity`, not the pair vectors).
 */
export async function evalDenseScorer(
  encoder: EmbeddingModel,
  texts: Iterable<string>,
  pairVectors: boolean,
): Promise<VectorScorer> {
  const scorer = await precomputedScorer(encoder, texts);
  return pairVectors ? scorer : { ...scorer, vectorOf: undefined };
}
