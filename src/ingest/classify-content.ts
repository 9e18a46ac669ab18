import { sniffInputKind, type ArticleKind, type InputKind } from './detect-input-kind.js';
import { looksLikeSitemap } from './parse-sitemap.js';

export type ContentKind = ArticleKind | 'feed' | 'sitemap';

/** Feeds announce themselves in their root element, or as JSON Feed by their version URL. */
export function looksLikeFeed(content: string): boolean {
  const head = content.slice(0, 3000);
  return (
    /<(rss|feed|rdf:RDF)[\s>]/i.test(head) ||
    /^\s*\{[\s\S]*"version"\s*:\s*"https:\/\/jsonfeed\.org/.test(head)
  );
}

/**
 * What fetched or read text is, trusting the content over the name: a feed, a sitemap, an HTML
 * page, or text. `hint` (from the extension or Content-Type) settles text vs Markdown.
 */
export function classifyContent(content: string, hint: InputKind | ContentKind | null): ContentKind {
  if (looksLikeFeed(content)) return 'feed';
  if (looksLikeSitemap(content)) return 'sitemap';
  if (hint === 'html' || hint === 'markdown' || hint === 'text')
    return hint === 'text' ? sniffInputKind(content) : hint;
  return sniffInputKind(content);
}

/** The hint a Content-Type gives. */
export function kindFromContentType(contentType: string | null): ContentKind | null {
  if (!contentType) return null;
  if (/html/.test(contentType)) return 'html';
  if (/markdown/.test(contentType)) return 'markdown';
  if (/^text\/plain/.test(contentType)) return 'text';
  return null;
}
