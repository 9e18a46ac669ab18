/**
 * DOM repairs made before Readability scores the page, each for a way plain Readability loses
 * article text that is plainly there.
 */

/**
 * Rendered formulas (MathJax, KaTeX) sit in containers whose class names ("MathJax", "CtxtMenu")
 * look like menus to Readability, which then drops them and leaves sentences with holes ("When ,
 * there are two solutions to"). Each container that carries the formula's MathML is replaced by
 * that MathML, which has no such class and reads as text; the visual copy (aria-hidden) goes.
 */
const FORMULA_CONTAINERS = 'mjx-container, .MathJax, .MathJax_Display, .katex, .katex-display';

export function keepFormulas(document: Document): number {
  let replaced = 0;
  for (const container of Array.from(document.querySelectorAll(FORMULA_CONTAINERS))) {
    if (!container.isConnected) continue;
    const math = container.querySelector('math');
    if (!math) continue;
    container.replaceWith(math);
    replaced += 1;
  }
  return replaced;
}

/** Where a page marks its article body; only a `<noscript>` inside one is taken as article text. */
const ARTICLE_BODY =
  '[itemprop="articleBody"], article, [class*="post-body"], [class*="entry-content"], [class*="article-body"]';
const ASKS_FOR_JAVASCRIPT =
  /\b(enable|turn on|requires?)\b[^.]{0,40}\bjavascript\b|\bjavascript\b[^.]{0,40}\b(disabled|required|enabled)\b/i;

/** A `<noscript>` with at least this much paragraph text is a no-JavaScript copy of the article. */
const NOSCRIPT_ARTICLE_CHARS = 200;

/**
 * Some platforms (Blogger, several CMS themes) render the article from a script template and put
 * the same text in `<noscript>` for readers without JavaScript. Readability removes both, keeping
 * only the page's chrome. A `<noscript>` that holds real paragraphs is unwrapped into the page;
 * ones outside the marked article body, or that hold a tracking pixel or an "enable JavaScript"
 * line, stay out.
 */
export function unwrapNoscriptArticles(document: Document): number {
  let unwrapped = 0;
  for (const noscript of Array.from(document.querySelectorAll('body noscript'))) {
    if (!noscript.parentElement?.closest(ARTICLE_BODY)) continue;
    const paragraphs = Array.from(noscript.querySelectorAll('p'));
    const text = paragraphs.map((p) => p.textContent ?? '').join(' ');
    if (text.replace(/\s+/g, ' ').trim().length < NOSCRIPT_ARTICLE_CHARS) continue;
    if (ASKS_FOR_JAVASCRIPT.test(text)) continue;
    const holder = document.createElement('div');
    holder.innerHTML = noscript.innerHTML;
    noscript.replaceWith(holder);
    unwrapped += 1;
  }
  return unwrapped;
}

/** Runs each repair only when the raw page can need it: querying a large DOM is not free. */
export function prepareDom(document: Document, html: string): void {
  if (/mjx-container|MathJax|katex/.test(html)) keepFormulas(document);
  if (/<noscript/i.test(html)) unwrapNoscriptArticles(document);
}
