/**
 * BM25's inverse document frequency, ln(1 + (N − df + 0.5) / (df + 0.5)): always positive, and
 * large for terms few passages hold (names, numbers), small for common words.
 */
export function idf(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
}
