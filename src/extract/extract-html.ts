import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ExtractedArticle } from '../types.js';
import { cleanAuthors } from './clean-authors.js';
import { htmlToText } from './html-to-text.js';
import { readPageMetadata } from './html-metadata.js';
import { parseDate } from './parse-date.js';
import { removeBoilerplate } from './remove-boilerplate.js';

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

function firstNonEmpty(...lists: string[][]): string[] {
  return lists.find((list) => list.length > 0) ?? [];
}

/**
 * HTML page → article body and metadata: Mozilla Readability over linkedom for the body (about 8×
 * faster than over jsdom, same output), page metadata (JSON-LD, OpenGraph, meta tags) for the
 * fields, and Verity's boilerplate rules on the paragraphs Readability keeps.
 */
export function extractHtml(html: string, url: string | null = null): ExtractedArticle {
  const { document } = parseHTML(html);
  const metadata = readPageMetadata(document as unknown as Document);
  // Readability mutates the DOM, so metadata is read first.
  const parsed = new Readability(document as unknown as Document).parse();
  let paragraphs = parsed?.content ? htmlToText(parsed.content).split('\n\n') : [];
  const jsonLdParagraphs =
    metadata.jsonLdBody
      ?.split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean) ?? [];
  if (jsonLdParagraphs.join(' ').length > paragraphs.join(' ').length * 1.2) paragraphs = jsonLdParagraphs;
  if (paragraphs.length === 0) paragraphs = bodyParagraphs(html);
  const title = metadata.title ?? parsed?.title?.trim() ?? null;
  paragraphs = removeBoilerplate(
    paragraphs.filter((paragraph, index) => !(index === 0 && paragraph === title)),
  );
  return {
    title,
    standfirst: metadata.description,
    authors: firstNonEmpty(metadata.authors, cleanAuthors(parsed?.byline ?? null), metadata.metaAuthors),
    outlet: metadata.outlet ?? parsed?.siteName ?? null,
    section: metadata.section,
    published: metadata.published ?? parseDate(parsed?.publishedTime ?? null),
    updated: metadata.updated,
    dateline: null,
    language: metadata.language ?? parsed?.lang ?? null,
    url: metadata.canonicalUrl ?? url,
    text: paragraphs.join('\n\n'),
  };
}
