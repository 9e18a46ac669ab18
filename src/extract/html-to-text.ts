import { parseHTML } from 'linkedom';

const BLOCKS =
  'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, article, br';

/** Text of an HTML fragment with one paragraph per block element, separated by blank lines. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return elementText(document.body as unknown as Element);
}

/**
 * The same, read from an element of a parsed page (which it changes: blank lines go in around its
 * blocks), so that a subtree already in memory is not written out as HTML and parsed again.
 */
export function elementText(element: Element): string {
  const document = element.ownerDocument;
  for (const block of element.querySelectorAll(BLOCKS)) {
    block.before(document.createTextNode('\n\n'));
    block.after(document.createTextNode('\n\n'));
  }
  return (element.textContent ?? '')
    .split(/\n\s*\n/)
    .map((paragraph: string) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph: string) => paragraph !== '')
    .join('\n\n');
}
