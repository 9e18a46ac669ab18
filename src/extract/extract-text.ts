import type { ExtractedArticle } from '../types.js';
import { cleanAuthors } from './clean-authors.js';
import { DATELINE_LINE, DATELINE_PREFIX } from './dateline.js';
import { parseDate } from './parse-date.js';
import { removeBoilerplate } from './remove-boilerplate.js';

/** Lines searched for a byline at the top of a text article. */
const HEADER_SEARCH_DEPTH = 8;

const DATE_IN_LINE =
  /\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|\b[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}\b/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isByline(line: string): boolean {
  return (
    line.length <= 160 && (/^by\s+\p{Lu}/iu.test(line) || (DATE_IN_LINE.test(line) && /[|–—-]/.test(line)))
  );
}

/** Hard-wrapped lines are at most this long; a block with a longer line has one paragraph per line. */
const WRAP_WIDTH = 100;

/** Blank lines separate paragraphs; single newlines do too unless the block is hard-wrapped prose. */
function splitTextParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap((block) => {
      const blockLines = block.split('\n').filter((line) => line.trim() !== '');
      return blockLines.every((line) => line.length <= WRAP_WIDTH) ? [blockLines.join(' ')] : blockLines;
    })
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Markdown → plain paragraphs: headings, emphasis, links and images lose their markup. */
function stripMarkdown(text: string): string {
  return text
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(\S[^*_`]*?)\1/g, '$2')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '');
}

/**
 * Plain text or Markdown → article. Recognises the header wire copy carries: an optional section
 * label, the headline, a standfirst, a byline with dates ("Serdar Dincel | 19.10.2025 - Update :
 * 19.10.2025"), a repeated headline, and a dateline; then drops footer boilerplate.
 */
export function extractText(raw: string, format: 'text' | 'markdown' = 'text'): ExtractedArticle {
  const source = format === 'markdown' ? stripMarkdown(raw) : raw;
  const lines = splitTextParagraphs(source);
  const markdownTitle = format === 'markdown' ? /^#\s+(.+)$/m.exec(raw)?.[1]?.trim() : undefined;

  const bylineIndex = lines.slice(0, HEADER_SEARCH_DEPTH).findIndex(isByline);
  let header: string[] = [];
  let body = lines;
  let byline: string | null = null;
  if (bylineIndex >= 0) {
    header = lines.slice(0, bylineIndex);
    byline = lines[bylineIndex]!;
    body = lines.slice(bylineIndex + 1);
  } else if (lines[0] && lines.length > 1 && lines[0].length <= 200 && !/[.:;,]$/.test(lines[0])) {
    header = [lines[0]];
    body = lines.slice(1);
  }

  // Before the headline, short labels (1–3 words) are the section ("Americas").
  const titleIndex = header.findIndex((line) => wordCount(line) >= 4);
  const title = markdownTitle ?? header[titleIndex] ?? header[0] ?? null;
  const section = titleIndex > 0 ? header.slice(0, titleIndex).join(' / ') : null;
  const standfirst = titleIndex >= 0 ? header.slice(titleIndex + 1).join(' ') || null : null;

  body = body.filter((line) => line !== title);
  let dateline: string | null = null;
  const first = body[0];
  if (first && DATELINE_LINE.test(first) && wordCount(first) <= 4) {
    dateline = first.replace(/\s*\(.*\)$/, '');
    body = body.slice(1);
  } else if (first) {
    const prefix = DATELINE_PREFIX.exec(first);
    if (prefix) {
      dateline = prefix[1]!.trim();
      body = [first.slice(prefix[0].length), ...body.slice(1)];
    }
  }

  const dates = byline
    ? [...byline.matchAll(new RegExp(DATE_IN_LINE.source, 'g'))].map((match) => match[0])
    : [];
  const updateAt = byline ? byline.search(/update/i) : -1;
  return {
    title,
    standfirst,
    authors: byline ? cleanAuthors(byline.split(/\s[|–—]\s|\s+\|\s*/)[0] ?? null) : [],
    outlet: null,
    section,
    published: parseDate(dates[0] ?? null),
    updated: updateAt >= 0 && dates.length > 1 ? parseDate(dates[dates.length - 1]!) : null,
    dateline,
    language: null,
    url: null,
    text: removeBoilerplate(body).join('\n\n'),
  };
}
