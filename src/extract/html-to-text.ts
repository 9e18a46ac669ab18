import { parseHTML } from 'linkedom';

const BLOCKS =
  'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd, div, section, article, br';

/** Text of an HTML fragment with one paragraph per block element, separated by blank lines. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const element of document.querySelectorAll(BLOCKS)) {
    element.before(document.createTextNode('\n\n'));
    element.after(document.createTextNode('\n\n'));
  }
  return (document.body.textContent ?? '')
    .split(/\n\s*\n/)
    .map((paragraph: string) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph: string) => paragraph !== '')
    .join('\n\n');
}
