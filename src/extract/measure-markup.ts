/**
 * A linear pre-scan of a page's markup: how many elements it opens and how deep they nest. The
 * DOM parsers Verity could use (linkedom, htmlparser2) take time quadratic in nesting depth —
 * 200,000 nested `<div>`s take 30–50 s to parse — so the budget is checked on the raw text first,
 * with a tag scanner that is linear whatever the input, and a page over budget never reaches them.
 *
 * The depth is an estimate of the parser's: void elements and `<x/>` do not nest, a repeated
 * `<p>`, `<li>`, `<td>`… closes the one before it (as HTML's implied end tags do), an end tag
 * closes up to its open element and is ignored when none is open, and script, style and comment
 * text is skipped.
 */

export interface MarkupLimits {
  /** Most elements one page may open. */
  maxElements: number;
  /** Deepest nesting of elements one page may have. */
  maxDepth: number;
}

export interface MarkupMeasure {
  elements: number;
  depth: number;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'frame',
  'keygen',
  'basefont',
  'isindex',
]);
/** Elements whose end tag HTML lets authors leave out: a second one closes the first. */
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
  'optgroup',
  'thead',
  'tbody',
  'tfoot',
  'rb',
  'rt',
  'rp',
]);
/** Elements whose content is raw text: no tags inside are elements. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]));
function rawTextEnd(name: string): RegExp {
  return RAW_TEXT_END.get(name)!;
}

const TAG = /<(!--|\/?)([a-zA-Z][a-zA-Z0-9:-]*)?([^>]*)>/g;

/** Counts elements and nesting depth; stops early once either passes `limits` (the page is refused then anyway). */
export function measureMarkup(html: string, limits?: MarkupLimits): MarkupMeasure {
  const stack: string[] = [];
  const open = new Map<string, number>();
  let elements = 0;
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [whole, prefix, rawName, rest] = match;
    if (prefix === '!--') {
      // A comment runs to the next `-->`, whatever it holds.
      const end = html.indexOf('-->', match.index + 4);
      if (end < 0) break;
      TAG.lastIndex = end + 3;
      continue;
    }
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (prefix === '/') {
      if (!open.get(name)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, open.get(top)! - 1);
        if (top === name) break;
      }
      continue;
    }
    elements += 1;
    if (VOID.has(name) || rest!.endsWith('/')) continue;
    if (RAW_TEXT.has(name)) {
      const closing = rawTextEnd(name);
      closing.lastIndex = match.index + whole.length;
      const end = closing.exec(html)?.index ?? -1;
      if (end < 0) break;
      TAG.lastIndex = end;
      // The end tag is read next and closes the element pushed here.
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) {
      stack.pop();
      open.set(name, open.get(name)! - 1);
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > depth) depth = stack.length;
    if (limits && (elements > limits.maxElements || depth > limits.maxDepth)) break;
  }
  return { elements, depth };
}
