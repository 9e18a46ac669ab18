import type { ArticleInfo } from '../types.js';

/**
 * Which article a sentence belongs to when reading sentences together: same address, else same
 * headline, else the stored article (an evaluation corpus stores each line as its own article and
 * groups the lines of one document by address).
 */
export function articleKey(article: ArticleInfo): string {
  return article.url ?? article.title ?? article.id;
}

/** The web site an article was read from ("nytimes.com"), when it has an address. */
export function siteOf(article: ArticleInfo): string | null {
  if (!article.url) return null;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** How a report names an article's outlet: its outlet, else its web site, else the article. */
export function outletOf(article: ArticleInfo): string {
  return article.outlet ?? siteOf(article) ?? articleKey(article);
}
