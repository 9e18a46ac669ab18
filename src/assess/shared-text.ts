/**
 * How much of one article's text another holds, word for word: the share of its five-word runs
 * (shingles) that the other has. Unlike whole-text similarity (the ingest's MinHash Jaccard), this
 * finds a copy that holds only part of another article — a rewrite that keeps its paragraphs and
 * adds its own, a repost that trims the ending — because it is measured on the smaller text.
 */
import { tokenize } from '../analyze/tokenize.js';

const SHINGLE_WORDS = 5;

export function shingles(text: string): Set<string> {
  const words = tokenize(text);
  const out = new Set<string>();
  for (let start = 0; start + SHINGLE_WORDS <= words.length; start++)
    out.add(words.slice(start, start + SHINGLE_WORDS).join(' '));
  return out;
}

/** The share of `part`'s shingles that `whole` holds (0 when `part` has none). */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let held = 0;
  for (const shingle of part) if (whole.has(shingle)) held++;
  return held / part.size;
}
