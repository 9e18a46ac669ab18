import { tokenize } from '../analyze/tokenize.js';

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
}

/** Bag-of-tokens precision, recall and F1 of extracted text against expected text (as extraction benchmarks score). */
export function tokenF1(extracted: string, expected: string): PrecisionRecall {
  const expectedCounts = new Map<string, number>();
  for (const token of tokenize(expected)) expectedCounts.set(token, (expectedCounts.get(token) ?? 0) + 1);
  const extractedTokens = tokenize(extracted);
  let overlap = 0;
  for (const token of extractedTokens) {
    const left = expectedCounts.get(token) ?? 0;
    if (left > 0) {
      overlap++;
      expectedCounts.set(token, left - 1);
    }
  }
  const expectedTotal = tokenize(expected).length;
  const precision = extractedTokens.length > 0 ? overlap / extractedTokens.length : 0;
  const recall = expectedTotal > 0 ? overlap / expectedTotal : 0;
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
  };
}
