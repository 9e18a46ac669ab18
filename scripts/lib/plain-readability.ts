import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../../src/extract/html-to-text.js';

/** The baseline: Mozilla Readability over the same linkedom DOM, nothing else. */
export function readabilityParse(html: string) {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse();
}

export function plainReadability(html: string): string {
  const parsed = readabilityParse(html);
  return parsed?.content ? htmlToText(parsed.content) : '';
}
