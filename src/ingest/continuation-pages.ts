import { extractArticle } from '../extract/extract-article.js';
import { nextPageUrl } from '../extract/next-page-url.js';
import { decodeBytes } from './decode-bytes.js';
import { gunzipIfNeeded } from './gunzip-if-needed.js';
import type { SourceContext } from './ingest-item.js';

/** Pages an article is split over are followed this far. */
export const MAX_CONTINUATION_PAGES = 5;

/** Bodies of the further pages of a paginated article, in order; a page that fails ends the chain. */
export async function continuationPages(
  html: string,
  url: string,
  context: SourceContext,
): Promise<string[]> {
  const bodies: string[] = [];
  const seen = new Set([url]);
  let next = nextPageUrl(html, url);
  while (next && !seen.has(next) && bodies.length < MAX_CONTINUATION_PAGES) {
    seen.add(next);
    try {
      const page = await context.fetcher.fetch(next);
      const pageHtml = decodeBytes(gunzipIfNeeded(next, page.bytes, context.maxFileBytes), page.charset).text;
      bodies.push(extractArticle(pageHtml, 'html', page.url).text);
      next = nextPageUrl(pageHtml, page.url);
    } catch {
      break;
    }
  }
  return bodies;
}

/** Appends further pages, leaving out paragraphs the article already has (repeated intros, captions). */
export function joinPages(first: string, more: string[]): string {
  const paragraphs = first.split('\n\n');
  const seen = new Set(paragraphs);
  for (const paragraph of more.flatMap((body) => body.split('\n\n'))) {
    if (!seen.has(paragraph)) {
      paragraphs.push(paragraph);
      seen.add(paragraph);
    }
  }
  return paragraphs.join('\n\n');
}
