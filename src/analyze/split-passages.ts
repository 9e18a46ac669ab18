import { splitSentences } from './split-sentences.js';

export interface PassageDraft {
  text: string;
  sentences: string[];
}

/** Passages are whole paragraphs, merged while short and split (at sentence ends) while long. */
export interface PassageLimits {
  /** A paragraph shorter than this is merged with the next one. Default 280 characters. */
  minChars: number;
  /** A passage never grows past this unless one sentence is longer. Default 1,000 characters. */
  maxChars: number;
}

export const DEFAULT_PASSAGE_LIMITS: PassageLimits = { minChars: 280, maxChars: 1000 };

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

export function splitPassages(text: string, limits: PassageLimits = DEFAULT_PASSAGE_LIMITS): PassageDraft[] {
  const passages: PassageDraft[] = [];
  let current: string[] = [];
  let currentLength = 0;
  const flush = () => {
    if (current.length > 0) passages.push({ text: current.join(' '), sentences: current });
    current = [];
    currentLength = 0;
  };
  for (const paragraph of splitParagraphs(text)) {
    const sentences = splitSentences(paragraph);
    if (currentLength > 0 && currentLength + paragraph.length > limits.maxChars) flush();
    for (const sentence of sentences) {
      if (currentLength > 0 && currentLength + sentence.length + 1 > limits.maxChars) flush();
      current.push(sentence);
      currentLength += sentence.length + 1;
    }
    if (currentLength >= limits.minChars) flush();
  }
  flush();
  return passages;
}
