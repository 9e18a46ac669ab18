import { analyzeClaim } from '../assess/analyze-claim.js';
import { isCommonWord } from '../analyze/lexicon.js';
import type { Store } from '../store/store.js';
import type { Claim } from '../types.js';

/** A word the claim was read with instead of the one typed. */
export interface SpellingCorrection {
  /** As typed ("Ruboi"). */
  from: string;
  /** As read ("Rubio"). */
  to: string;
}

/** Shortest word worth correcting: shorter words have too many neighbours one edit away. */
const MIN_LENGTH = 5;
/** Least number of passages the corrected word must appear in. */
const MIN_PASSAGES = 2;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every lower-case word one edit away (a letter left out, added, changed, or two swapped). */
export function oneEditAway(word: string): string[] {
  const out = new Set<string>();
  for (let at = 0; at <= word.length; at++) {
    const [head, tail] = [word.slice(0, at), word.slice(at)];
    if (tail) out.add(head + tail.slice(1));
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) out.add(head + letter + tail.slice(1));
      out.add(head + letter + tail);
    }
  }
  out.delete(word);
  return [...out].sort();
}

/**
 * Reads a typo as the word the corpus holds ("Ruboi" → "Rubio", "infromants" → "informants"): a
 * claim word of five or more letters that is no English word, that no stored passage holds, and
 * that one edit turns into a word at least two passages hold, is read as the most frequent such
 * word. Names the corpus does not know stay as typed (nothing one edit away is stored), and so do
 * English words, however rare. The claim is analysed again with the corrected words, and the
 * corrections are returned so the report can say how the claim was read.
 */
export async function correctSpelling(
  store: Store,
  claim: Claim,
): Promise<{ claim: Claim; corrections: SpellingCorrection[] }> {
  const words = [...new Set(claim.text.match(/\p{L}+/gu) ?? [])].filter(
    (word) => word.length >= MIN_LENGTH && /^[A-Za-z]+$/.test(word) && !isCommonWord(word),
  );
  const known = await store.documentFrequencies(words.map((word) => word.toLowerCase()));
  const unknown = words.filter((word) => (known.get(word.toLowerCase()) ?? 0) === 0);
  const corrections: SpellingCorrection[] = [];
  for (const word of unknown) {
    const candidates = oneEditAway(word.toLowerCase());
    const frequencies = await store.documentFrequencies(candidates);
    let best: { word: string; passages: number } | undefined;
    for (const candidate of candidates) {
      const passages = frequencies.get(candidate) ?? 0;
      if (passages >= MIN_PASSAGES && (!best || passages > best.passages))
        best = { word: candidate, passages };
    }
    if (!best) continue;
    // Keep the typed capitalisation: "Ruboi" → "Rubio", "RUBOI" → "RUBIO".
    const to =
      word === word.toUpperCase()
        ? best.word.toUpperCase()
        : /^\p{Lu}/u.test(word)
          ? best.word.charAt(0).toUpperCase() + best.word.slice(1)
          : best.word;
    corrections.push({ from: word, to });
  }
  if (corrections.length === 0) return { claim, corrections };
  let text = claim.text;
  for (const { from, to } of corrections) text = text.replace(new RegExp(`\\b${from}\\b`, 'g'), to);
  return { claim: { ...analyzeClaim(text), question: claim.question }, corrections };
}
