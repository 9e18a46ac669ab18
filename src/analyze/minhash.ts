import { tokenize } from './tokenize.js';

/** MinHash over word shingles, for finding copies and light rewrites (syndicated wire stories). */
export interface MinHashParams {
  /** Words per shingle. Default 3. */
  shingleWords: number;
  /** LSH bands × rows per band = signature length. Defaults 32 × 3 (96 hashes). */
  bands: number;
  rows: number;
}

export const DEFAULT_MINHASH: MinHashParams = { shingleWords: 3, bands: 32, rows: 3 };

/** FNV-1a, 32-bit. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A 32-bit mixer (murmur3's finaliser), seeded per hash function. */
function mix(value: number, seed: number): number {
  let hash = (value ^ seed) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: 256 }, (_, index) => mix(index + 1, 0x9e3779b9));

/** The MinHash signature of a text: for each of bands × rows seeded hashes, the least over its shingles. */
export function minhashSignature(text: string, params: MinHashParams = DEFAULT_MINHASH): Uint32Array {
  const words = tokenize(text);
  const size = params.bands * params.rows;
  const signature = new Uint32Array(size).fill(0xffffffff);
  const count = Math.max(1, words.length - params.shingleWords + 1);
  for (let start = 0; start < count; start++) {
    const shingle = fnv1a(words.slice(start, start + params.shingleWords).join(' '));
    for (let index = 0; index < size; index++) {
      const value = mix(shingle, SEEDS[index]!);
      if (value < signature[index]!) signature[index] = value;
    }
  }
  return signature;
}

/** LSH band keys: texts sharing any key are candidates; pairs at Jaccard 0.5 share one with p ≈ 0.99. */
export function bandKeys(signature: Uint32Array, params: MinHashParams = DEFAULT_MINHASH): string[] {
  const keys: string[] = [];
  for (let band = 0; band < params.bands; band++) {
    const rows = signature.subarray(band * params.rows, (band + 1) * params.rows);
    keys.push(`${band}:${[...rows].map((value) => value.toString(36)).join('.')}`);
  }
  return keys;
}

/** Share of equal signature positions: an unbiased estimate of the shingle sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let index = 0; index < a.length; index++) if (a[index] === b[index]) equal++;
  return a.length ? equal / a.length : 0;
}
