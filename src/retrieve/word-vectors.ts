import fs from 'node:fs';
import { contentTerms } from '../analyze/tokenize.js';
import { UsageError } from '../errors.js';
import { cosine, type VectorScorer, type VectorSlot } from './vector-score.js';

/**
 * A vector scorer from a word-vector file in the GloVe / word2vec text format ("word v1 v2 …" per
 * line, an optional "count dimensions" header): a text's vector is the mean of its content words'
 * vectors. It catches paraphrases that share no word ("penned" / "written") where the vectors do.
 */
export function loadWordVectors(file: string): VectorScorer {
  if (!fs.existsSync(file))
    throw new UsageError(
      `The word-vector file ${file} does not exist; set VERITY_WORD_VECTORS to a GloVe or word2vec text file.`,
    );
  const vectors = new Map<string, Float32Array>();
  let dimensions = 0;
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 3) return; // blank line or the word2vec "count dimensions" header
      const values = Float32Array.from(fields.slice(1), Number);
      dimensions ||= values.length;
      if (values.length !== dimensions || values.some(Number.isNaN))
        throw new UsageError(
          `${file}, line ${index + 1}: expected a word and ${dimensions} numbers; is it a GloVe or word2vec text file?`,
        );
      vectors.set(fields[0]!.toLowerCase(), values);
    });
  if (vectors.size === 0) throw new UsageError(`${file} holds no word vectors.`);
  const embed = (text: string) => {
    const sum = new Float32Array(dimensions);
    for (const term of contentTerms(text)) {
      const vector = vectors.get(term);
      if (vector) for (let index = 0; index < dimensions; index++) sum[index]! += vector[index]!;
    }
    return sum;
  };
  return {
    name: `word vectors: ${file.split('/').pop()} (${vectors.size} words, ${dimensions} dimensions)`,
    similarity(claim, sentences) {
      const claimVector = embed(claim);
      return sentences.map((sentence) => cosine(claimVector, embed(sentence)));
    },
  };
}

const loaded = new Map<string, VectorScorer>();

/** The vector slot the configuration asks for (`VERITY_WORD_VECTORS`), loaded once per file; none by default. */
export function configuredVectors(config: {
  wordVectors: string | null;
  vectorWeight: number;
}): VectorSlot | undefined {
  if (!config.wordVectors) return undefined;
  const scorer = loaded.get(config.wordVectors) ?? loadWordVectors(config.wordVectors);
  loaded.set(config.wordVectors, scorer);
  return { scorer, weight: config.vectorWeight };
}
