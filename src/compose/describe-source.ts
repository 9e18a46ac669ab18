import type { ArticleInfo } from '../types.js';
import { siteOf } from '../retrieve/article-key.js';

const MAX_TITLE = 70;

/**
 * How a report sentence names a source: its outlet, else its web site, else its byline ("an article
 * by Serdar Dincel"), else its headline (shortened), plus the date.
 */
export function describeSource(article: ArticleInfo): string {
  let name = article.outlet ?? siteOf(article);
  if (!name && article.authors.length > 0) name = `an article by ${article.authors.join(' and ')}`;
  if (!name && article.title) {
    name =
      article.title.length > MAX_TITLE
        ? `“${article.title.slice(0, MAX_TITLE).replace(/\s+\S*$/, '')}…”`
        : `“${article.title}”`;
  }
  name ??= `article ${article.id}`;
  return article.published ? `${name} (${article.published.slice(0, 10)})` : name;
}

/** Quotes a stored sentence verbatim, with curly quotes, as report text. */
export function quote(sentence: string): string {
  return `“${sentence}”`;
}

/** The opening words of a sentence, quoted, to say which sentence a note is about. */
export function openingWords(sentence: string, count = 8): string {
  const words = sentence.replace(/^[“"‘']+/, '').split(/\s+/);
  return `“${words.slice(0, count).join(' ')}${words.length > count ? ' …' : ''}”`;
}
