import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedArticle } from '../types.js';
import { cleanAuthors } from './clean-authors.js';
import { cleanTitle } from './clean-title.js';
import { elementText, htmlToText } from './html-to-text.js';
import { prepareDom } from './prepare-dom.js';
import { readPageMetadata } from './html-metadata.js';
import { parseDate } from './parse-date.js';
import { removeBoilerplate } from './remove-boilerplate.js';
import { datelineOf } from './dateline.js';
import { type MarkupLimits, measureMarkup } from './measure-markup.js';
import { InputError } from '../errors.js';
import { DEFAULT_LIMITS } from '../config.js';
import { visibleDates } from './visible-dates.js';

/** Fallback for pages too short or too broken for Readability: the body's text, minus non-content elements. */
function bodyParagraphs(html: string): string[] {
  const { document } = parseHTML(html);
  for (const element of document.querySelectorAll(
    'script, style, noscript, nav, header, footer, aside, form, title',
  )) {
    element.remove();
  }
  const text = htmlToText(document.body?.innerHTML ?? '');
  return text === '' ? [] : text.split('\n\n');
}

/** Below this many characters, Readability's pick is checked against the page's marked-up article body. */
export const SHORT_BODY_CHARS = 1500;

/**
 * Readability sometimes keeps only a fragment of a page it scores oddly (heavy markup, many links).
 * When its text is short and the page marks an article body (`itemprop="articleBody"` or a single
 * `<article>`) at least twice as long, that body is used instead.
 */
function preferMarkedBody(paragraphs: string[], html: string): string[] {
  const length = paragraphs.join(' ').length;
  if (length >= SHORT_BODY_CHARS) return paragraphs;
  const { document } = parseHTML(html);
  const hidden =
    '[hidden], [style*="display:none"], [style*="display: none"], [style*="visibility:hidden"], [style*="visibility: hidden"]';
  for (const element of document.querySelectorAll(
    `script, style, noscript, nav, aside, form, figure, footer, header, ${hidden}`,
  )) {
    element.remove();
  }
  const articles = document.querySelectorAll('article');
  const marked =
    document.querySelector('[itemprop="articleBody"]') ?? (articles.length === 1 ? articles[0] : null);
  if (!marked) return paragraphs;
  const text = htmlToText(marked.innerHTML);
  // The marked body must hold what Readability found (most of its paragraphs), not some other block.
  const held = paragraphs.filter((paragraph) => text.includes(paragraph)).length;
  const contains = paragraphs.length === 0 || held / paragraphs.length >= 0.8;
  return contains && text.length >= 2 * Math.max(length, 1) ? text.split('\n\n') : paragraphs;
}

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length > 0) ?? [];
}

export const DEFAULT_MARKUP_LIMITS: MarkupLimits = {
  maxElements: DEFAULT_LIMITS.maxDomElements,
  maxDepth: DEFAULT_LIMITS.maxDomDepth,
};

/** A page past the element or depth budget is refused before any parser sees it (see measure-markup.ts). */
function refuseOverBudget(html: string, limits: MarkupLimits): void {
  const measure = measureMarkup(html, limits);
  if (measure.depth > limits.maxDepth)
    throw new InputError(
      '',
      `nests elements more than ${limits.maxDepth} deep (VERITY_MAX_DOM_DEPTH raises the limit); skipped unparsed`,
    );
  if (measure.elements > limits.maxElements)
    throw new InputError(
      '',
      `has more than ${limits.maxElements.toLocaleString('en-US')} elements (VERITY_MAX_DOM_ELEMENTS raises the limit); skipped unparsed`,
    );
}

/**
 * HTML page → article body and metadata: Mozilla Readability over linkedom for the body (about 8×
 * faster than over jsdom, same output), page metadata (JSON-LD, OpenGraph, meta tags) for the
 * fields, and Verity's boilerplate rules on the paragraphs Readability keeps.
 */
export function extractHtml(
  source: string,
  url: string | null = null,
  limits: MarkupLimits = DEFAULT_MARKUP_LIMITS,
): ExtractedArticle {
  refuseOverBudget(source, limits);
  let html = source;
  let { document } = parseHTML(html);
  // A fragment with no page at its top (empty, bare text, a lone script, a cut-off tag) has no
  // document element for Readability to read: it is read as the body of a page.
  if (document.documentElement?.localName !== 'html') {
    html = `<!doctype html><html><body>${source}</body></html>`;
    ({ document } = parseHTML(html));
  }
  const metadata = readPageMetadata(document as unknown as Document);
  const h1s = document.querySelectorAll('h1');
  const titleCandidates = [
    metadata.title,
    metadata.ogTitle,
    document.querySelector('title')?.textContent,
    h1s.length === 1 ? h1s[0]!.textContent : null,
  ];
  const printed = metadata.published ? null : visibleDates(document as unknown as Document);
  prepareDom(document as unknown as Document, html);
  // Readability mutates the DOM, so metadata is read first. Its pick is read as it stands in the
  // page (the serializer hands back the element), not written out as HTML and parsed again.
  const parsed = new Readability<Element>(document as unknown as Document, {
    serializer: (element) => element as Element,
  }).parse();
  let paragraphs = parsed?.content ? elementText(parsed.content).split('\n\n') : [];
  const jsonLdParagraphs =
    metadata.jsonLdBody
      ?.split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean) ?? [];
  if (jsonLdParagraphs.join(' ').length > paragraphs.join(' ').length * 1.2) paragraphs = jsonLdParagraphs;
  paragraphs = preferMarkedBody(paragraphs, html);
  if (paragraphs.length === 0) paragraphs = bodyParagraphs(html);
  const outlet = metadata.outlet ?? parsed?.siteName ?? null;
  const title = cleanTitle([...titleCandidates, parsed?.title], outlet);
  paragraphs = removeBoilerplate(
    paragraphs.filter((paragraph, index) => !(index === 0 && paragraph === title)),
    { trimTail: false },
  );
  return {
    title,
    standfirst: metadata.description,
    authors: firstNonEmpty(metadata.authors, cleanAuthors(parsed?.byline ?? null), metadata.metaAuthors),
    outlet,
    section: metadata.section,
    published: metadata.published ?? parseDate(parsed?.publishedTime ?? null) ?? printed?.published ?? null,
    updated: metadata.updated ?? printed?.updated ?? null,
    dateline: datelineOf(paragraphs[0]),
    language: metadata.language ?? parsed?.lang ?? null,
    url: metadata.canonicalUrl ?? url,
    text: paragraphs.join('\n\n'),
  };
}
