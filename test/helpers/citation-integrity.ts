import { expect } from 'vitest';
import type { Store } from '../../src/store/store.js';
import type { CitedSentence, Report } from '../../src/types.js';

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every report sentence, from the summary to the bottom line. */
export function reportSentences(report: Report): CitedSentence[] {
  return [
    ...report.summary,
    ...report.sections.flatMap((section) => section.sentences),
    ...report.bottomLine,
  ];
}

/**
 * The traceability rule, checked against the store: every sentence cites at least one source
 * (a report with no sources at all is the only exception), every citation resolves to a listed
 * source, every listed passage is stored with exactly that text, every source is cited, and every
 * quotation in a sentence is the words of a passage (or the headline) of a source it cites.
 */
export async function expectCitationIntegrity(report: Report, store: Store): Promise<void> {
  const byNumber = new Map(report.sources.map((source) => [source.n, source]));
  expect(report.sources.map((source) => source.n)).toEqual(report.sources.map((_, index) => index + 1));
  const cited = new Set<number>();
  // Each stored sentence is quoted once; later sentences name it by its opening words (quote-once.ts).
  const quotedAbove: string[] = [];
  for (const sentence of reportSentences(report)) {
    if (report.sources.length > 0) expect(sentence.citations.length, sentence.text).toBeGreaterThan(0);
    for (const n of sentence.citations) {
      expect(byNumber.has(n), `[${n}] in "${sentence.text}"`).toBe(true);
      cited.add(n);
    }
    // Quotations are declared by the model: each must be in the sentence and in a passage it cites.
    for (const quotation of sentence.quotes ?? []) {
      expect(sentence.text).toContain(quotation);
      const passages = sentence.citations.flatMap((n) =>
        byNumber.get(n)!.passages.map((passage) => normalise(passage.text)),
      );
      expect(
        passages.some((passage) => passage.includes(normalise(quotation))),
        `quotation not in cited passages: ${quotation}`,
      ).toBe(true);
    }
    // Every curly-quoted stretch long enough to be a sentence is declared as a quote or is a source's headline.
    const headlines = sentence.citations.map((n) =>
      normalise(byNumber.get(n)!.title ?? '').replace(/…$/, ''),
    );
    for (const match of sentence.text.matchAll(/“([^“”]{60,})”/g)) {
      const stretch = normalise(match[1]!).replace(/…$/, '');
      if (sentence.text.includes(`${match[0]} (quoted above)`)) {
        expect(
          quotedAbove.some((quotation) =>
            normalise(quotation)
              .replace(/^[“"‘']+/, '')
              .startsWith(stretch.trim()),
          ),
          `"quoted above" names no sentence quoted above: ${stretch}`,
        ).toBe(true);
        continue;
      }
      const declared = (sentence.quotes ?? []).some(
        (quotation) => normalise(quotation).includes(stretch) || stretch.includes(normalise(quotation)),
      );
      expect(
        declared || headlines.some((headline) => headline.startsWith(stretch)),
        `undeclared quotation: ${stretch}`,
      ).toBe(true);
    }
    quotedAbove.push(...(sentence.quotes ?? []));
  }
  for (const n of report.verdict.citations) cited.add(n);
  // No stored sentence is quoted twice.
  const quotations = reportSentences(report).flatMap((sentence) => sentence.quotes ?? []);
  expect(quotations.length, 'a stored sentence is quoted twice').toBe(new Set(quotations).size);
  for (const source of report.sources) {
    expect(cited.has(source.n), `source ${source.n} is listed but never cited`).toBe(true);
    expect(source.passages.length).toBeGreaterThan(0);
    for (const passage of source.passages) {
      const stored = await store.getPassage(passage.id);
      expect(stored, `passage ${passage.id} is not in the store`).not.toBeNull();
      expect(stored!.text).toBe(passage.text);
      expect(stored!.articleId).toBe(source.articleId);
    }
  }
}
