import { getSentenceNlp } from './nlp.js';

/**
 * Splits one paragraph into sentences with wink-nlp's sentence boundary detection, which knows
 * abbreviations such as "U.S.", "Mr." and "p.m." (ICU's segmenter splits after each of them).
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  return getSentenceNlp()
    .readDoc(text)
    .sentences()
    .out()
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}
