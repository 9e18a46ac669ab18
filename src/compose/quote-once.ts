/**
 * A report quotes each stored sentence once: where a later sentence of the report would quote a
 * sentence already quoted above, it names it by its opening words instead ("“Days before
 * deporting …” (quoted above)"). Reading the same long quotation three times tells a reader
 * nothing new, and hides what is new.
 */
import type { CitedSentence } from '../types.js';
import { openingWords, quote } from './describe-source.js';

/** Rewrites the report's sentences in reading order (summary, sections, bottom line). */
export function quoteOnce(groups: CitedSentence[][]): CitedSentence[][] {
  const quoted = new Set<string>();
  return groups.map((sentences) =>
    sentences.map((sentence) => {
      if (!sentence.quotes?.length) return sentence;
      let text = sentence.text;
      const kept: string[] = [];
      for (const stored of sentence.quotes) {
        if (quoted.has(stored)) text = text.replace(quote(stored), `${openingWords(stored)} (quoted above)`);
        else {
          quoted.add(stored);
          kept.push(stored);
        }
      }
      return kept.length > 0 ? { ...sentence, text, quotes: kept } : { text, citations: sentence.citations };
    }),
  );
}
